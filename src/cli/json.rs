//! `--format json`: the stable machine format of SPEC §5 — 0-based lines and UTF-16 columns, as in
//! LSP. Owns the serde shapes (core types are not `Serialize`); knows nothing of analysis.

use serde::Serialize;

use super::check::{FileReport, Region, Summary};
use super::inputs::Failure;
use crate::extract::Origin;

/// Bumped only when a key changes meaning or disappears.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    /// Inputs that could not be read, decoded or extracted (also reported on stderr).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    unreadable: Vec<UnreadableOut<'a>>,
    summary: SummaryOut,
}

#[derive(Serialize)]
struct UnreadableOut<'a> {
    path: &'a str,
    reason: &'a str,
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
    #[serde(flatten)]
    origin: OriginOut,
}

/// Where the line of a text view is in the `.pdf` or `.docx` it was extracted from: the page, or
/// the table and row (1-based). Shared with SARIF, which carries it as location properties.
#[derive(Serialize, Default)]
pub struct OriginOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    table: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    row: Option<u32>,
}

impl OriginOut {
    /// `None` for a line of a text file (nothing to say).
    pub fn of(origin: Option<Origin>) -> Option<OriginOut> {
        match origin? {
            Origin::Page(page) => Some(OriginOut {
                page: Some(page),
                ..OriginOut::default()
            }),
            Origin::TableRow { table, row } => Some(OriginOut {
                table: Some(table),
                row: Some(row),
                ..OriginOut::default()
            }),
            Origin::Text => None,
        }
    }
}

#[derive(Serialize)]
struct RelatedOut<'a> {
    /// The other file, when the place is not in this one (last year's report).
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
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

/// The whole document, pretty-printed, with a final newline.
pub fn render(files: &[FileReport], summary: &Summary) -> String {
    render_run(files, &[], summary)
}

/// The whole document of a run: files that could not be read are listed apart, under
/// `unreadable`, with the reason (they have no diagnostics to give; they also go to stderr and to
/// the exit code).
pub fn render_run(files: &[FileReport], failures: &[Failure], summary: &Summary) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail, and serialising plain structs of strings and integers cannot
    // either; an empty object would be rejected by any reader, so the fallback is still visible.
    if let Err(e) = write_run(&mut bytes, files, failures, summary) {
        return format!("{{\"error\":\"{e}\"}}\n");
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// [`render_run`] written straight to `out`, so that a run with a hundred megabytes of findings
/// never holds its whole JSON text in memory.
pub fn write_run(
    out: &mut dyn std::io::Write,
    files: &[FileReport],
    failures: &[Failure],
    summary: &Summary,
) -> std::io::Result<()> {
    let output = Output {
        version: FORMAT_VERSION,
        unreadable: failures
            .iter()
            .map(|f| UnreadableOut {
                path: &f.name,
                reason: &f.reason,
            })
            .collect(),
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
                                path: n.file.as_deref(),
                                message: &n.message,
                                range: range(&n.region),
                            })
                            .collect(),
                        origin: OriginOut::of(d.origin).unwrap_or_default(),
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
    serde_json::to_writer_pretty(&mut *out, &output)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Finding, Locale, Message, Related, Rule};
    use crate::cli::check::{Options, place_all};

    #[test]
    fn positions_are_zero_based_utf16_and_every_key_is_written() {
        // 𠀀 (U+20000) is two UTF-16 units, so 预 starts at character 2.
        let text = "表三\n𠀀预期 |\n";
        let at = text.find("预期").unwrap_or_default();
        let finding = Finding::new(
            Rule::Nonstandard,
            at..at + 6,
            Message::new("应为“逾期”", "should be 逾期"),
        )
        .with_related(vec![Related {
            span: 0..3,
            message: Message::new("表", "table"),
        }]);
        let options = Options {
            locale: Locale::Zh,
            ..Options::default()
        };
        let file = FileReport {
            name: "a.txt".into(),
            reports: 1,
            diagnostics: place_all(text, [finding], &options),
            ledgers: Vec::new(),
        };
        let summary = Summary::new(std::slice::from_ref(&file), 0);
        let out: serde_json::Value =
            serde_json::from_str(&render(&[file], &summary)).unwrap_or_default();
        let range = |l0, c0, l1, c1| serde_json::json!({ "start": { "line": l0, "character": c0 }, "end": { "line": l1, "character": c1 } });
        let expected = serde_json::json!({
            "version": 1,
            "files": [{
                "path": "a.txt",
                "reports": 1,
                "diagnostics": [{
                    "code": "label/nonstandard",
                    "severity": "warning",
                    "message": "应为“逾期”",
                    "range": range(1, 2, 1, 4),
                    "related": [{ "message": "表", "range": range(0, 0, 0, 1) }]
                }]
            }],
            "summary": { "files": 1, "reports": 1, "errors": 0, "warnings": 1 }
        });
        assert_eq!(out, expected);
    }
}
