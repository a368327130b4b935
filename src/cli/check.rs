//! Checking inputs: runs the core on each file (in parallel), applies the rule configuration and turns
//! byte spans into positions, yielding what every output format needs. Knows no output syntax.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::carryover::{self, Spot};
use super::config::RuleConfig;
use super::inputs::{self, Failure, Input};
use super::text::Snippet;
use crate::analysis::carryover::Ledger;
use crate::analysis::{self, Finding, Locale, Rule, Severity};
use crate::document::{LineIndex, Point};
use crate::extract::{self, Origin, TextView};

/// What a check run is asked for beyond the inputs.
#[derive(Debug, Clone)]
pub struct Options {
    pub locale: Locale,
    pub rules: RuleConfig,
    /// Whether each diagnostic carries its source line ([`Snippet`]). Only the text format shows
    /// it; building it measures the line's display width, a tenth of a JSON run's time.
    pub snippets: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            locale: Locale::default(),
            rules: RuleConfig::default(),
            snippets: true,
        }
    }
}

/// A stretch of a file between two positions (the end is exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Region {
    pub start: Point,
    pub end: Point,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub message: String,
    pub region: Region,
    /// The file the place is in when it is not the diagnostic's own (last year's report).
    pub file: Option<String>,
}

/// A finding placed in its file, its message in the chosen language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub region: Region,
    /// The source line under the primary range, ready for the text format.
    pub snippet: Snippet,
    pub related: Vec<Note>,
    /// Where the line is in a `.pdf` or `.docx` the text was extracted from.
    pub origin: Option<Origin>,
}

/// One file that was read and analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub name: String,
    pub reports: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Each report's carry-over figures, for the check across files ([`super::carryover`]).
    pub ledgers: Vec<Ledger<Spot>>,
}

/// Analyses one file's text (without its BOM) and places its findings.
pub fn check_text(name: &str, text: &str, options: &Options) -> FileReport {
    let checked = analysis::check(text);
    let index = LineIndex::new(text);
    let diagnostics = place_in(&index, checked.findings, options);
    FileReport {
        name: name.to_string(),
        reports: checked.reports,
        diagnostics,
        ledgers: carryover::place(&index, checked.ledgers, options.snippets),
    }
}

/// Configures, orders and places the findings of one text.
pub fn place_all(
    text: &str,
    findings: impl IntoIterator<Item = Finding>,
    options: &Options,
) -> Vec<Diagnostic> {
    place_in(&LineIndex::new(text), findings, options)
}

/// [`place_all`] with the text's line index built once, for a caller that places a file's findings
/// report by report.
pub fn place_in(
    index: &LineIndex<'_>,
    findings: impl IntoIterator<Item = Finding>,
    options: &Options,
) -> Vec<Diagnostic> {
    let mut findings: Vec<Finding> = findings
        .into_iter()
        .filter_map(|f| options.rules.apply(f))
        .collect();
    // The core reports rule by rule; readers expect file order.
    findings.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule))
    });
    findings.iter().map(|f| place(f, index, options)).collect()
}

fn place(finding: &Finding, index: &LineIndex<'_>, options: &Options) -> Diagnostic {
    let locale = options.locale;
    let (region, snippet) = region_and_snippet(index, &finding.span, options.snippets);
    Diagnostic {
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message.get(locale).to_string(),
        region,
        snippet,
        related: finding
            .related
            .iter()
            .map(|r| Note {
                message: r.message.get(locale).to_string(),
                region: region_of(index, &r.span),
                file: None,
            })
            .collect(),
        origin: None,
    }
}

/// Where `span` is, and its source line with the span marked (an empty one unless `snippet`).
pub fn region_and_snippet(
    index: &LineIndex<'_>,
    span: &analysis::Span,
    snippet: bool,
) -> (Region, Snippet) {
    let region = region_of(index, span);
    if !snippet {
        return (region, Snippet::default());
    }
    let line = index.line_text(region.start.line);
    // A range running onto later lines is underlined to the end of its first line.
    let end_chars = if region.end.line == region.start.line {
        region.end.chars
    } else {
        usize::MAX
    };
    let snippet = Snippet::at(
        line,
        span.start
            .saturating_sub(index.line_start(region.start.line)),
        region.start.chars,
        end_chars,
    );
    (region, snippet)
}

