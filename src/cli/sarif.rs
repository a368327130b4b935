//! `--format sarif`: a SARIF 2.1.0 log for code-scanning tools — one run, every rule described, 1-based
//! regions in UTF-16 code units, unreadable inputs as tool notifications. Knows nothing of analysis.

use serde::Serialize;

use super::check::{FileReport, Region};
use super::inputs::Failure;
use super::json::OriginOut;
use crate::analysis::{Locale, Rule, Severity};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    invocations: [Invocation<'a>; 1],
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    short_description: Text<String>,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text<S> {
    text: S,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation<'a> {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification<'a>>,
}

#[derive(Serialize)]
struct Notification<'a> {
    level: &'static str,
    message: Text<&'a str>,
    locations: [Location<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text<&'a str>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<&'a str>>,
    /// A property bag (SARIF §3.8): where the line of the text view is in the `.pdf` or `.docx`
    /// it was extracted from.
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<OriginOut>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<SarifRegion>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRegion {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    /// SARIF's end column is that of the first character after the region.
    end_column: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

fn physical(uri: &str, region: Option<&Region>) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri.to_string(),
        },
        region: region.map(|r| SarifRegion {
            start_line: r.start.line + 1,
            start_column: r.start.utf16 + 1,
            end_line: r.end.line + 1,
            end_column: r.end.utf16 + 1,
        }),
    }
}

/// A relative URI reference for a path as shown: separators as `/`, everything outside the
/// unreserved set percent-encoded (Chinese file names are common).
pub fn path_to_uri(name: &str) -> String {
    let mut uri = String::with_capacity(name.len());
    for &b in name.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(b as char)
            }
            b'\\' if cfg!(windows) => uri.push('/'),
            _ => uri.push_str(&format!("%{b:02X}")),
        }
    }
    uri
}

/// The whole log, pretty-printed, with a final newline.
pub fn render(files: &[FileReport], failures: &[Failure], locale: Locale) -> String {
    let rules = Rule::ALL
        .iter()
        .map(|&rule| RuleDescriptor {
            id: rule.code(),
            short_description: Text {
                text: rule.describe(locale).to_string(),
            },
            default_configuration: Configuration {
                level: level(rule.default_severity()),
            },
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        let uri = path_to_uri(&file.name);
        for d in &file.diagnostics {
            results.push(SarifResult {
                rule_id: d.rule.code(),
                rule_index: Rule::ALL.iter().position(|&r| r == d.rule).unwrap_or(0),
                level: level(d.severity),
                message: Text { text: &d.message },
                locations: [Location {
                    id: None,
                    physical_location: physical(&uri, Some(&d.region)),
                    message: None,
                    properties: OriginOut::of(d.origin),
                }],
                related_locations: d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, note)| Location {
                        id: Some(i),
                        physical_location: physical(
                            &note
                                .file
                                .as_deref()
                                .map_or_else(|| uri.clone(), path_to_uri),
                            Some(&note.region),
                        ),
                        message: Some(Text {
                            text: &note.message,
                        }),
                        properties: None,
                    })
                    .collect(),
            });
        }
    }
    let notifications = failures
        .iter()
        .map(|f| Notification {
            level: "error",
            message: Text { text: &f.reason },
            locations: [Location {
                id: None,
                physical_location: physical(&path_to_uri(&f.name), None),
                message: None,
                properties: None,
            }],
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "ogi-lsp",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            invocations: [Invocation {
                execution_successful: failures.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "utf16CodeUnits",
            results,
        }],
    };
    let mut text =
        serde_json::to_string_pretty(&log).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_keep_separators_and_encode_the_rest() {
        assert_eq!(path_to_uri("reports/a-b_c.txt"), "reports/a-b_c.txt");
        assert_eq!(path_to_uri("报告 1.txt"), "%E6%8A%A5%E5%91%8A%201.txt");
        assert_eq!(path_to_uri("<stdin>"), "%3Cstdin%3E");
    }
}
