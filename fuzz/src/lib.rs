//! What the fuzz targets share with the seed writer (examples/seeds.rs): the fixtures and the
//! benchmark corpus as base texts, the byte formats of the structured targets (an edit script for the
//! document store, a client session for the server) with their encoders, and the span checks.
//! A format decodes every byte string to something, so libFuzzer's mutations always reach the target.

pub mod bytes;
pub mod edits;
pub mod session;

#[path = "../../benches/support/corpus.rs"]
pub mod corpus;

use ogi_lsp::analysis::Finding;

/// The example report and the layout fixtures, as the tests use them.
pub const FIXTURES: [&str; 5] = [
    include_str!("../../tests/fixtures/dongsheng-2024.txt"),
    include_str!("../../tests/fixtures/layouts/l2-markdown.md"),
    include_str!("../../tests/fixtures/layouts/l3-tabs.txt"),
    include_str!("../../tests/fixtures/layouts/l4-html.html"),
    include_str!("../../tests/fixtures/layouts/l5-pdf.txt"),
];

/// Text pieces an edit inserts: landmarks, labels, cells of every layout, CJK and astral characters,
/// every line break, a BOM.
pub const FRAGMENTS: &[&str] = &[
    "一、总体情况\n",
    "某局2024年政府信息公开工作年度报告\n",
    "某局2024年政府信息公开工作年度报告\r\n一、总体情况\r\n",
    "# 一、总体情况\n",
    "\n",
    "\n\n\n",
    "\r\n",
    "\r",
    "𠀀",
    "预期",
    "逾期",
    "8 |\n",
    "|||\n",
    "自然人 |\n",
    "二、主动公开政府信息情况\n",
    "三、收到和处理政府信息公开申请情况\n",
    "四、政府信息公开行政复议、行政诉讼情况\n",
    "（七）总计 |",
    "| 1 | 2 | 3 |\n",
    "\t0\t0\t",
    "<td>7</td>",
    "</tr><tr>",
    "第二十条第（五）项",
    "《条例》第六十条",
    "9",
    "-",
    "说明文字",
    "\u{FEFF}",
    "\u{3000}",
];

/// A base text by number: the fixtures, two of them in one document, or three copies of the
/// benchmark corpus in one layout (each under its own title, one with a wrong total).
pub fn base_text(kind: u8, layout: u8) -> String {
    match kind {
        1..=5 => FIXTURES[usize::from(kind - 1)].to_owned(),
        6 => format!(
            "{}\n某局2024年政府信息公开工作年度报告\n{}",
            FIXTURES[0], FIXTURES[4]
        ),
        _ => {
            let layout = corpus::Layout::ALL[usize::from(layout) % corpus::Layout::ALL.len()];
            let template = corpus::Template::new(layout);
            let mut text = String::new();
            for (n, kind) in [
                (1, corpus::Kind::Clean),
                (2, corpus::Kind::Errors),
                (3, corpus::Kind::Clean),
            ] {
                template.write(&mut text, n, kind);
            }
            text
        }
    }
}

/// Panics unless `span` lies inside `text` on character boundaries.
pub fn assert_span(text: &str, span: &std::ops::Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

/// Panics unless every span of `finding` (its own, its related cells', its fix's) is sound in `text`.
pub fn assert_finding(text: &str, finding: &Finding) {
    assert_span(text, &finding.span, finding.rule.code());
    for related in &finding.related {
        assert_span(text, &related.span, "related");
    }
    if let Some(fix) = &finding.fix {
        assert_span(text, &fix.span, "fix");
    }
}