fn region_of(index: &LineIndex<'_>, span: &analysis::Span) -> Region {
    Region {
        start: index.point(span.start),
        end: index.point(span.end.max(span.start)),
    }
}

/// Analyses the text view of a `.pdf` or `.docx` and says where each finding's line came from.
pub fn check_view(name: &str, view: &TextView, options: &Options) -> FileReport {
    let mut report = check_text(name, &view.text, options);
    set_origins(view, &mut report.diagnostics);
    set_ledger_origins(view, &mut report.ledgers);
    report
}

/// Names the page or table row of each diagnostic of a `.pdf` or `.docx` text view.
pub fn set_origins(view: &TextView, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        d.origin = origin_of(view, d.region);
    }
}

/// Names the page or table row of each carry-over figure of a `.pdf` or `.docx` text view.
pub fn set_ledger_origins(view: &TextView, ledgers: &mut [Ledger<Spot>]) {
    for ledger in ledgers {
        let rows = [&mut ledger.carried_in, &mut ledger.carried_out];
        for row in rows.into_iter().flatten() {
            row.label.origin = origin_of(view, row.label.region);
            for (_, spot) in row.cells.iter_mut().flatten() {
                spot.origin = origin_of(view, spot.region);
            }
        }
    }
}

fn origin_of(view: &TextView, region: Region) -> Option<Origin> {
    match view.origin(region.start.line as u32) {
        Origin::Text => None,
        origin => Some(origin),
    }
}

/// The text of one input: decoded, or the text view of a `.docx` or `.pdf`.
pub fn read_text(input: &Input) -> Result<TextView, Failure> {
    let fail = |reason| Failure {
        name: input.name.clone(),
        reason,
    };
    let bytes = inputs::read(input).map_err(fail)?;
    match inputs::document_kind(input, &bytes) {
        Some(kind) => extract::extract(kind, &bytes).map_err(|e| fail(e.to_string())),
        None => inputs::decode(bytes).map(TextView::plain).map_err(fail),
    }
}

/// Reads, decodes (or extracts) and checks one input.
pub fn check_input(input: &Input, options: &Options) -> Result<FileReport, Failure> {
    let view = read_text(input)?;
    Ok(check_view(&input.name, &view, options))
}

/// Checks every input across all cores; results come back in input order whatever order the
/// workers finish in.
pub fn check_all(inputs: &[Input], options: &Options) -> Vec<Result<FileReport, Failure>> {
    each_input(inputs, |_, input| check_input(input, options))
}

/// Runs `work` on every input (with its index) across all cores, results in input order. A progress
/// bar is drawn on stderr only when a person is watching it.
pub fn each_input<T: Send>(
    inputs: &[Input],
    work: impl Fn(usize, &Input) -> Result<T, Failure> + Sync,
) -> Vec<Result<T, Failure>> {
    let bar = progress_bar(inputs.len());
    let results = inputs
        .par_iter()
        .enumerate()
        .map(|(index, input)| {
            let result = work(index, input);
            bar.inc(1);
            result
        })
        .collect();
    bar.finish_and_clear();
    results
}

fn progress_bar(len: usize) -> ProgressBar {
    if len < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr()).with_style(style)
}

/// Counts over a whole run, shared by every format's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub files: usize,
    pub reports: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Information and hints.
    pub notes: usize,
    /// Inputs that could not be listed, read or decoded.
    pub failures: usize,
}

impl Summary {
    pub fn new<'a>(files: impl IntoIterator<Item = &'a FileReport>, failures: usize) -> Summary {
        let mut summary = Summary {
            failures,
            ..Summary::default()
        };
        for file in files {
            summary.files += 1;
            summary.reports += file.reports;
            for d in &file.diagnostics {
                match d.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Information | Severity::Hint => summary.notes += 1,
                }
            }
        }
        summary
    }

    /// 2 when any input failed (the run is incomplete), else 1 when any error-level diagnostic, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.failures > 0 {
            2
        } else if self.errors > 0 {
            1
        } else {
            0
        }
    }
}
