//! `statute/unknown-reference`: a reference to an article, paragraph or item the regulation lacks.

use crate::analysis::model::Report;
use crate::analysis::{Finding, Message, Rule};
use crate::statute::regulation;

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    for r in &report.references {
        if let Err(why) = regulation().resolve(r.citation) {
            out.push(Finding::new(
                Rule::UnknownReference,
                r.span.clone(),
                Message::new(why.message_zh(), why.message_en()),
            ));
        }
    }
}
