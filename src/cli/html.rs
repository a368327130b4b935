//! `--format html`: one self-contained review page — head and inline style sheet, a summary, an index
//! of the files, a legend, then each file's section (`html_report`, with its tables drawn by
//! `html_tables`). Owns the escaping every part uses: all text taken from a report or a path goes
//! through [`Esc`]. Knows nothing of the analysis.

use std::fmt::{self, Display, Write};

use super::check::{FileReport, Summary};
use super::inputs::Failure;
use crate::analysis::{Locale, Severity};

pub use super::html_report::{ReportPage, check_input, render_file};

/// The page's style sheet, inlined: the page must open from a mail attachment or an archive.
const STYLE: &str = include_str!("html.css");

/// One file's part of the page, and what the summary counts.
pub struct FilePage {
    /// The input's index, which the section's anchor is made of.
    pub index: usize,
    pub file: FileReport,
    pub reports: Vec<ReportPage>,
}

/// Text taken from outside (a report, a path, a message quoting a report), escaped for element
/// content and quoted attribute values. Characters that HTML forbids in a document (controls,
/// noncharacters) become U+FFFD, so a hostile file cannot make the page unparseable either.
pub struct Esc<'a>(pub &'a str);

impl Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Each piece but the last ends with a character to escape.
        for piece in self.0.split_inclusive(needs_escape) {
            let mut chars = piece.chars();
            match chars.next_back() {
                Some(c) if needs_escape(c) => {
                    f.write_str(chars.as_str())?;
                    f.write_str(match c {
                        '&' => "&amp;",
                        '<' => "&lt;",
                        '>' => "&gt;",
                        '"' => "&quot;",
                        '\'' => "&#39;",
                        _ => "\u{FFFD}",
                    })?;
                }
                _ => f.write_str(piece)?,
            }
        }
        Ok(())
    }
}

fn needs_escape(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"' | '\'')
        || (c.is_control() && !matches!(c, '\t' | '\n'))
        || matches!(c as u32, 0xFDD0..=0xFDEF)
        || (c as u32 & 0xFFFE) == 0xFFFE
}

/// How many of a file's findings have `severity`.
pub(super) fn count(file: &FileReport, severity: Severity) -> usize {
    file.diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

/// A fixed text of the page in the chosen language.
pub(super) fn tr(locale: Locale, zh: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::Zh => zh,
        Locale::En => en,
    }
}

