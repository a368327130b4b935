//! Completion: the template's labels in context — inside 表三 its rows with the next expected row
//! first, inside 表二 its sub-table anchors and rows, at a line start the six section headings (missing
//! ones first) and snippets for blank tables and a whole report. Every item filters on pinyin too.

use super::basis::{detail, explain};
use super::{
    CompletionFact, CompletionKind, Span, floor_boundary, line_start, pinyin, snippet, table_labels,
};
use crate::analysis::lex::Layout;
use crate::analysis::model::Report;
use crate::analysis::{Locale, ReportAnalysis};
use crate::template::{Basis, SECTIONS, TableId};

/// Rank bands: the current table's labels, then section headings, then snippets.
const SECTION_BAND_IN_TABLE: u32 = 100;
const SNIPPET_AFTER_SECTIONS: u32 = 50;

/// Completion in a report segment at `offset`.
pub fn complete(
    segment_text: &str,
    report: &ReportAnalysis,
    offset: usize,
    locale: Locale,
) -> Vec<CompletionFact> {
    let text = segment_text;
    let offset = floor_boundary(text, offset);
    let model = &report.report;
    let start = line_start(text, offset);
    let replace = typed(text, start, offset);
    let before = text.get(start..replace.start).unwrap_or_default();
    let at_line_start = before.chars().all(|c| c == '#' || c.is_whitespace());
    let at_cell =
        at_line_start || before.ends_with('\t') || before.trim_end().ends_with(['|', '>']);
    let table = table_at(model, text, offset);
    let ctx = Context {
        model,
        replace,
        locale,
    };
    let mut out = Vec::new();
    if at_cell {
        match table {
            Some(TableId::Requests) => out.extend(table_labels::requests(&ctx, offset)),
            Some(TableId::Active) => out.extend(table_labels::active(&ctx, offset)),
            _ => {}
        }
    }
    if at_line_start {
        let band = if out.is_empty() {
            0
        } else {
            SECTION_BAND_IN_TABLE
        };
        let prefix = heading_prefix(text, model, before);
        out.extend(sections(&ctx, band, &prefix));
        let layout = document_layout(model);
        let snippets = snippet::snippets(table, layout, locale);
        out.extend(snippets.into_iter().map(|mut s| {
            s.rank += band + SNIPPET_AFTER_SECTIONS;
            s.replace = ctx.replace.clone();
            s
        }));
    }
    out.sort_by_key(|c| c.rank);
    out
}

/// What every item of one completion request shares.
pub struct Context<'a> {
    pub model: &'a Report,
    replace: Span,
    locale: Locale,
}

impl Context<'_> {
    pub fn item(
        &self,
        label: &str,
        basis: &Basis,
        kind: CompletionKind,
        rank: u32,
    ) -> CompletionFact {
        CompletionFact {
            label: label.to_string(),
            detail: detail(basis, self.locale),
            documentation: Some(explain(basis, self.locale)),
            filter_text: pinyin::filter_text(label),
            insert_text: label.to_string(),
            is_snippet: false,
            kind,
            rank,
            replace: self.replace.clone(),
        }
    }
}

/// The partly typed word before the cursor: a run of ASCII letters (pinyin), else what was typed
/// since the line start or the last cell separator.
fn typed(text: &str, line_start: usize, offset: usize) -> Span {
    let line = text.get(line_start..offset).unwrap_or_default();
    let letters = line.len()
        - line
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if letters > 0 {
        return offset - letters..offset;
    }
    let after_separator = line.rfind(['|', '\t', '>']).map(|i| i + 1);
    let start = after_separator.unwrap_or(0);
    let rest = line.get(start..).unwrap_or_default();
    let skipped = match after_separator {
        Some(_) => rest.len() - rest.trim_start().len(),
        None => {
            rest.len()
                - rest
                    .trim_start_matches(|c: char| c == '#' || c.is_whitespace())
                    .len()
        }
    };
    line_start + start + skipped..offset
}

/// The table the cursor is in: a table's extent, else the section that holds a table.
fn table_at(model: &Report, text: &str, offset: usize) -> Option<TableId> {
    let within = |s: &Span| s.start <= offset && (offset < s.end || s.end == text.len());
    if let Some((t, _)) = super::table_bodies(model)
        .iter()
        .find(|(_, s)| s.start <= offset && offset <= s.end)
    {
        return Some(*t);
    }
    model
        .sections
        .iter()
        .find(|s| within(&s.extent))
        .and_then(|s| SECTIONS.get(s.index))
        .and_then(|s| s.table)
}

/// The layout most rows are written in; Markdown pipes when there are none yet.
pub fn document_layout(model: &Report) -> Layout {
    let all = [
        Layout::Pipe,
        Layout::Flat,
        Layout::Tab,
        Layout::Html,
        Layout::Plain,
    ];
    let count = |l: Layout| model.rows.iter().filter(|h| h.layout == l).count();
    all.into_iter()
        .max_by_key(|&l| (count(l), l == Layout::Pipe))
        .unwrap_or(Layout::Pipe)
}

/// The heading marks to insert before a section heading: the document's own (`## `) unless typed.
fn heading_prefix(text: &str, model: &Report, typed_before: &str) -> String {
    if typed_before.contains('#') {
        return String::new();
    }
    model
        .sections
        .first()
        .and_then(|s| text.get(line_start(text, s.heading.start)..s.heading.start))
        .filter(|p| p.trim_start().starts_with('#'))
        .map(|p| p.trim_start().to_string())
        .unwrap_or_default()
}

fn sections(ctx: &Context, band: u32, prefix: &str) -> Vec<CompletionFact> {
    SECTIONS
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let present = ctx.model.section(i).is_some();
            let rank = band + i as u32 + if present { 10 } else { 0 };
            let mut item = ctx.item(&s.heading(), &s.basis, CompletionKind::Section, rank);
            item.insert_text = format!("{prefix}{}", s.heading());
            item
        })
        .collect()
}
