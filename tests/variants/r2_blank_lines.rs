//! R2 blank-line cells, as web-houqi, web-wuhan and web-hld pages are stored: every cell and every
//! paragraph on its own line with an empty line after it, no pipes; two-line header cells (`商业` /
//! `企业`) split into two; stray spaces around some figures (` 0`, `0 `, `52425 `, as web-hld's `20 `).

use super::example::{Example, Row};
use super::{Doc, Mark, Variant};

/// Figures written with spaces around them: (row, col, how).
const SPACED: [(usize, usize, &str); 6] = [
    (0, 0, " {}"),
    (0, 1, "{} "),
    (1, 2, " {}"),
    (2, 0, "{} "),
    (6, 0, " {}"),
    (30, 6, "{} "),
];

pub fn generate(example: &Example) -> Variant {
    let mut ex = example.clone();
    for (id, col, how) in SPACED {
        let v = &mut ex.row_mut(id).values[col];
        *v = how.replace("{}", v);
    }
    let mut d = Doc::new("\n\n");
    for l in ex.before.iter().filter(|l| !l.is_empty()) {
        d.line(l);
    }
    super::sections(&mut d, &ex, |d, i| match i {
        1 => active(d, &ex),
        2 => requests(d, &ex),
        3 => appeals(d, &ex),
        _ => {}
    });
    Variant::plain(d.finish(), ex)
}

fn header(d: &mut Doc, text: &str) {
    // 商业企业 and 科研机构 wrap inside their cells; the page keeps each line.
    match text {
        "商业企业" | "科研机构" => {
            let half = text.char_indices().nth(2).map_or(0, |(i, _)| i);
            d.mark(Mark::Header, &text[..half]).nl();
            d.mark(Mark::Header, &text[half..]).nl()
        }
        _ => d.mark(Mark::Header, text).nl(),
    };
}

fn row(d: &mut Doc, r: &Row) {
    for g in &r.groups {
        d.mark(Mark::Group, g).nl();
    }
    d.mark(Mark::Label(r.id), &r.label).nl();
    for (col, v) in r.values.iter().enumerate() {
        d.mark(Mark::Cell(r.id, col), v).nl();
    }
}

fn active(d: &mut Doc, ex: &Example) {
    for t in &ex.active {
        header(d, &t.anchor.text);
        t.header.iter().for_each(|h| header(d, &h.text));
        t.rows.iter().for_each(|r| row(d, r));
    }
}

fn requests(d: &mut Doc, ex: &Example) {
    ex.requests_header.iter().for_each(|h| header(d, &h.text));
    ex.requests.iter().for_each(|r| row(d, r));
}

fn appeals(d: &mut Doc, ex: &Example) {
    ex.appeals_header.iter().for_each(|h| header(d, &h.text));
    for (col, v) in ex.appeals.iter().enumerate() {
        d.mark(Mark::Cell(31, col), v).nl();
    }
}
