//! `textDocument/codeAction`: the quick fixes carried by findings in the range asked for (unless their
//! rule is switched off), then the core's rewrites at the start of the range.

use ls_types::{CodeActionKind, CodeActionOrCommand, CodeActionResponse};
use tower_lsp_server::ls_types;

use super::from_proto;
use super::session::Snapshot;
use super::to_proto;
use crate::analysis::facts;

fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
}

pub fn code_actions(
    snapshot: &Snapshot,
    range: ls_types::Range,
    only: Option<&[CodeActionKind]>,
) -> Option<CodeActionResponse> {
    let span = from_proto::byte_range(&snapshot.rope, range, snapshot.settings.encoding);
    let target = snapshot.target();
    let locale = snapshot.settings.locale;
    let mut actions = Vec::new();
    for report in &snapshot.reports {
        let start = report.range.start;
        if wanted(only, &CodeActionKind::QUICKFIX) {
            for finding in report.analysis.findings.iter().map(|f| f.shifted(start)) {
                let (Some(fix), Some(severity)) = (
                    &finding.fix,
                    snapshot
                        .settings
                        .rules
                        .severity(finding.rule, finding.severity),
                ) else {
                    continue;
                };
                if finding.span.start > span.end || span.start > finding.span.end {
                    continue;
                }
                let diagnostic = to_proto::diagnostic(target, &finding, severity);
                let title = fix.title.get(locale);
                let action = to_proto::code_action(
                    target,
                    title,
                    CodeActionKind::QUICKFIX,
                    &fix.span,
                    &fix.replacement,
                    Some(vec![diagnostic]),
                );
                actions.push(CodeActionOrCommand::CodeAction(action));
            }
        }
        let inside = report.range.contains(&span.start) || report.range.end == span.start;
        if inside && wanted(only, &CodeActionKind::REFACTOR_REWRITE) {
            let text = snapshot.text(report);
            for rewrite in facts::rewrites(&text, &report.analysis, span.start - start) {
                let shifted = rewrite.span.start + start..rewrite.span.end + start;
                let title = rewrite.title.get(locale);
                let kind = CodeActionKind::REFACTOR_REWRITE;
                let action = to_proto::code_action(
                    target,
                    title,
                    kind,
                    &shifted,
                    &rewrite.replacement,
                    None,
                );
                actions.push(CodeActionOrCommand::CodeAction(action));
            }
        }
    }
    Some(actions)
}
