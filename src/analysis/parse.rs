//! The parser: walks a report's lines once, recognises sections, anchors, row labels and value
//! cells whatever their layout, and assigns values to template cells in template column order.
//! Produces the model only; the rules turn it into findings.

use super::labels::{self, Match};
use super::lex::{self, HtmlState, Layout};
use super::model::*;
use super::segment::{Landmark, landmark, lines_with_ranges};
use super::value;
use super::{Rule, Span};
use crate::template::{APPEALS_ROW, HEADER_TEXTS, ROWS, SECTIONS, TableId};

/// A row that still takes values.
struct OpenRow {
    hit: usize,
    /// Values read so far; assigned to template columns when the row closes.
    values: Vec<(Span, Value)>,
    /// The physical row (line, or `<tr>` … `</tr>`) it was opened in.
    physical: usize,
    closes_at_row_end: bool,
}

struct Parser<'a> {
    text: &'a str,
    report: Report,
    table: Option<TableId>,
    open: Option<OpenRow>,
    physical: usize,
    /// Lines of prose (no label, no value) for the narrative checks.
    prose: Vec<Span>,
    pending_suppressions: Vec<(Rule, usize)>,
    /// Reused for every line.
    line_cells: lex::LineCells,
}

/// Parses the text of one report segment.
pub fn parse(text: &str) -> (Report, Vec<Span>) {
    let mut p = Parser {
        text,
        report: Report {
            cells: Vec::with_capacity(256),
            rows: Vec::with_capacity(40),
            labels: Vec::with_capacity(128),
            ..Report::default()
        },
        table: None,
        open: None,
        physical: 0,
        prose: Vec::new(),
        pending_suppressions: Vec::new(),
        line_cells: lex::LineCells::default(),
    };
    let mut html = HtmlState::default();
    for (range, line) in lines_with_ranges(text) {
        p.line(range.start, line, &mut html);
    }
    p.close_row();
    p.finish();
    (p.report, p.prose)
}

