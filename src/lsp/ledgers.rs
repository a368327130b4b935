//! The carry-over ledgers of the workspace: for every report file, on disk or open, its reports'
//! identities and carry-over rows with LSP ranges; and the `carryover/mismatch` diagnostics of an open
//! document computed against them. An open document's ledgers stand for its file while it is open.

use std::collections::HashMap;

use ls_types::{Diagnostic, DiagnosticRelatedInformation, Location, NumberOrString, Range, Uri};
use tower_lsp_server::ls_types;

use super::to_proto;
use crate::analysis::carryover::{self, Ledger, Outcome, Place};
use crate::analysis::{Locale, Rule, Severity};

/// What reports are matched on: the normalised agency and the year.
pub type Key = (String, u16);

#[derive(Debug)]
struct Entry {
    uri: Uri,
    /// The file's name in messages: its path in the workspace folder.
    name: String,
    disk: Option<Vec<Ledger<Range>>>,
    open: Option<Vec<Ledger<Range>>>,
}

impl Entry {
    fn current(&self) -> &[Ledger<Range>] {
        self.open
            .as_deref()
            .or(self.disk.as_deref())
            .unwrap_or_default()
    }
}

/// Which side of a file an update is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Disk,
    Open,
}

#[derive(Debug, Default)]
pub struct Book {
    files: HashMap<String, Entry>,
}

fn keys(ledgers: &[Ledger<Range>]) -> impl Iterator<Item = Key> + '_ {
    ledgers
        .iter()
        .filter_map(|l| l.identity.key().map(|(a, y)| (a.to_string(), y)))
}

impl Book {
    /// Records the ledgers of `uri` from one side (`None`: the file is gone, or the document closed)
    /// and returns the keys whose ledgers changed, for the reports that depend on them.
    pub fn set(
        &mut self,
        uri: &Uri,
        name: &str,
        side: Side,
        ledgers: Option<Vec<Ledger<Range>>>,
    ) -> Vec<Key> {
        let entry = self
            .files
            .entry(uri.as_str().to_owned())
            .or_insert_with(|| Entry {
                uri: uri.clone(),
                name: name.to_owned(),
                disk: None,
                open: None,
            });
        let before = entry.current().to_vec();
        match side {
            Side::Disk => entry.disk = ledgers,
            Side::Open => entry.open = ledgers,
        }
        let changed = if before.as_slice() == entry.current() {
            Vec::new()
        } else {
            let mut changed: Vec<Key> = keys(&before).chain(keys(entry.current())).collect();
            changed.sort_unstable();
            changed.dedup();
            changed
        };
        if entry.disk.is_none() && entry.open.is_none() {
            self.files.remove(uri.as_str());
        }
        changed
    }

    /// Whether a report of `uri` has its predecessor among `keys`.
    pub fn depends_on(&self, uri: &Uri, keys: &[Key]) -> bool {
        let Some(entry) = self.files.get(uri.as_str()) else {
            return false;
        };
        entry.current().iter().any(|l| {
            l.identity.key().is_some_and(|(agency, year)| {
                keys.iter().any(|(a, y)| a == agency && y + 1 == year)
            })
        })
    }

    /// The `carryover/mismatch` diagnostics of the reports of `uri`, against every file's ledgers.
    pub fn diagnostics(&self, uri: &Uri, severity: Severity, locale: Locale) -> Vec<Diagnostic> {
        let Some(this) = self.files.get(uri.as_str()) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for ledger in this.current() {
            let Some((agency, year)) = ledger.identity.key() else {
                continue;
            };
            let previous: Vec<(&Entry, &Ledger<Range>)> = self
                .files
                .values()
                .flat_map(|e| e.current().iter().map(move |l| (e, l)))
                .filter(|(_, l)| l.identity.key() == Some((agency, year.wrapping_sub(1))))
                .collect();
            let candidates: Vec<(&Ledger<Range>, Place<'_>)> = previous
                .iter()
                .map(|&(e, l)| {
                    let line = l.carried_out.as_ref().map_or(0, |r| r.label.start.line);
                    let place = Place {
                        file: &e.name,
                        line: line as usize + 1,
                    };
                    (l, place)
                })
                .collect();
            if let Some(outcome) = carryover::check(ledger, &candidates) {
                out.push(diagnostic(outcome, &previous, severity, locale));
            }
        }
        out
    }
}

fn diagnostic(
    outcome: Outcome<Range, Range>,
    candidates: &[(&Entry, &Ledger<Range>)],
    severity: Severity,
    locale: Locale,
) -> Diagnostic {
    let base = |range: Range, severity: Severity, message: String| Diagnostic {
        range,
        severity: Some(to_proto::diagnostic_severity(severity)),
        code: Some(NumberOrString::String(
            Rule::CarryoverMismatch.code().to_owned(),
        )),
        source: Some(to_proto::SOURCE.to_owned()),
        message,
        ..Diagnostic::default()
    };
    match outcome {
        Outcome::Mismatch {
            at,
            previous,
            candidate,
            message,
            related,
        } => {
            let mut d = base(at, severity, message.get(locale).to_owned());
            d.related_information = candidates.get(candidate).map(|(entry, _)| {
                vec![DiagnosticRelatedInformation {
                    location: Location::new(entry.uri.clone(), previous),
                    message: related.get(locale).to_owned(),
                }]
            });
            d
        }
        // Which report holds is not known: worth knowing, not a problem of this report.
        Outcome::Ambiguous { at, message } => base(
            at,
            Severity::Information.max(severity),
            message.get(locale).to_owned(),
        ),
    }
}
