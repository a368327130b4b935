//! `--format text`: compiler-style diagnostics for people at a terminal — location, message, the source
//! line with a caret under the range, related places as notes, and a summary. Knows nothing of analysis.

use std::fmt::Write;

use unicode_width::UnicodeWidthChar;

use super::check::{Diagnostic, FileReport, Summary};
use crate::analysis::{Locale, Severity};
use crate::extract::Origin;

/// Source lines wider than this (minified HTML puts a whole table on one line) are cut to a window
/// around the range.
const MAX_LINE_WIDTH: usize = 120;
/// Columns of context kept before the range when a line is cut.
const CONTEXT_BEFORE: usize = 40;
const TAB_WIDTH: usize = 4;

/// A source line as a terminal shows it, with where the underline goes, in display columns
/// (a Han character is two columns wide).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub line: String,
    pub caret_col: usize,
    pub caret_width: usize,
}

impl Snippet {
    /// `start` and `end` are character indices into `line`; `end` past the line means "to its end".
    pub fn new(line: &str, start: usize, end: usize) -> Snippet {
        let skip = start.saturating_sub(CONTEXT_BEFORE);
        let from = line.char_indices().nth(skip).map_or(line.len(), |(i, _)| i);
        Snippet::window(line.get(from..).unwrap_or_default(), skip, start, end)
    }

    /// [`Snippet::new`] for a range that starts at byte `start_byte` of `line`: the window is found by
    /// walking back from the range instead of forward from the line's start, so that thousands of
    /// findings on one long line cost a window each, not a walk over the line each.
    pub fn at(line: &str, start_byte: usize, start: usize, end: usize) -> Snippet {
        let mut start_byte = start_byte.min(line.len());
        while !line.is_char_boundary(start_byte) {
            start_byte -= 1;
        }
        let skip = start.saturating_sub(CONTEXT_BEFORE);
        let from = match start - skip {
            0 => start_byte,
            back => line
                .get(..start_byte)
                .unwrap_or_default()
                .char_indices()
                .rev()
                .nth(back - 1)
                .map_or(0, |(i, _)| i),
        };
        Snippet::window(line.get(from..).unwrap_or_default(), skip, start, end)
    }

