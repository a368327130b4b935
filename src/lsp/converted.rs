//! A document's findings converted to the protocol, per report: its diagnostics and its carry-over
//! ledger with LSP ranges. Kept while the report's text is unchanged, so a publication after a
//! one-digit edit converts one report instead of every finding of a compilation. Reports start at
//! line starts, so a report's conversions only move by whole lines when text before it changes: they
//! are stored with lines counted from the report's first line.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use ls_types::{Diagnostic, Range};
use ropey::Rope;
use tower_lsp_server::ls_types;

use super::config::RuleConfig;
use super::to_proto::{self, Target};
use crate::analysis::carryover::{self, Ledger};
use crate::document::{LineIndex, ReportCache, SegmentState};

/// One report's conversions, with lines counted from the report's first line.
#[derive(Debug)]
struct Converted {
    diagnostics: Vec<Diagnostic>,
    /// `None` for a title alone or a page header (no report, no ledger).
    ledger: Option<Ledger<Range>>,
}

#[derive(Debug, Default)]
pub struct DiagnosticCache {
    by_report: HashMap<u64, Converted>,
}

/// What a document publishes: its diagnostics and its reports' carry-over ledgers.
#[derive(Debug, Default)]
pub struct Conversion {
    pub diagnostics: Vec<Diagnostic>,
    pub ledgers: Vec<Ledger<Range>>,
}

fn move_range(range: &mut Range, by: i64) {
    for p in [&mut range.start, &mut range.end] {
        p.line = u32::try_from(i64::from(p.line) + by).unwrap_or(0);
    }
}

fn move_lines(diagnostic: &mut Diagnostic, by: i64) {
    move_range(&mut diagnostic.range, by);
    for related in diagnostic.related_information.iter_mut().flatten() {
        move_range(&mut related.location.range, by);
    }
}

/// The text of a report's lines, from its start (a line start) to the end of the line it ends in:
/// positions in it count lines from the report's first line. Looking positions up in this copy
/// instead of the document's rope spares a descent of the rope for each of a report's few dozen
/// positions, which made converting a 10 MB compilation cost more than analysing it.
fn report_lines<'r>(rope: &'r Rope, range: &std::ops::Range<usize>) -> Cow<'r, str> {
    let len = rope.len_bytes();
    let start = range.start.min(len);
    let last_line = rope.byte_to_line(range.end.min(len));
    let end = rope
        .line_to_byte((last_line + 1).min(rope.len_lines()))
        .max(start);
    let slice = rope.byte_slice(start..end);
    match slice.as_str() {
        Some(text) => Cow::Borrowed(text),
        None => Cow::Owned(slice.to_string()),
    }
}

impl DiagnosticCache {
    /// Every diagnostic and ledger of the document under the rule switches, or `None` while a report
    /// is still pending. A report on which the core panicked leaves the whole document without
    /// diagnostics rather than with a partial, misleading set.
    pub fn document(
        &mut self,
        target: Target,
        rope: &Rope,
        reports: &ReportCache,
        rules: &RuleConfig,
    ) -> Option<Conversion> {
        let mut out = Conversion::default();
        let mut live = HashSet::new();
        for report in reports.reports() {
            let analysis = match &report.state {
                SegmentState::Pending => return None,
                SegmentState::Failed => return Some(Conversion::default()),
                SegmentState::Ready(analysis) => analysis,
            };
            live.insert(report.id);
            let first_line = i64::try_from(rope.byte_to_line(report.range.start)).unwrap_or(0);
            let relative = self.by_report.entry(report.id).or_insert_with(|| {
                let text = report_lines(rope, &report.range);
                let lines = LineIndex::new(&text);
                let target = Target {
                    lines: &lines,
                    ..target
                };
                let diagnostics = analysis.findings.iter().filter_map(|f| {
                    let severity = rules.severity(f.rule, f.severity)?;
                    Some(to_proto::diagnostic(target, f, severity))
                });
                let ledger = (!analysis.report.is_shell())
                    .then(|| carryover::ledger(analysis).map(|span| target.range(&span)));
                Converted {
                    diagnostics: diagnostics.collect(),
                    ledger,
                }
            });
            out.diagnostics.extend(relative.diagnostics.iter().map(|d| {
                let mut d = d.clone();
                move_lines(&mut d, first_line);
                d
            }));
            out.ledgers.extend(relative.ledger.iter().map(|l| {
                l.clone().map(|mut range| {
                    move_range(&mut range, first_line);
                    range
                })
            }));
        }
        self.by_report.retain(|id, _| live.contains(id));
        Some(out)
    }

