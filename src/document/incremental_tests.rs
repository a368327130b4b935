//! Incremental segmentation and re-analysis must always equal a full analysis of the final text.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use super::position::{Encoding, offset_to_position};
use super::reports::SegmentState;
use super::store::{Document, TextChange};
use crate::analysis::{self, Finding, Frame, Message, ReportAnalysis, Rule};

const FIXTURE: &str = include_str!("../../tests/fixtures/dongsheng-2024.txt");

/// Text pieces an edit inserts: landmarks, CJK and astral characters, every line break, table cells.
const FRAGMENTS: &[&str] = &[
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
    "9",
    "说明文字",
    "\u{FEFF}",
];

/// Sees every byte of a segment, so reusing an analysis for changed text cannot go unnoticed.
fn witness(text: &str) -> Option<ReportAnalysis> {
    let mut findings = vec![Finding::new(
        Rule::MissingSection,
        0..text.len(),
        Message::new(text, ""),
    )];
    findings.extend(
        text.match_indices("预期")
            .map(|(i, m)| Finding::new(Rule::Nonstandard, i..i + m.len(), Message::new("", ""))),
    );
    Some(ReportAnalysis {
        findings,
        ..ReportAnalysis::default()
    })
}

fn body_offset(text: &str) -> usize {
    if text.starts_with('\u{FEFF}') { 3 } else { 0 }
}

fn full_witness_findings(text: &str) -> Vec<Finding> {
    let base = body_offset(text);
    let body = &text[base..];
    analysis::segments(body)
        .into_iter()
        .filter(|s| s.is_report)
        .flat_map(|s| {
            witness(&body[s.range.clone()])
                .map(|a| a.findings)
                .unwrap_or_default()
                .into_iter()
                .map(move |f| f.in_document(Frame::report(s.range.start + base)))
        })
        .collect()
}

fn assert_same_as_full(doc: &mut Document, text: &str) {
    assert_eq!(doc.text(), text);
    let base = body_offset(text);
    let expected: Vec<_> = analysis::segments(&text[base..])
        .into_iter()
        .map(|s| (s.range.start + base..s.range.end + base, s.is_report))
        .collect();
    let actual: Vec<_> = doc
        .reports()
        .segments()
        .iter()
        .map(|s| (s.range.clone(), s.is_report))
        .collect();
    assert_eq!(actual, expected, "segments of {text:?}");
    let (rope, reports) = doc.rope_and_reports_mut();
    reports.analyse_pending_with(rope, witness);
    let findings = reports.findings().map(|f| f.findings);
    assert_eq!(findings, Some(full_witness_findings(text)));
}

#[derive(Debug, Clone)]
struct Edit {
    at: prop::sample::Index,
    delete: usize,
    insert: Vec<&'static str>,
    utf8: bool,
}

fn edit() -> impl Strategy<Value = Edit> {
    (
        any::<prop::sample::Index>(),
        prop_oneof![3 => 0..4usize, 1 => 0..80usize],
        prop::collection::vec(prop::sample::select(FRAGMENTS), 0..3),
        any::<bool>(),
    )
        .prop_map(|(at, delete, insert, utf8)| Edit {
            at,
            delete,
            insert,
            utf8,
        })
}

fn base_text() -> impl Strategy<Value = String> {
    let short = "某局2024年政府信息公开工作年度报告\n一、总体情况\n正文预期\n二、主动公开政府信息情况\n第二十条第(一)项 |\n8 |\n";
    prop_oneof![
        Just(FIXTURE.to_owned()),
        Just(format!("# README\n前言\n{short}{FIXTURE}{short}")),
        Just(format!("\u{FEFF}{}", short.replace('\n', "\r\n"))),
        Just(short.replace('\n', "\r").repeat(3)),
        Just(String::new()),
        Just("# README\n没有报告的文字\n".repeat(4)),
        // Titles a few lines apart: whether the second continues the first depends on the lines between.
        Just("某局2024年政府信息公开工作年度报告\n\n\n\n\n某局2024年政府信息公开工作年度报告\n正文\n\n某局2024年政府信息公开工作年度报告\n".repeat(3)),
    ]
}

/// Applies `edit` to both documents (one checked with the witness analyser, one with the real core).
fn apply(doc: &mut Document, real: &mut Document, model: &mut String, edit: &Edit) {
    let boundaries: Vec<usize> = model
        .char_indices()
        .map(|(i, _)| i)
        .chain([model.len()])
        .collect();
    let change = apply_at(
        doc,
        model,
        *edit.at.get(&boundaries),
        edit.delete,
        &edit.insert.concat(),
        edit.utf8,
    );
    real.apply(
        &change,
        if edit.utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        },
    );
}

