//! `label/nonstandard`: a label recognised only after fuzzy matching, with the template text as fix.

use crate::analysis::model::Report;
use crate::analysis::{Finding, Fix, Message, Rule};

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    for label in report.labels.iter().filter(|l| !l.exact) {
        let message = Message::new(
            format!("标签与模板不一致，应为“{}”", label.canonical),
            format!(
                "Label differs from the template; expected “{}”",
                label.canonical
            ),
        );
        let fix = Fix {
            title: Message::new(
                format!("改为“{}”", label.canonical),
                format!("Replace with “{}”", label.canonical),
            ),
            span: label.span.clone(),
            replacement: label.canonical.to_string(),
        };
        out.push(Finding::new(Rule::Nonstandard, label.span.clone(), message).with_fix(fix));
    }
}
