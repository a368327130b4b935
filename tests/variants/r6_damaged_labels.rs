//! R6 damaged labels: L1 as the example with one label misspelt (`2.其他法律行政止公开`, 法规禁 lost,
//! as published reports have it) and one cut short (`5.要求行政机关确认或重新出具已获`).
//!
//! The rows still take their template places and figures (rows are aligned to the template by order as
//! well as by text), and each damaged label gets one `label/nonstandard`.

use super::example::Example;
use super::{Extra, Mark, Variant, l1};

pub const DAMAGED: [(usize, &str); 2] = [
    (11, "2.其他法律行政止公开"),
    (25, "5.要求行政机关确认或重新出具已获"),
];

pub fn generate(example: &Example) -> Variant {
    let mut ex = example.clone();
    for (id, label) in DAMAGED {
        ex.row_mut(id).label = label.to_string();
    }
    let doc = l1::render(&ex);
    let extra = DAMAGED
        .iter()
        .map(|&(id, _)| Extra {
            code: "label/nonstandard",
            within: doc.range(Mark::Label(id)),
            states: None,
        })
        .collect();
    Variant {
        extra,
        ..Variant::plain(doc, ex)
    }
}
