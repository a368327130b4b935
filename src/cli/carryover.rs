//! The carry-over check across the inputs of one run: every report's 二、上年结转 against the same
//! agency's previous-year report among all the files given (or within one compilation). Runs after
//! every file is checked, on the ledgers each file left behind, so no text is kept for it.

use super::check::{Diagnostic, FileReport, Note, Options, Region};
use super::text::Snippet;
use crate::analysis::carryover::{self, Index, Ledger, Outcome, Place};
use crate::analysis::{Rule, Span};
use crate::document::LineIndex;
use crate::extract::Origin;

/// A place in a checked file, with what a diagnostic there shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    pub region: Region,
    pub snippet: Snippet,
    pub origin: Option<Origin>,
}

/// A file's ledgers with their spans placed, while its text is at hand.
pub fn place(
    index: &LineIndex<'_>,
    ledgers: Vec<Ledger<Span>>,
    snippets: bool,
) -> Vec<Ledger<Spot>> {
    ledgers
        .into_iter()
        .map(|ledger| {
            ledger.map(|span| {
                let (region, snippet) = super::check::region_and_snippet(index, &span, snippets);
                Spot {
                    region,
                    snippet,
                    origin: None,
                }
            })
        })
        .collect()
}

/// Adds the carry-over diagnostics of every report to its file, in file order with the others.
pub fn link(files: &mut [FileReport], options: &Options) {
    let found = find(files.iter(), options);
    for (f, _, d) in found {
        if let Some(file) = files.get_mut(f) {
            file.diagnostics.push(d);
        }
    }
    for file in files.iter_mut() {
        file.diagnostics
            .sort_by_key(|d| (d.region.start.line, d.region.start.chars));
    }
}

/// The carry-over diagnostics of every report of `files`: `(file, report, diagnostic)`, the report
/// counted among the file's reports.
pub fn find<'a>(
    files: impl Iterator<Item = &'a FileReport>,
    options: &Options,
) -> Vec<(usize, usize, Diagnostic)> {
    let files: Vec<&FileReport> = files.collect();
    let rule = Rule::CarryoverMismatch;
    let Some(severity) = options.rules.severity(rule, rule.default_severity()) else {
        return Vec::new();
    };
    let mut index = Index::default();
    for (f, file) in files.iter().enumerate() {
        for (l, ledger) in file.ledgers.iter().enumerate() {
            index.insert(&ledger.identity, (f, l));
        }
    }
    let mut found = Vec::new();
    for (f, file) in files.iter().enumerate() {
        for (l, ledger) in file.ledgers.iter().enumerate() {
            let candidates: Vec<(&Ledger<Spot>, Place<'_>)> = index
                .previous(&ledger.identity)
                .iter()
                .filter_map(|&(pf, pl)| {
                    let other = files.get(pf)?;
                    let previous = other.ledgers.get(pl)?;
                    let line = previous
                        .carried_out
                        .as_ref()
                        .map_or(0, |r| r.label.region.start.line);
                    let place = Place {
                        file: &other.name,
                        line: line + 1,
                    };
                    Some((previous, place))
                })
                .collect();
            let Some(outcome) = carryover::check(ledger, &candidates) else {
                continue;
            };
            let mut d = diagnostic(outcome, severity, &candidates, options);
            // A predecessor in the same compilation needs no file name on its note.
            for note in &mut d.related {
                note.file.take_if(|name| *name == file.name);
            }
            found.push((f, l, d));
        }
    }
    found
}

fn diagnostic(
    outcome: Outcome<Spot, Spot>,
    severity: crate::analysis::Severity,
    candidates: &[(&Ledger<Spot>, Place<'_>)],
    options: &Options,
) -> Diagnostic {
    let locale = options.locale;
    match outcome {
        Outcome::Mismatch {
            at,
            previous,
            candidate,
            message,
            related,
        } => {
            let file = candidates.get(candidate).map(|(_, p)| p.file.to_string());
            Diagnostic {
                rule: Rule::CarryoverMismatch,
                severity,
                message: message.get(locale).to_string(),
                region: at.region,
                snippet: at.snippet,
                related: vec![Note {
                    message: related.get(locale).to_string(),
                    region: previous.region,
                    file,
                }],
                origin: at.origin,
            }
        }
        Outcome::Ambiguous { at, message } => Diagnostic {
            rule: Rule::CarryoverMismatch,
            severity: crate::analysis::Severity::Information.max(severity),
            message: message.get(locale).to_string(),
            region: at.region,
            snippet: at.snippet,
            related: Vec::new(),
            origin: at.origin,
        },
    }
}
