//! Publishing diagnostics: debounced after edits (typing never waits for analysis), immediately on open,
//! with the document version, cleared on close; stale results are dropped by generation.

use std::time::Duration;

use ls_types::{Diagnostic, Uri};
use tower_lsp_server::ls_types;

use super::config::RuleConfig;
use super::session::{Publish, Session};
use super::to_proto::{self, Target};
use crate::document::reports::Findings;

/// Quiet time after the last change before a document is re-checked.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// Findings to diagnostics under the configured rule switches. A report on which the core panicked
/// leaves the whole document without diagnostics rather than with a partial, misleading set.
pub fn to_diagnostics(target: Target, findings: &Findings, rules: &RuleConfig) -> Vec<Diagnostic> {
    if findings.failed > 0 {
        return Vec::new();
    }
    findings
        .findings
        .iter()
        .filter_map(|f| {
            rules
                .severity(f.rule, f.severity)
                .map(|s| to_proto::diagnostic(target, f, s))
        })
        .collect()
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
    let state = session.lock();
    if !state.is_current(uri, generation) {
        return;
    }
    let Some(document) = state.documents.get(uri.as_str()) else {
        return;
    };
    let Some(findings) = document.reports().findings() else {
        return;
    };
    let target = Target {
        uri,
        rope: document.rope(),
        encoding: state.settings.encoding,
        locale: state.settings.locale,
    };
    let diagnostics = to_diagnostics(target, &findings, &state.settings.rules);
    session.publish(Publish {
        uri: uri.clone(),
        diagnostics,
        version: Some(document.version()),
    });
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
