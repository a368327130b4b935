//! R9 cells run together, as web-haicheng-xisi prints 表二: PDF rows (`label n n …`, layout L5) in
//! which 规章 and its three zeros have lost their spaces: `规章000`.
//!
//! The row cannot be read (197 cells): the reader says so once, with `structure/cell-count` at the
//! row, and never guesses which digits are which cell.

use super::example::{Example, Row};
use super::{Doc, Extra, Mark, Variant};

pub fn generate(example: &Example) -> Variant {
    let ex = example.clone();
    let mut d = Doc::new("\n");
    for l in &ex.before {
        d.line(l);
    }
    super::sections(&mut d, &ex, |d, i| match i {
        1 => active(d, &ex),
        2 => requests(d, &ex),
        3 => appeals(d, &ex),
        _ => {}
    });
    let doc = d.finish();
    let extra = vec![Extra {
        code: "structure/cell-count",
        within: doc.range(Mark::Label(0)),
        states: None,
    }];
    Variant {
        unread: vec![0],
        extra,
        ..Variant::plain(doc, ex)
    }
}

fn headers(d: &mut Doc, headers: &[&str]) {
    d.mark(Mark::Header, &headers.join(" ")).nl();
}

fn row(d: &mut Doc, r: &Row) {
    if r.id == 0 {
        d.mark(Mark::Label(0), &format!("{}{}", r.label, r.values.concat()));
    } else {
        d.mark(Mark::Label(r.id), &r.label);
        for (col, v) in r.values.iter().enumerate() {
            d.put(" ").mark(Mark::Cell(r.id, col), v);
        }
    }
    d.nl();
}

fn active(d: &mut Doc, ex: &Example) {
    for t in &ex.active {
        headers(d, &[&t.anchor.text]);
        headers(
            d,
            &t.header.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(),
        );
        t.rows.iter().for_each(|r| row(d, r));
    }
}

fn requests(d: &mut Doc, ex: &Example) {
    let h: Vec<&str> = ex.requests_header.iter().map(|h| h.text.as_str()).collect();
    for line in [&h[..1], &h[1..2], &h[2..5], &h[5..]] {
        headers(d, line);
    }
    for r in &ex.requests {
        for g in &r.groups {
            d.mark(Mark::Group, g).put(" ");
        }
        row(d, r);
    }
}

fn appeals(d: &mut Doc, ex: &Example) {
    let h: Vec<&str> = ex.appeals_header.iter().map(|h| h.text.as_str()).collect();
    for line in [&h[..2], &h[2..9], &h[9..]] {
        headers(d, line);
    }
    let values = ex.appeals.iter().enumerate();
    for (col, v) in values {
        if col > 0 {
            d.put(" ");
        }
        d.mark(Mark::Cell(31, col), v);
    }
    d.nl();
}