/// The whole page: head, summary, legend and the files' sections in input order.
pub fn render(
    pages: &[FilePage],
    summary: &Summary,
    failures: &[Failure],
    locale: Locale,
) -> String {
    let heading = tr(
        locale,
        "政府信息公开工作年度报告检查结果",
        "Annual reports on open government information: review",
    );
    let title = match pages {
        [one] => format!("{heading} · {}", one.file.name),
        _ => heading.to_string(),
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"ogi-lsp {}\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{heading}</h1>\n",
        tr(locale, "zh-CN", "en"),
        env!("CARGO_PKG_VERSION"),
        Esc(&title),
    );
    render_summary(&mut out, summary, locale);
    render_failures(&mut out, failures, locale);
    if pages.len() > 1 {
        render_index(&mut out, pages, locale);
    }
    render_legend(&mut out, locale);
    out.push_str("</header>\n<main>\n");
    for page in pages {
        out.push_str(&page.html(locale));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn render_summary(out: &mut String, s: &Summary, locale: Locale) {
    out.push_str("<dl class=\"summary\">\n");
    let mut item = |key: &str, zh, en, n: usize| {
        let _ = writeln!(
            out,
            "<div class=\"{key}{}\"><dt>{}</dt><dd data-summary=\"{key}\">{n}</dd></div>",
            if n > 0 { " some" } else { "" },
            tr(locale, zh, en)
        );
    };
    item("files", "文件", "files", s.files);
    item("reports", "报告", "reports", s.reports);
    item("errors", "错误", "errors", s.errors);
    item("warnings", "警告", "warnings", s.warnings);
    if s.notes > 0 {
        item("notes", "提示", "notes", s.notes);
    }
    if s.failures > 0 {
        item("failures", "无法读取的文件", "unreadable files", s.failures);
    }
    out.push_str("</dl>\n");
}

fn render_failures(out: &mut String, failures: &[Failure], locale: Locale) {
    if failures.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"failures\">\n<h2>{}</h2>\n<ul>\n",
        tr(locale, "无法读取的文件", "Files that could not be read")
    );
    for failure in failures {
        let _ = writeln!(
            out,
            "<li><span class=\"path\">{}</span>: {}</li>",
            Esc(&failure.name),
            Esc(&failure.reason)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// A table of contents for a page of several files, with each file's counts.
fn render_index(out: &mut String, pages: &[FilePage], locale: Locale) {
    let _ = write!(
        out,
        "<nav class=\"index\">\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        tr(locale, "文件", "file"),
        tr(locale, "报告", "reports"),
        tr(locale, "错误", "errors"),
        tr(locale, "警告", "warnings"),
    );
    for page in pages {
        let file = &page.file;
        let count = |severity| count(file, severity);
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#f{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            page.index,
            Esc(&file.name),
            file.reports,
            count(Severity::Error),
            count(Severity::Warning)
        );
    }
    out.push_str("</tbody>\n</table>\n</nav>\n");
}

/// What the marks on cells and rows mean, drawn with the same classes as the tables.
fn render_legend(out: &mut String, locale: Locale) {
    let _ = write!(
        out,
        "<section class=\"legend\">\n<h2>{}</h2>\n<table class=\"grid\">\n<tbody>\n",
        tr(locale, "图例", "Legend")
    );
    // (row class, cell class, cell text, meaning)
    let entries: [(&str, &str, &str, &str, &str); 6] = [
        (
            "",
            "failing bad-total",
            "9",
            "合计与各项之和不符（框出的是合计）",
            "an equation that does not hold (the outlined cell is its total)",
        ),
        (
            "",
            "failing",
            "8",
            "不成立的勾稽关系中的一项",
            "a term of an equation that does not hold",
        ),
        (
            "",
            "blank",
            "-",
            "空白或占位符，按 0 计",
            "blank or a placeholder, counted as 0",
        ),
        (
            "",
            "unreadable",
            "7件",
            "无法读取的数字，不参与计算",
            "a figure that could not be read, left out of the equations",
        ),
        (
            "",
            "absent",
            "",
            "报告中没有这一格",
            "no such cell in the report",
        ),
        (
            "missing",
            "absent",
            "",
            "报告缺少的行（标签为斜体灰字）",
            "a row the report lacks (its label in grey italics)",
        ),
    ];
    for (row, cell, text, zh, en) in entries {
        let row = if row.is_empty() {
            String::new()
        } else {
            format!(" class=\"{row}\"")
        };
        let _ = writeln!(
            out,
            "<tr{row}><td class=\"{cell}\">{text}</td><th scope=\"row\">{}</th></tr>",
            tr(locale, zh, en)
        );
    }
    let _ = write!(
        out,
        "</tbody>\n</table>\n<p>{}</p>\n</section>\n",
        tr(
            locale,
            "把鼠标停在单元格上，可看到包含它的勾稽关系及其计算结果。",
            "Hover over a cell to see the equations that hold it, evaluated."
        )
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_quotes_and_characters_html_forbids() {
        assert_eq!(
            Esc("a<b>&\"c'\u{1}\u{7F}\u{9F}\u{FDD0}\u{FFFE}\u{1FFFF}\t\n预").to_string(),
            "a&lt;b&gt;&amp;&quot;c&#39;\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\t\n预"
        );
        assert_eq!(Esc("").to_string(), "");
        assert_eq!(Esc("𠀀 plain").to_string(), "𠀀 plain");
    }
}
