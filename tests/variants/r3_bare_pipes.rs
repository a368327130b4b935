//! R3 bare-pipe cells, as web-district-tjj-2023 publishes them: L1 as the example, but the applicant
//! cells of 一、本年新收 and 二、上年结转 left blank — a line holding only `|` where the figure would be,
//! with only 总计 filled in — and 规章's three cells in 表二 written as `/`.
//!
//! Blank cells exist and are blank (200 cells), read as 0 in the equations, and each table with blanks
//! gets one `value/missing` at its first blank cell stating how many there are.

use super::example::Example;
use super::{Extra, Mark, Variant, l1};

pub fn generate(example: &Example) -> Variant {
    let mut ex = example.clone();
    for v in &mut ex.row_mut(0).values {
        *v = "/".to_string();
    }
    // 一、本年新收: 自然人 and 总计 keep their figures, the five organisations are blank.
    for v in &mut ex.row_mut(6).values[1..6] {
        v.clear();
    }
    // 二、上年结转: every applicant blank, 总计 0.
    for v in &mut ex.row_mut(7).values[..6] {
        v.clear();
    }
    let doc = l1::render(&ex);
    let extra = vec![
        Extra {
            code: "value/missing",
            within: doc.range(Mark::Cell(0, 0)),
            states: Some(3),
        },
        Extra {
            code: "value/missing",
            within: doc.line_at(doc.range(Mark::Cell(6, 1)).start),
            states: Some(5 + 6),
        },
    ];
    Variant {
        extra,
        ..Variant::plain(doc, ex)
    }
}
