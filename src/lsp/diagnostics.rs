//! Publishing diagnostics: debounced after edits (typing never waits for analysis), immediately on open,
//! with the document version, cleared on close; stale results are dropped by generation.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use ls_types::{Diagnostic, Range, Uri};
use tower_lsp_server::ls_types;

use super::config::RuleConfig;
use super::session::Session;
use super::to_proto::{self, Target};
use crate::document::{ReportCache, SegmentState};

/// Quiet time after the last change before a document is re-checked.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// Converted diagnostics per report, kept while the report's text is unchanged, so a publication after
/// a one-digit edit converts one report instead of every finding of a compilation. Reports start at
/// line starts, so a report's diagnostics only move by whole lines when text before it changes: they
/// are stored with lines counted from the report's first line.
#[derive(Debug, Default)]
pub struct DiagnosticCache {
    by_report: HashMap<u64, Vec<Diagnostic>>,
}

fn move_lines(diagnostic: &mut Diagnostic, by: i64) {
    let mv = |range: &mut Range| {
        for p in [&mut range.start, &mut range.end] {
            p.line = u32::try_from(i64::from(p.line) + by).unwrap_or(0);
        }
    };
    mv(&mut diagnostic.range);
    for related in diagnostic.related_information.iter_mut().flatten() {
        mv(&mut related.location.range);
    }
}

impl DiagnosticCache {
    /// Every diagnostic of the document under the rule switches, or `None` while a report is still
    /// pending. A report on which the core panicked leaves the whole document without diagnostics
    /// rather than with a partial, misleading set.
    pub fn document(
        &mut self,
        target: Target,
        reports: &ReportCache,
        rules: &RuleConfig,
    ) -> Option<Vec<Diagnostic>> {
        let mut out = Vec::new();
        let mut live = HashSet::new();
        for report in reports.reports() {
            let analysis = match &report.state {
                SegmentState::Pending => return None,
                SegmentState::Failed => return Some(Vec::new()),
                SegmentState::Ready(analysis) => analysis,
            };
            live.insert(report.id);
            let first_line =
                i64::try_from(target.rope.byte_to_line(report.range.start)).unwrap_or(0);
            let relative = self.by_report.entry(report.id).or_insert_with(|| {
                let converted = analysis.findings.iter().filter_map(|f| {
                    let severity = rules.severity(f.rule, f.severity)?;
                    let mut d =
                        to_proto::diagnostic(target, &f.shifted(report.range.start), severity);
                    move_lines(&mut d, -first_line);
                    Some(d)
                });
                converted.collect()
            });
            out.extend(relative.iter().map(|d| {
                let mut d = d.clone();
                move_lines(&mut d, first_line);
                d
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

/// Re-checks `uri` after `delay` unless a newer change has arrived by then.
pub fn schedule(session: &Session, uri: Uri, generation: u64, delay: Duration) {
    let session = session.clone();
    tokio::spawn(async move {
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        publish_if_current(&session, &uri, generation).await;
    });
}

async fn publish_if_current(session: &Session, uri: &Uri, generation: u64) {
    loop {
        if !session.lock().is_current(uri, generation) {
            return;
        }
        // Results are stored per report even when the document moves on, so no work is thrown away.
        if !session.analyse(uri, None).await {
            break;
        }
    }
    let mut state = session.lock();
    if !state.is_current(uri, generation) {
        return;
    }
    let Some(publish) = state.diagnostics(uri) else {
        return;
    };
    session.publish(publish);
}

/// Re-publishes every open document (after the rule configuration changed).
pub fn republish_all(session: &Session) {
    let scheduled: Vec<(Uri, u64)> = {
        let mut state = session.lock();
        state
            .open_uris()
            .into_iter()
            .map(|uri| (uri.clone(), state.bump(&uri)))
            .collect()
    };
    for (uri, generation) in scheduled {
        schedule(session, uri, generation, Duration::ZERO);
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
        let target = Target {
            uri,
            rope: doc.rope(),
            encoding: Encoding::Utf16,
            locale: Locale::Zh,
        };
        cache
            .document(target, doc.reports(), &RuleConfig::default())
            .unwrap_or_default()
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
}