    /// Forgets every conversion (the rule switches changed).
    pub fn clear(&mut self) {
        self.by_report.clear();
    }
}

#[cfg(test)]
mod tests {
    use ls_types::Uri;

    use super::*;
    use crate::analysis::Locale;
    use crate::document::{Document, Encoding, Position, TextChange};

    const FIXTURE: &str = include_str!("../../tests/fixtures/dongsheng-2024.txt");

    fn publish(cache: &mut DiagnosticCache, uri: &Uri, doc: &mut Document) -> Vec<Diagnostic> {
        let (rope, reports) = doc.rope_and_reports_mut();
        reports.analyse_pending(rope);
        let target = Target::new(uri, doc.rope(), Encoding::Utf16, Locale::Zh);
        cache
            .document(target, doc.rope(), doc.reports(), &RuleConfig::default())
            .unwrap_or_default()
            .diagnostics
    }

    #[test]
    fn cached_reports_move_with_the_lines_inserted_before_them() {
        let uri: Uri = "file:///c.txt".parse().unwrap();
        let text = format!("{FIXTURE}\n某局2024年政府信息公开工作年度报告\n{FIXTURE}");
        let mut doc = Document::new(&text, 1);
        let mut cache = DiagnosticCache::default();
        let before = publish(&mut cache, &uri, &mut doc);
        assert_eq!(before.len(), 4);
        // Two lines in the first report: the second report's cached diagnostics move down by two.
        let at = Position::new(2, 0);
        let change = TextChange {
            range: Some((at, at)),
            text: "新增一行\r\n再一行\n".into(),
        };
        doc.apply(&change, Encoding::Utf16);
        let after = publish(&mut cache, &uri, &mut doc);
        let fresh = publish(&mut DiagnosticCache::default(), &uri, &mut doc);
        assert_eq!(after, fresh);
        let lines = |ds: &[Diagnostic]| ds.iter().map(|d| d.range.start.line).collect::<Vec<_>>();
        assert_eq!(
            lines(&after),
            lines(&before).iter().map(|l| l + 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn positions_found_in_a_report_copy_equal_the_whole_documents() {
        let uri: Uri = "file:///c.txt".parse().unwrap();
        // CRLF and lone CR line breaks, astral characters before the figures, three reports.
        let second = FIXTURE.replace('\n', "\r\n").replace("预期", "𠀀预期");
        let third = FIXTURE.replace('\n', "\r").replacen("8 |", "9 |", 1);
        let text = format!("{FIXTURE}\n{second}\r\n{third}");
        for encoding in [Encoding::Utf16, Encoding::Utf8] {
            let mut doc = Document::new(&text, 1);
            let (rope, reports) = doc.rope_and_reports_mut();
            reports.analyse_pending(rope);
            let target = Target::new(&uri, doc.rope(), encoding, Locale::Zh);
            let converted = DiagnosticCache::default()
                .document(target, doc.rope(), doc.reports(), &RuleConfig::default())
                .unwrap();
            let mut whole = Vec::new();
            let mut ledgers = Vec::new();
            for report in doc.reports().reports() {
                let SegmentState::Ready(analysis) = &report.state else {
                    panic!("analysed");
                };
                let target = target.in_report(report.range.start);
                whole.extend(
                    analysis
                        .findings
                        .iter()
                        .map(|f| to_proto::diagnostic(target, f, f.severity)),
                );
                ledgers.push(carryover::ledger(analysis).map(|span| target.range(&span)));
            }
            assert!(whole.len() >= 7, "{} diagnostics", whole.len());
            assert_eq!(converted.diagnostics, whole);
            assert_eq!(converted.ledgers, ledgers);
        }
    }
}
