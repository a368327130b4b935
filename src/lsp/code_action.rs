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
    let locale = snapshot.settings.locale;
    let mut actions = Vec::new();
    for report in &snapshot.reports {
        let (frame, target) = (report.frame(), snapshot.target_in(report));
        if wanted(only, &CodeActionKind::QUICKFIX) {
            for finding in &report.analysis.findings {
                let (Some(fix), Some(severity)) = (
                    &finding.fix,
                    snapshot
                        .settings
                        .rules
                        .severity(finding.rule, finding.severity),
                ) else {
                    continue;
                };
                let at = frame.span(&finding.span);
                if at.start > span.end || span.start > at.end {
                    continue;
                }
                let diagnostic = to_proto::diagnostic(target, finding, severity);
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
            let at = frame.relative(span.start).unwrap_or_default();
            for rewrite in facts::rewrites(&text, &report.analysis, at) {
                let title = rewrite.title.get(locale);
                let kind = CodeActionKind::REFACTOR_REWRITE;
                let action = to_proto::code_action(
                    target,
                    title,
                    kind,
                    &rewrite.span,
                    &rewrite.replacement,
                    None,
                );
                actions.push(CodeActionOrCommand::CodeAction(action));
            }
        }
    }
    Some(actions)
}