impl Parser<'_> {
    fn line(&mut self, start: usize, line: &str, html: &mut HtmlState) {
        if self.report.title.is_none()
            && self.report.sections.is_empty()
            && landmark(line) == Some(Landmark::Title)
        {
            let (s, e) = lex::trim(line, 0, line.len());
            self.report.title = Some(start + s..start + e);
            self.push_label(start + s..start + e, LabelKind::Title, true, "");
            return;
        }
        if let Some(rules) = suppression(line) {
            self.pending_suppressions
                .extend(rules.into_iter().map(|r| (r, start)));
            return;
        }
        let mut cells = std::mem::take(&mut self.line_cells);
        let layout = lex::split_into(line, start, html, &mut cells);
        // Every line is a physical row of its own, except in HTML, where `</tr>` ends one.
        if layout != Layout::Html {
            self.physical += 1;
        }
        let physical = self.physical;
        let mut consumed = false;
        // A PDF row whose label is no template label is prose that happens to end in numbers.
        let skip_values = layout == Layout::Plain
            && cells.cells.len() > 1
            && cells
                .cells
                .first()
                .is_some_and(|c| !value::is_value_like(&self.text[c.clone()]))
            && labels::recognise(
                &self.text[cells.cells[0].clone()],
                cells.cells[0].start,
                false,
            )
            .is_empty();
        for cell in &cells.cells {
            consumed |= self.cell(cell.clone(), layout, physical, skip_values);
        }
        if !consumed && layout == Layout::Plain && !line.trim().is_empty() {
            self.prose.push(start..start + line.len());
        }
        // A PDF row (label and numbers on one line) ends with its line. 表四's unlabelled row does
        // not: its numbers may come one per line, as in L1 without the pipes.
        let close = self.open.as_ref().is_some_and(|o| {
            (o.closes_at_row_end && cells.row_end)
                || (layout == Layout::Plain
                    && o.physical == physical
                    && !o.values.is_empty()
                    && self.report.rows[o.hit].label.is_some())
        });
        if close {
            self.close_row();
        }
        if layout == Layout::Html && cells.row_end {
            self.physical += 1;
        }
        self.line_cells = cells;
    }

    /// Handles one cell; returns whether it was a label or a value.
    fn cell(&mut self, span: Span, layout: Layout, physical: usize, skip_values: bool) -> bool {
        let text = &self.text[span.clone()];
        if text.is_empty() {
            if layout.is_row_based() && self.open.as_ref().is_some_and(|o| o.physical == physical) {
                self.value(span, Value::Missing);
                return true;
            }
            return false;
        }
        let parsed = value::parse(text);
        let matches = if parsed != Value::Text {
            Vec::new()
        } else {
            labels::recognise(
                text,
                span.start,
                layout == Layout::Html || text.contains('<'),
            )
        };
        if matches.is_empty() {
            let value = parsed;
            if skip_values {
                return false;
            }
            if value == Value::Text {
                // Text where the open row still expects a value is a broken value, not prose.
                let expecting = self.open.as_ref().is_some_and(|o| {
                    let hit = &self.report.rows[o.hit];
                    o.values.len() < ROWS[hit.row].cells
                        && (!layout.is_row_based() || o.physical == physical)
                });
                if expecting && layout != Layout::Plain {
                    self.value(span, Value::Text);
                    return true;
                }
                return false;
            }
            if self.open.is_none() && self.table == Some(TableId::Appeals) {
                self.open_row(APPEALS_ROW, None, layout, physical);
            }
            if self.open.is_some() {
                self.value(span, value);
                return true;
            }
            return false;
        }
        for m in matches {
            self.label(m, layout, physical);
        }
        true
    }

    fn label(&mut self, m: Match, layout: Layout, physical: usize) {
        let mut kind = m.kind;
        match m.kind {
            LabelKind::Section(i) => {
                self.close_row();
                let span = m.span.clone();
                self.report.sections.push(SectionHit {
                    index: i,
                    heading: span.clone(),
                    extent: span,
                });
                self.table = SECTIONS[i].table;
            }
            LabelKind::Anchor(i) => {
                self.close_row();
                self.table = Some(TableId::Active);
                self.report.anchors.push((i, m.span.clone()));
            }
            LabelKind::Row(r) => {
                self.table = Some(ROWS[r].table);
                self.open_row(r, Some(m.span.clone()), layout, physical);
            }
            LabelKind::Group(_) => self.close_row(),
            LabelKind::Header(t) => {
                // 总计 and 其他 head columns of more than one table: read them in the table at hand.
                if let Some(current) = self.table
                    && current != t
                    && HEADER_TEXTS
                        .iter()
                        .any(|&(ht, text)| ht == current && text == m.canonical)
                {
                    kind = LabelKind::Header(current);
                }
                if self.table.is_none() {
                    self.table = Some(t);
                }
            }
            LabelKind::Title => {}
        }
        self.extend_table(m.span.clone());
        self.push_label(m.span, kind, m.exact, m.canonical);
    }

    fn push_label(&mut self, span: Span, kind: LabelKind, exact: bool, canonical: &'static str) {
        self.report.labels.push(LabelHit {
            span,
            kind,
            exact,
            canonical,
        });
    }

    fn open_row(&mut self, row: usize, label: Option<Span>, layout: Layout, physical: usize) {
        self.close_row();
        let duplicate = self.report.rows.iter().any(|h| h.row == row);
        self.report.rows.push(RowHit {
            row,
            label,
            cells: Vec::new(),
            duplicate,
            layout,
        });
        // A label alone on its line (L1, or a PDF row broken after its label) takes the numbers of the
        // following lines; a table row ends with its row.
        self.open = Some(OpenRow {
            hit: self.report.rows.len() - 1,
            values: Vec::new(),
            physical,
            closes_at_row_end: layout.is_row_based(),
        });
    }

    fn value(&mut self, span: Span, value: Value) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.values.push((span.clone(), value));
        self.extend_table(span);
    }

    /// Assigns the open row's values to template columns. Merged cells written as empty cells
    /// (a second label column, a value spanning three columns) are dropped from either end while
    /// the row has more cells than the template; a merged value repeated across its span counts once.
    fn close_row(&mut self) {
        let Some(open) = self.open.take() else { return };
        let hit = &mut self.report.rows[open.hit];
        let expected = ROWS[hit.row].cells;
        let mut values = open.values;
        let blank = |v: &(Span, Value)| v.0.is_empty();
        while values.len() > expected && values.first().is_some_and(blank) {
            values.remove(0);
        }
        while values.len() > expected && values.last().is_some_and(blank) {
            values.pop();
        }
        if expected == 1 && values.len() > 1 && values.iter().all(|v| v.1 == values[0].1) {
            values.truncate(1);
        }
        for (col, (span, value)) in values.into_iter().enumerate() {
            self.report.cells.push(Cell {
                row: hit.row,
                col,
                span,
                value,
            });
            hit.cells.push(self.report.cells.len() - 1);
        }
    }

    fn extend_table(&mut self, span: Span) {
        let Some(table) = self.table else { return };
        match self.report.tables.last_mut() {
            Some((t, extent)) if *t == table => extent.end = extent.end.max(span.end),
            _ => self.report.tables.push((table, span)),
        }
    }

    fn finish(&mut self) {
        let len = self.text.len();
        let starts: Vec<usize> = self
            .report
            .sections
            .iter()
            .map(|s| s.heading.start)
            .collect();
        for (i, s) in self.report.sections.iter_mut().enumerate() {
            s.extent = s.heading.start..starts.get(i + 1).copied().unwrap_or(len);
        }
        for (rule, at) in std::mem::take(&mut self.pending_suppressions) {
            let end = self
                .report
                .tables
                .iter()
                .map(|t| t.1.end)
                .find(|&e| e > at)
                .unwrap_or(len);
            self.report.suppressions.push(Suppression {
                rule,
                covers: at..end,
            });
        }
        self.report.references = crate::statute::find_references(self.text);
        self.report.index_cells();
        // An editor keeps one analysis per report for as long as the document is open.
        self.report.cells.shrink_to_fit();
        self.report.labels.shrink_to_fit();
        self.report.rows.shrink_to_fit();
    }
}

/// `<!-- ogi-disable CODE … -->` or `# ogi-disable CODE …`: the rules switched off for the next table.
fn suppression(line: &str) -> Option<Vec<Rule>> {
    let first = line.bytes().find(|b| !b.is_ascii_whitespace())?;
    if first != b'<' && first != b'#' {
        return None;
    }
    let t = line.trim();
    let body = t
        .strip_prefix("<!--")
        .and_then(|b| b.strip_suffix("-->"))
        .or_else(|| t.strip_prefix('#'))?
        .trim()
        .strip_prefix("ogi-disable")?;
    Some(body.split([' ', ',']).filter_map(Rule::from_code).collect())
}
