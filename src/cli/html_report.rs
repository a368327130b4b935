//! One file's part of the review page: its path and counts, then each report — title, year, its
//! tables (rendered by `html_tables`) and its findings as the text format lists them. Analyses the
//! file report by report and renders each before the next, so only one report's model is alive at a
//! time.

use std::fmt::Write;

use super::check::{self, Diagnostic, FileReport, Options};
use super::html::{Esc, FilePage, count, tr};
use super::html_tables;
use super::inputs::{Failure, Input};
use super::text;
use crate::analysis::{self, Frame, Locale, ReportAnalysis, Severity, carryover, facts};
use crate::document::LineIndex;
use crate::extract::TextView;

/// Reads and renders one input (`index` makes its anchors unique on the page).
pub fn check_input(index: usize, input: &Input, options: &Options) -> Result<FilePage, Failure> {
    let view = check::read_text(input)?;
    Ok(render_file(index, &input.name, &view, options))
}

/// One file's section: its path, then each report with its tables and findings. The findings are
/// written last ([`FilePage::html`]), once the carry-over check across files has added its own.
pub fn render_file(index: usize, name: &str, view: &TextView, options: &Options) -> FilePage {
    let locale = options.locale;
    let text = view.text.as_str();
    let lines = LineIndex::new(text);
    let mut reports = Vec::new();
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
        let frame = Frame::report(offset);
        let ledger = carryover::ledger(&analysis).map(|s| frame.span(&s));
        let mut placed = super::carryover::place(&lines, vec![ledger], options.snippets);
        check::set_ledger_origins(view, &mut placed);
        file.ledgers.extend(placed);
        let found = analysis.findings.iter().map(|f| f.in_document(frame));
        let mut diagnostics = check::place_in(&lines, found, options);
        check::set_origins(view, &mut diagnostics);
        let report = Report {
            id: format!("f{index}-r{}", file.reports),
            file: name,
            segment,
            line: lines.point(offset).line,
            analysis: &analysis,
        };
        let mut head = String::new();
        report.render(&mut head, locale);
        file.diagnostics.extend(diagnostics.iter().cloned());
        reports.push(ReportPage { head, diagnostics });
    }
    FilePage {
        index,
        file,
        reports,
    }
}

/// A report's part of the page: its heading and tables, and its findings still to be written.
pub struct ReportPage {
    head: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl FilePage {
    /// The file's section: its path and counts, then each report with its findings.
    pub fn html(&self, locale: Locale) -> String {
        let mut html = String::new();
        let _ = write!(
            html,
            "<section class=\"file\" id=\"f{}\">\n<h2><span class=\"path\">{}</span> <span class=\"counts\">{}</span></h2>\n",
            self.index,
            Esc(&self.file.name),
            file_counts(&self.file, locale)
        );
        if self.file.reports == 0 {
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
        for report in &self.reports {
            html.push_str(&report.head);
            render_findings(&mut html, &self.file.name, &report.diagnostics, locale);
            html.push_str("</article>\n");
        }
        html.push_str("</section>\n");
        html
    }
}

/// One report being rendered.
struct Report<'a> {
    id: String,
    file: &'a str,
    segment: &'a str,
    /// The 0-based line the report starts on in its file.
    line: usize,
    analysis: &'a ReportAnalysis,
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
        let identity = &self.analysis.identity;
        if let Some(agency) = &identity.agency {
            let _ = write!(
                out,
                "<span class=\"agency\">{}</span> · ",
                Esc(&agency.name)
            );
        }
        if let Some(year) = identity.year {
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
