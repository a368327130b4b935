//! Layout L1, the example's own: one cell per line ending ` |`, lines of pipes for merged cells. The
//! unchanged example renders back to the fixture byte for byte; R3, R5–R8 render changed examples.
//! A blank figure (`""`) is written as a line holding only `|`, as web-district-tjj does.

use super::example::{Example, Item, Row};
use super::{Doc, Mark};

pub fn render(ex: &Example) -> Doc {
    let mut d = Doc::new("\n");
    write(&mut d, ex);
    d.finish()
}

/// Writes the whole report into `d`, line by line.
pub fn write(d: &mut Doc, ex: &Example) {
    for l in &ex.before {
        d.line(l);
    }
    super::sections(d, ex, |d, i| match i {
        1 => active(d, ex),
        2 => requests(d, ex),
        3 => appeals(d, ex),
        _ => {}
    });
}

fn cell(d: &mut Doc, mark: Mark, text: &str, trail: &str) {
    if text.trim().is_empty() {
        d.mark(mark, "|");
    } else {
        d.mark(mark, text).put(" |");
    }
    d.nl();
    if !trail.is_empty() {
        d.line(trail);
    }
}

fn item(d: &mut Doc, it: &Item) {
    cell(d, Mark::Header, &it.text, &it.trail);
}

fn row(d: &mut Doc, r: &Row) {
    for g in &r.groups {
        cell(d, Mark::Group, g, "");
    }
    cell(d, Mark::Label(r.id), &r.label, "");
    let last = r.values.len() - 1;
    for (col, v) in r.values.iter().enumerate() {
        let trail = if col == last { r.trail.as_str() } else { "" };
        cell(d, Mark::Cell(r.id, col), v, trail);
    }
}

fn active(d: &mut Doc, ex: &Example) {
    for t in &ex.active {
        item(d, &t.anchor);
        t.header.iter().for_each(|h| item(d, h));
        t.rows.iter().for_each(|r| row(d, r));
    }
}

fn requests(d: &mut Doc, ex: &Example) {
    ex.requests_header.iter().for_each(|h| item(d, h));
    ex.requests.iter().for_each(|r| row(d, r));
}

fn appeals(d: &mut Doc, ex: &Example) {
    ex.appeals_header.iter().for_each(|h| item(d, h));
    for (col, v) in ex.appeals.iter().enumerate() {
        cell(d, Mark::Cell(31, col), v, "");
    }
}