/// Replaces `delete` characters at byte `start` in the document through positions, and the same
/// resolved bytes in the model string.
fn apply_at(
    doc: &mut Document,
    model: &mut String,
    start: usize,
    delete: usize,
    text: &str,
    utf8: bool,
) -> TextChange {
    let end = model[start..]
        .char_indices()
        .map(|(i, _)| start + i)
        .chain([model.len()])
        .nth(delete)
        .unwrap_or(model.len());
    let encoding = if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let range = Some((
        offset_to_position(doc.rope(), start, encoding),
        offset_to_position(doc.rope(), end, encoding),
    ));
    let change = TextChange {
        range,
        text: text.to_owned(),
    };
    let applied = doc.apply(&change, encoding);
    model.replace_range(applied.replaced, text);
    change
}

proptest! {
    // Seeds of past failures live beside this file and are re-run first.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn incremental_equals_full(base in base_text(), edits in prop::collection::vec(edit(), 1..24)) {
        let mut doc = Document::new(&base, 0);
        let mut real = doc.clone();
        let mut model = base;
        for (i, edit) in edits.iter().enumerate() {
            apply(&mut doc, &mut real, &mut model, edit);
            assert_same_as_full(&mut doc, &model);
            // The real core sees some intermediate states too, so its cached analyses get reused.
            if i % 3 == 0 {
                let (rope, reports) = real.rope_and_reports_mut();
                reports.analyse_pending(rope);
            }
        }
        let (rope, reports) = real.rope_and_reports_mut();
        reports.analyse_pending(rope);
        let findings = real.reports().findings().map(|f| f.findings);
        // The full analysis: every report of the final text analysed afresh, with its offset.
        let full: Vec<(usize, ReportAnalysis)> = analysis::report_texts(&model)
            .map(|(offset, report)| (offset, analysis::analyze_report(report)))
            .collect();
        let full_findings: Vec<Finding> = full
            .iter()
            .flat_map(|(at, a)| a.findings.iter().map(move |f| f.in_document(Frame::report(*at))))
            .collect();
        prop_assert_eq!(findings, Some(full_findings));
        // The cells too: every template cell with its value and document position.
        let cells = |reports: Vec<(usize, &ReportAnalysis)>| -> Vec<_> {
            reports
                .into_iter()
                .flat_map(|(at, a)| a.report.cells.iter().map(move |c| (c.row, c.col, format!("{:?}", c.value), c.span.start + at..c.span.end + at)))
                .collect()
        };
        let incremental: Vec<(usize, &ReportAnalysis)> = real
            .reports()
            .reports()
            .filter_map(|s| match &s.state {
                SegmentState::Ready(a) => Some((s.range.start, a.as_ref())),
                _ => None,
            })
            .collect();
        let fresh: Vec<(usize, &ReportAnalysis)> = full.iter().map(|(at, a)| (*at, a)).collect();
        prop_assert_eq!(cells(incremental), cells(fresh));
    }
}

#[test]
fn a_new_title_splits_a_report_and_removing_it_merges_again() {
    let mut doc = Document::new(FIXTURE, 0);
    let mut model = FIXTURE.to_owned();
    assert_eq!(doc.reports().reports().count(), 1);
    let at = model.find("三、收到和处理").unwrap_or(0);
    let title = "某局2024年政府信息公开工作年度报告\n";
    apply_at(&mut doc, &mut model, at, 0, title, false);
    assert_same_as_full(&mut doc, &model);
    assert_eq!(doc.reports().reports().count(), 2);
    apply_at(&mut doc, &mut model, at, title.chars().count(), "", true);
    assert_same_as_full(&mut doc, &model);
    assert_eq!(model, FIXTURE);
    assert_eq!(doc.reports().reports().count(), 1);
}

#[test]
fn an_edit_elsewhere_keeps_the_analysis_of_untouched_reports() {
    let text = format!("{FIXTURE}\n{FIXTURE}\n某局2024年政府信息公开工作年度报告\n{FIXTURE}");
    let mut doc = Document::new(&text, 0);
    let (rope, reports) = doc.rope_and_reports_mut();
    reports.analyse_pending_with(rope, witness);
    let ids: Vec<u64> = doc.reports().reports().map(|s| s.id).collect();
    assert_eq!(ids.len(), 3);
    // One digit in the last report: the earlier reports keep their ids and analyses.
    let at = text.rfind("\n8 |").unwrap_or(0) + 1;
    let position = offset_to_position(doc.rope(), at, Encoding::Utf16);
    let next = super::Position::new(position.line, position.character + 1);
    doc.apply(
        &TextChange {
            range: Some((position, next)),
            text: "9".into(),
        },
        Encoding::Utf16,
    );
    let after: Vec<u64> = doc.reports().reports().map(|s| s.id).collect();
    assert_eq!(after[..2], ids[..2]);
    assert_ne!(after[2], ids[2]);
    assert_eq!(doc.reports().pending().len(), 1);
}

#[test]
fn a_panicking_analysis_marks_the_report_failed_until_it_changes() {
    let mut doc = Document::new(FIXTURE, 0);
    let (rope, reports) = doc.rope_and_reports_mut();
    reports.analyse_pending_with(rope, |_| None);
    assert_eq!(reports.pending(), vec![]);
    assert_eq!(reports.findings().map(|f| f.failed), Some(1));
}
