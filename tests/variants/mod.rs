//! Generators of the real-world variants of SPEC §2 (R1–R11): each takes the example report apart
//! ([`example`]) and renders it again as a real published report was found written, recording where
//! every cell, label and heading went ([`doc`]), with what the reader must make of it ([`Variant`]).
// Each generator is used by one test module; the helpers are shared.
#![allow(dead_code)]

pub mod doc;
pub mod example;
pub mod l1;
pub mod r11_html;
pub mod r1_web_rows;
pub mod r2_blank_lines;
pub mod r3_bare_pipes;
pub mod r4_pdf_text;
pub mod r5_numbering;
pub mod r6_damaged_labels;
pub mod r7_headings;
pub mod r8_page_furniture;
pub mod r9_run_together;

use std::ops::Range;

pub use doc::{Doc, Mark};
pub use example::Example;

/// The example's title as its web page shows it (the fixture starts at 一、总体情况 without one).
pub const TITLE: &str = "东胜区行政审批政务服务与数据管理局2024年政府信息公开工作年度报告";

/// A finding a variant adds to the example's.
#[derive(Debug, Clone)]
pub struct Extra {
    pub code: &'static str,
    /// The finding's span must lie inside this range.
    pub within: Range<usize>,
    /// A figure the Chinese message must state (the number of blank cells), if any.
    pub states: Option<usize>,
}

/// A generated report and what reading it must give.
pub struct Variant {
    pub doc: Doc,
    /// The example as this variant writes it (blank cells are `""` or `/`).
    pub model: Example,
    /// Template rows the reader cannot read and must leave empty (R9).
    pub unread: Vec<usize>,
    pub extra: Vec<Extra>,
    /// Every finding must point at the exact characters of a cell, label or heading (R11 HTML).
    pub exact_spans: bool,
}

impl Variant {
    /// A variant that must read exactly as the example does.
    pub fn plain(doc: Doc, model: Example) -> Variant {
        Variant {
            doc,
            model,
            unread: Vec::new(),
            extra: Vec::new(),
            exact_spans: false,
        }
    }

    pub fn text(&self) -> &str {
        &self.doc.text
    }
}

/// A generator: the example (perhaps with a figure changed) in, the variant out.
pub type Generator = fn(&Example) -> Variant;

/// Whether a cell as written is blank (SPEC §2: empty, `-`, `—`, `/`, `无`).
pub fn is_blank(value: &str) -> bool {
    matches!(value.trim(), "" | "-" | "—" | "/" | "无")
}

/// The example's sections in order: each heading, then what `table` writes for it (the tables of
/// sections 二–四), then its prose.
pub fn sections(d: &mut Doc, ex: &example::Example, mut table: impl FnMut(&mut Doc, usize)) {
    for (i, s) in ex.sections.iter().enumerate() {
        d.mark(Mark::Heading(i), &s.heading).nl();
        table(d, i);
        for p in &s.prose {
            d.line(p);
        }
    }
}
