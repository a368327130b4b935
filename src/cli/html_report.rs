//! One file's part of the review page: its path and counts, then each report — title, year, its
//! tables (rendered by `html_tables`) and its findings as the text format lists them. Analyses the
//! file report by report and renders each before the next, so only one report's model is alive at a
//! time.

use std::fmt::Write;

use super::check::{self, Diagnostic, FileReport, Options};
use super::html::{Esc, FilePage, count, tr};
use super::html_tables;
use super::inputs::{Failure, Input};
use super::line_index::LineIndex;
use super::text;
use crate::analysis::{self, Locale, ReportAnalysis, Severity, carryover, facts};
use crate::extract::TextView;

/// Reads and renders one input (`index` makes its anchors unique on the page).
pub fn check_input(index: usize, input: &Input, options: &Options) -> Result<FilePage, Failure> {
    let view = check::read_text(input)?;
    Ok(render_file(index, &input.name, &view, options))
}

/// One file's section: its path, then each report with its tables and findings.
pub fn render_file(index: usize, name: &str, view: &TextView, options: &Options) -> FilePage {
    let locale = options.locale;
    let text = view.text.as_str();
    let lines = LineIndex::new(text);
    let mut reports = String::new();
    let mut file = FileReport {
        name: name.to_string(),
        reports: 0,
        diagnostics: Vec::new(),
        ledgers: Vec::new(),
    };
    for (offset, segment) in analysis::report_texts(text) {
        let analysis = analysis::analyze_report(segment);
        if analysis.report.is_shell() {
            continue;
        }
        file.reports += 1;
        let ledger = carryover::ledger(&analysis).map(|s| s.start + offset..s.end + offset);
        let mut placed = super::carryover::place(&lines, vec![ledger]);
        check::set_ledger_origins(view, &mut placed);
        file.ledgers.extend(placed);
        let found = analysis.findings.iter().map(|f| f.shifted(offset));
        let mut diagnostics = check::place_in(&lines, found, options);
        check::set_origins(view, &mut diagnostics);
        let report = Report {
            id: format!("f{index}-r{}", file.reports),
            file: name,
            segment,
            line: lines.position(offset).line,
            analysis: &analysis,
            diagnostics: &diagnostics,
        };
        report.render(&mut reports, locale);
        file.diagnostics.extend(diagnostics);
    }

    let mut html = String::new();
    let _ = write!(
        html,
        "<section class=\"file\" id=\"f{index}\">\n<h2><span class=\"path\">{}</span> <span class=\"counts\">{}</span></h2>\n",
        Esc(name),
        file_counts(&file, locale)
    );
    if file.reports == 0 {
        let _ = writeln!(
            html,
            "<p class=\"none\">{}</p>",
            tr(
                locale,
                "没有找到年度报告。",
                "No annual report found in this file."
            )
        );
    }
    html.push_str(&reports);
    html.push_str("</section>\n");
    FilePage { index, file, html }
}

/// One report being rendered.
struct Report<'a> {
    id: String,
    file: &'a str,
    segment: &'a str,
    /// The 0-based line the report starts on in its file.
    line: usize,
    analysis: &'a ReportAnalysis,
    diagnostics: &'a [Diagnostic],
}

impl Report<'_> {
    fn render(&self, out: &mut String, locale: Locale) {
        let model = &self.analysis.report;
        let title = model
            .title
            .as_ref()
            .and_then(|s| self.segment.get(s.clone()))
            .map(facts::plain_title)
            .filter(|t| !t.is_empty());
        let _ = write!(out, "<article class=\"report\" id=\"{}\">\n<h3>", self.id);
        match title {
            Some(title) => {
                let _ = write!(out, "{}", Esc(&title));
            }
            None => out.push_str(tr(locale, "（无标题的报告）", "(untitled report)")),
        }
        out.push_str("</h3>\n<p class=\"where\">");
        if let Some(year) = model.year {
            let _ = write!(
                out,
                "<span class=\"year\">{}</span> · ",
                match locale {
                    Locale::Zh => format!("{year} 年度"),
                    Locale::En => format!("year {year}"),
                }
            );
        }
        let _ = writeln!(
            out,
            "{} {}:{}</p>",
            tr(locale, "起于", "from"),
            Esc(self.file),
            self.line + 1
        );
        for table in facts::tables(self.segment, self.analysis) {
            html_tables::render(out, &table, locale);
        }
        render_findings(out, self.file, self.diagnostics, locale);
        out.push_str("</article>\n");
    }
}

fn file_counts(file: &FileReport, locale: Locale) -> String {
    let errors = count(file, Severity::Error);
    let warnings = count(file, Severity::Warning);
    match locale {
        Locale::Zh => format!(
            "{} 份报告 · {errors} 个错误 · {warnings} 个警告",
            file.reports
        ),
        Locale::En => {
            let n = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            format!(
                "{} · {} · {}",
                n(file.reports, "report"),
                n(errors, "error"),
                n(warnings, "warning")
            )
        }
    }
}

fn severity_name(severity: Severity, locale: Locale) -> &'static str {
    match severity {
        Severity::Error => tr(locale, "错误", "error"),
        Severity::Warning => tr(locale, "警告", "warning"),
        Severity::Information => tr(locale, "信息", "information"),
        Severity::Hint => tr(locale, "提示", "hint"),
    }
}

/// A report's findings as the text format gives them: severity, rule, place, message, notes.
fn render_findings(out: &mut String, file: &str, diagnostics: &[Diagnostic], locale: Locale) {
    let _ = write!(
        out,
        "<section class=\"findings\">\n<h4>{} ({})</h4>\n",
        tr(locale, "问题", "Findings"),
        diagnostics.len()
    );
    if diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"none\">{}</p>",
            tr(locale, "没有发现问题。", "No findings.")
        );
    } else {
        out.push_str("<ol>\n");
        for d in diagnostics {
            let at = d.region.start;
            let _ = write!(
                out,
                "<li class=\"{sev}\"><span class=\"severity\">{}</span> <code class=\"rule\">{}</code> <span class=\"at\">{}:{}:{}{}</span> <span class=\"message\">{}</span>",
                severity_name(d.severity, locale),
                d.rule.code(),
                Esc(file),
                at.line + 1,
                at.chars + 1,
                d.origin
                    .and_then(|o| text::origin_text(o, locale))
                    .map(|o| format!(" ({})", Esc(&o)))
                    .unwrap_or_default(),
                Esc(&d.message),
                sev = d.severity.as_str(),
            );
            if !d.related.is_empty() {
                out.push_str("\n<ul class=\"notes\">\n");
                for note in &d.related {
                    let at = note.region.start;
                    let _ = writeln!(
                        out,
                        "<li><span class=\"at\">{}:{}:{}</span> {}</li>",
                        Esc(note.file.as_deref().unwrap_or(file)),
                        at.line + 1,
                        at.chars + 1,
                        Esc(&note.message)
                    );
                }
                out.push_str("</ul>\n");
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}