    /// The snippet of a line whose first `skip` characters are cut off, leaving `rest`.
    fn window(rest: &str, skip: usize, start: usize, end: usize) -> Snippet {
        // Only a window around the range can be shown, so a minified page's one long line is not
        // measured past it. Tabs become spaces and control characters a visible mark, so that
        // widths are knowable and a report cannot send escape sequences to the terminal.
        let mut chars = rest.chars();
        let cells: Vec<(char, usize)> = chars
            .by_ref()
            .take(start - skip + MAX_LINE_WIDTH + 1)
            .map(|c| match c {
                '\t' => ('\t', TAB_WIDTH),
                c if c.is_control() => ('\u{FFFD}', 1),
                c => (c, c.width().unwrap_or(0)),
            })
            .collect();
        let more_after = chars.next().is_some();
        let (start, end) = (start - skip, end.saturating_sub(skip));
        // cols[i]: display column where character i starts; the last is the width of the whole.
        let mut cols = Vec::with_capacity(cells.len() + 1);
        cols.push(0);
        cols.extend(cells.iter().scan(0, |col, &(_, w)| {
            *col += w;
            Some(*col)
        }));
        let width = cols.last().copied().unwrap_or(0);
        let col = |i: usize| cols.get(i).copied().unwrap_or(width);
        let start = start.min(cells.len());
        let end = end.clamp(start, cells.len());

        // The whole line when it fits; otherwise a window opening shortly before the range.
        let (mut first, mut last) = (0, cells.len());
        if width > MAX_LINE_WIDTH {
            first = cols
                .partition_point(|&c| c + CONTEXT_BEFORE < col(start))
                .min(start);
            let budget = col(first) + MAX_LINE_WIDTH;
            last = cols
                .partition_point(|&c| c <= budget)
                .saturating_sub(1)
                .max(first);
        }
        let cut_before = skip > 0 || first > 0;
        let mut text = String::new();
        if cut_before {
            text.push('…');
        }
        for &(c, w) in cells.get(first..last).unwrap_or_default() {
            match c {
                '\t' => text.extend(std::iter::repeat_n(' ', w)),
                c => text.push(c),
            }
        }
        if more_after || last < cells.len() {
            text.push('…');
        }
        let caret_end = col(end).min(col(last));
        Snippet {
            line: text,
            caret_col: col(start) - col(first) + usize::from(cut_before),
            caret_width: caret_end.saturating_sub(col(start)).max(1),
        }
    }
}

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn paint(self, text: &str, codes: &str) -> String {
        if self.0 {
            format!("\x1b[{codes}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

fn severity_codes(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Information => "1;36",
        Severity::Hint => "1;32",
    }
}

/// Renders every file's diagnostics and the summary.
pub fn render(files: &[FileReport], summary: &Summary, locale: Locale, color: bool) -> String {
    let paint = Paint(color);
    let mut out = String::new();
    for file in files {
        for d in &file.diagnostics {
            render_diagnostic(&mut out, &file.name, d, paint, locale);
            out.push('\n');
        }
    }
    out.push_str(&paint.paint(&summary_line(summary, locale), "1"));
    out.push('\n');
    out
}

fn location(name: &str, line: usize, chars: usize) -> String {
    format!("{name}:{}:{}", line + 1, chars + 1)
}

/// Where in the `.pdf` or `.docx` a line of its text view is: `第 3 页`, `table 2, row 5`.
pub fn origin_text(origin: Origin, locale: Locale) -> Option<String> {
    match (origin, locale) {
        (Origin::Page(page), Locale::Zh) => Some(format!("第 {page} 页")),
        (Origin::Page(page), Locale::En) => Some(format!("page {page}")),
        (Origin::TableRow { table, row }, Locale::Zh) => Some(format!("表格 {table} 第 {row} 行")),
        (Origin::TableRow { table, row }, Locale::En) => Some(format!("table {table}, row {row}")),
        (Origin::Text, _) => None,
    }
}

fn render_diagnostic(out: &mut String, name: &str, d: &Diagnostic, paint: Paint, locale: Locale) {
    let start = d.region.start;
    let sev = d.severity.as_str();
    let gutter = (start.line + 1).to_string();
    let pad = " ".repeat(gutter.len());
    let bar = paint.paint("|", "1;34");
    let _ = writeln!(
        out,
        "{} {}: {}",
        paint.paint(
            &format!("{}:", location(name, start.line, start.chars)),
            "1"
        ),
        paint.paint(
            &format!("{sev}[{}]", d.rule.code()),
            severity_codes(d.severity)
        ),
        d.message
    );
    if let Some(origin) = d.origin.and_then(|o| origin_text(o, locale)) {
        let _ = writeln!(out, "{pad}{} {origin}", paint.paint("-->", "1;34"));
    }
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(
        out,
        "{} {bar} {}",
        paint.paint(&gutter, "1;34"),
        d.snippet.line
    );
    let carets = "^".repeat(d.snippet.caret_width);
    let _ = writeln!(
        out,
        "{pad} {bar} {}{}",
        " ".repeat(d.snippet.caret_col),
        paint.paint(&carets, severity_codes(d.severity))
    );
    for note in &d.related {
        let file = note.file.as_deref().unwrap_or(name);
        let at = location(file, note.region.start.line, note.region.start.chars);
        let _ = writeln!(
            out,
            "{pad} {} {at}: {}",
            paint.paint("= note:", "1"),
            note.message
        );
    }
}

fn summary_line(s: &Summary, locale: Locale) -> String {
    match locale {
        Locale::Zh => {
            let mut line = format!(
                "共检查 {} 个文件（{} 份报告）：{} 个错误，{} 个警告",
                s.files, s.reports, s.errors, s.warnings
            );
            if s.notes > 0 {
                let _ = write!(line, "，{} 条提示", s.notes);
            }
            if s.failures > 0 {
                let _ = write!(line, "；{} 个文件无法读取", s.failures);
            }
            line
        }
        Locale::En => {
            let plural =
                |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            let mut line = format!(
                "checked {} ({}): {}, {}",
                plural(s.files, "file"),
                plural(s.reports, "report"),
                plural(s.errors, "error"),
                plural(s.warnings, "warning")
            );
            if s.notes > 0 {
                let _ = write!(line, ", {}", plural(s.notes, "note"));
            }
            if s.failures > 0 {
                let _ = write!(line, "; {} could not be read", plural(s.failures, "file"));
            }
            line
        }
    }
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
