//! `--format json`: the stable machine format of SPEC §5 — 0-based lines and UTF-16 columns, as in
//! LSP. Owns the serde shapes (core types are not `Serialize`); knows nothing of analysis.

use serde::Serialize;

use super::check::{FileReport, Region, Summary};

/// Bumped only when a key changes meaning or disappears.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: SummaryOut,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    reports: usize,
    diagnostics: Vec<DiagnosticOut<'a>>,
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    range: RangeOut,
    related: Vec<RelatedOut<'a>>,
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    message: &'a str,
    range: RangeOut,
}

#[derive(Serialize)]
struct RangeOut {
    start: PositionOut,
    end: PositionOut,
}

#[derive(Serialize)]
struct PositionOut {
    line: usize,
    character: usize,
}

#[derive(Serialize)]
struct SummaryOut {
    files: usize,
    reports: usize,
    errors: usize,
    warnings: usize,
}

fn range(region: &Region) -> RangeOut {
    RangeOut {
        start: PositionOut {
            line: region.start.line,
            character: region.start.utf16,
        },
        end: PositionOut {
            line: region.end.line,
            character: region.end.utf16,
        },
    }
}

/// The whole document, pretty-printed, with a final newline. Files that could not be read are not
/// listed (they have no diagnostics to give); they go to stderr and to the exit code.
pub fn render(files: &[FileReport], summary: &Summary) -> String {
    let output = Output {
        version: FORMAT_VERSION,
        files: files
            .iter()
            .map(|f| File {
                path: &f.name,
                reports: f.reports,
                diagnostics: f
                    .diagnostics
                    .iter()
                    .map(|d| DiagnosticOut {
                        code: d.rule.code(),
                        severity: d.severity.as_str(),
                        message: &d.message,
                        range: range(&d.region),
                        related: d
                            .related
                            .iter()
                            .map(|n| RelatedOut {
                                message: &n.message,
                                range: range(&n.region),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
        summary: SummaryOut {
            files: summary.files,
            reports: summary.reports,
            errors: summary.errors,
            warnings: summary.warnings,
        },
    };
    // Serialising plain structs of strings and integers cannot fail; an empty object would be
    // rejected by any reader, so the fallback is still visible.
    let mut text =
        serde_json::to_string_pretty(&output).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    text.push('\n');
    text
}
