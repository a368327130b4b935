//! The reader: candidate rows from the layout step, aligned to the template's sequence of rows, and
//! the model built from that alignment (sections, rows with their cells in template columns,
//! labels, tables). Produces the model only; the rules turn it into findings.

use super::Span;
use super::align::align;
use super::candidates::{self, Candidate, Item, Reading, Slot};
use super::labels::{self, RowGuess};
use super::lex::Layout;
use super::model::*;
use super::value;
use crate::template::{Format, GROUPS, HEADER_TEXTS, RowId, RowSet, SECTIONS, TableId, row_def};

/// Parses the text of one report segment; also returns the spans of its prose.
pub fn parse(text: &str) -> (Report, Vec<Span>) {
    let reading = candidates::read(text);
    let year = reading
        .title
        .as_ref()
        .and_then(|t| text.get(t.clone()))
        .and_then(year_in)
        .or_else(|| text.get(..floor(text, 600)).and_then(year_in));
    let choice = choose_formats(text, &reading);
    let (order, guesses, mut aligned) = (choice.order, choice.guesses, choice.aligned);
    fill_gaps(text, &reading.candidates, &guesses, &order, &mut aligned);
    let mut b = Builder {
        text,
        report: Report {
            title: reading.title.clone(),
            format: choice.requests,
            active_format: choice.active,
            year,
            cells: Vec::with_capacity(256),
            rows: Vec::with_capacity(40),
            labels: Vec::with_capacity(128),
            ..Report::default()
        },
        table: None,
    };
    if let Some(t) = reading.title.clone() {
        b.push_label(t, LabelKind::Title, true, "");
    }
    // A table whose one-label rows carry an empty cell for the merged second label column
    // (`| 一、本年新收… | | 8 | …`): there, that empty cell is never a blank value.
    let mut merged_label_column: Vec<TableId> = Vec::new();
    for (row, c) in aligned.iter().zip(&reading.candidates) {
        let Some(row) = *row else {
            continue;
        };
        let def = row_def(row);
        if c.label_cells == 1
            && c.cells.len() == def.cells + 1
            && matches!(c.cells.first(), Some(Slot::Cell(s)) if s.is_empty())
            && !merged_label_column.contains(&def.table)
        {
            merged_label_column.push(def.table);
        }
    }
    let matched: RowSet = aligned.iter().flatten().copied().collect();
    for item in &reading.items {
        match item {
            Item::Landmark(m) => b.landmark(m.clone()),
            Item::Candidate(i) => {
                let (Some(c), Some(own)) = (reading.candidates.get(*i), guesses.get(*i)) else {
                    continue;
                };
                let placed = match aligned.get(*i).copied().flatten() {
                    Some(row) => Some((row, false)),
                    // Out of template order, or a second occurrence: still a row, reported by the rules.
                    None => own
                        .iter()
                        .flatten()
                        .find(|g| (g.exact || g.score >= 0.8) && order.contains(&g.row))
                        .map(|g| (g.row, matched.contains(g.row))),
                };
                if let Some((row, duplicate)) = placed {
                    let skip = usize::from(
                        c.label_cells == 1
                            && merged_label_column.contains(&row_def(row).table)
                            && matches!(c.cells.first(), Some(Slot::Cell(s)) if s.is_empty()),
                    );
                    let guess = own.iter().flatten().find(|g| g.row == row);
                    b.row(c, guess, row, duplicate, skip);
                }
            }
        }
    }
    b.finish(reading)
}

/// The template rows the report's tables follow, with each candidate's guesses and alignment.
struct Choice {
    active: Format,
    requests: Format,
    /// The rows aligned against, in template order.
    order: Vec<RowId>,
    /// Per candidate: its guess under each format (2021 first).
    guesses: Vec<[Option<RowGuess>; 2]>,
    /// Per candidate: the template row it stands for.
    aligned: Vec<Option<RowId>>,
}

/// Which format each table follows: the 2021 format unless a table reads clearly better with the
/// trial format's rows (a 2019 or 2020 report, or a later one still using the trial tables).
fn choose_formats(text: &str, reading: &Reading) -> Choice {
    let guess = |format: Format| -> Vec<Option<RowGuess>> {
        reading
            .candidates
            .iter()
            .map(|c| {
                hinted(c, format).or_else(|| {
                    labels::guess_row(text, &c.fragments, c.layout == Layout::Html, format)
                })
            })
            .collect()
    };
    let g2021 = guess(Format::Y2021);
    let align_with = |active: Format, requests: Format, trial: &[Option<RowGuess>]| {
        let order = template_order(active, requests);
        if let Some(aligned) = in_order(reading, &g2021, &order)
            && active == Format::Y2021
            && requests == Format::Y2021
        {
            return (order, aligned);
        }
        let pairs = align(reading.candidates.len(), order.len(), |i, j| {
            let row = *order.get(j)?;
            let guesses: &[Option<RowGuess>] = if Format::Y2021.has(row) {
                &g2021
            } else {
                trial
            };
            score(
                reading.candidates.get(i)?,
                guesses.get(i).and_then(Option::as_ref),
                row,
            )
        });
        let aligned: Vec<Option<RowId>> = pairs
            .iter()
            .map(|j| j.and_then(|j| order.get(j).copied()))
            .collect();
        (order, aligned)
    };
    let (order, aligned) = align_with(Format::Y2021, Format::Y2021, &[]);
    let complete = |aligned: &[Option<RowId>], table: TableId, format: Format| {
        let seen: RowSet = aligned.iter().flatten().copied().collect();
        format.rows(table).all(|r| seen.contains(r))
    };
    if complete(&aligned, TableId::Active, Format::Y2021)
        && complete(&aligned, TableId::Requests, Format::Y2021)
    {
        return Choice {
            active: Format::Y2021,
            requests: Format::Y2021,
            order,
            guesses: g2021.into_iter().map(|g| [g, None]).collect(),
            aligned,
        };
    }
    let trial = guess(Format::Trial2019);
    // Each table on its own: the format whose rows more of the candidates stand for.
    let weight = |aligned: &[Option<RowId>], table: TableId, guesses: &[Option<RowGuess>]| {
        aligned
            .iter()
            .zip(guesses)
            .filter_map(|(r, guess)| {
                let r = (*r)?;
                (row_def(r).table == table).then(|| {
                    guess
                        .as_ref()
                        .filter(|g| g.row == r)
                        .map_or(0.5, |g| g.score)
                })
            })
            .sum::<f32>()
    };
    let (_, aligned_trial) = align_with(Format::Trial2019, Format::Trial2019, &trial);
    let pick = |table: TableId| {
        let w2021 = weight(&aligned, table, &g2021);
        let wtrial = weight(&aligned_trial, table, &trial);
        if wtrial > w2021 + 0.5 {
            Format::Trial2019
        } else {
            Format::Y2021
        }
    };
    let (active, requests) = (pick(TableId::Active), pick(TableId::Requests));
    let (order, aligned) = align_with(active, requests, &trial);
    Choice {
        active,
        requests,
        order,
        guesses: g2021.into_iter().zip(trial).map(|(a, b)| [a, b]).collect(),
        aligned,
    }
}

/// A candidate whose label is lost (a blank label cell, text beyond recognition) between two
/// aligned rows is the one template row missing between them, when its cells fit that row exactly:
/// order decides what the text no longer says (R6). Never across a larger gap.
fn fill_gaps(
    text: &str,
    candidates: &[Candidate],
    guesses: &[[Option<RowGuess>; 2]],
    order: &[RowId],
    aligned: &mut [Option<RowId>],
) {
    let place = |row: RowId| order.iter().position(|&r| r == row);
    for (i, candidate) in candidates.iter().enumerate() {
        if guesses
            .get(i)
            .is_some_and(|g| g.iter().any(Option::is_some))
        {
            continue;
        }
        let (Some(before), Some(None), Some(after)) =
            (aligned.get(..i), aligned.get(i), aligned.get(i + 1..))
        else {
            continue;
        };
        // The template position just after the last aligned row before it (0 when none).
        let gap = before
            .iter()
            .rev()
            .find_map(|r| *r)
            .and_then(place)
            .map_or(0, |p| p + 1);
        let Some(after) = after.iter().find_map(|r| *r).and_then(place) else {
            continue;
        };
        // Exactly one template row between the aligned neighbours.
        if after != gap + 1 {
            continue;
        }
        let Some(&row) = order.get(gap) else {
            continue;
        };
        let def = row_def(row);
        let between_unaligned = aligned.iter().all(|r| *r != Some(row));
        let figures = candidate.cells.iter().all(|s| match s {
            Slot::Cell(c) => text.get(c.clone()).is_some_and(value::is_value_like),
            Slot::Soft(_) => true,
        });
        let hard = candidate
            .cells
            .iter()
            .filter(|s| matches!(s, Slot::Cell(c) if !c.is_empty()))
            .count();
        if between_unaligned
            && figures
            && !def.label.is_empty()
            && hard == def.cells
            && let Some(slot) = aligned.get_mut(i)
        {
            *slot = Some(row);
        }
    }
}

/// The alignment without the dynamic programme, when the text is simply the template: every
/// candidate's guess names a different row, in template order, and every row is named
/// (表四's by a run of figures at the end). Most reports are; the programme would pair the same.
fn in_order(
    reading: &Reading,
    guesses: &[Option<RowGuess>],
    order: &[RowId],
) -> Option<Vec<Option<RowId>>> {
    let mut out = vec![None; reading.candidates.len()];
    let mut next = 0;
    for ((c, guess), slot) in reading.candidates.iter().zip(guesses).zip(&mut out) {
        let Some(&row) = order.get(next) else {
            // Past the last row: further candidates stay unaligned only if none names a row.
            if guess.is_some() {
                return None;
            }
            continue;
        };
        let def = row_def(row);
        match guess {
            Some(g) if g.row == row => {
                *slot = Some(row);
                next += 1;
            }
            Some(_) => return None,
            None if def.label.is_empty() && c.cells.len() == def.cells => {
                *slot = Some(row);
                next += 1;
            }
            None => {}
        }
    }
    (next == order.len()).then_some(out)
}

/// The guess the reader's own recognition already gives: a whole row label of `format` on its own
/// (after a group label at most).
fn hinted(c: &Candidate, format: Format) -> Option<RowGuess> {
    let (LabelKind::Row(row), span) = c.row_hint.clone()? else {
        return None;
    };
    if !format.has(row) || c.fragments.len() > 2 {
        return None;
    }
    let group = match c.group_hint.clone() {
        Some((LabelKind::Group(g), span)) if c.fragments.len() == 2 => Some((g, span)),
        _ if c.fragments.len() == 2 => return None,
        _ => None,
    };
    Some(RowGuess {
        row,
        span,
        exact: true,
        score: 1.0,
        group,
    })
}

/// Every row the report is read against: 表二 in one format, 表三 in another, 表四.
fn template_order(active: Format, requests: Format) -> Vec<RowId> {
    active
        .rows(TableId::Active)
        .chain(requests.rows(TableId::Requests))
        .chain(Format::Y2021.rows(TableId::Appeals))
        .collect()
}

/// The year in a title such as `…局2024年政府信息公开工作年度报告` (or `2024 年`).
fn year_in(text: &str) -> Option<u16> {
    let b = text.as_bytes();
    memchr::memmem::find_iter(b, "年".as_bytes()).find_map(|at| {
        let head = text.get(..at)?.trim_end_matches(' ').as_bytes();
        let before = head.len().checked_sub(4)?;
        let digits = head.get(before..)?;
        let digit_before = before
            .checked_sub(1)
            .and_then(|p| b.get(p))
            .is_some_and(u8::is_ascii_digit);
        if !digits.iter().all(u8::is_ascii_digit) || digit_before {
            return None;
        }
        let year: u16 = std::str::from_utf8(digits).ok()?.parse().ok()?;
        (2007..=2099).contains(&year).then_some(year)
    })
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// How well candidate `c` stands for template row `row`; `None` when it cannot.
fn score(c: &Candidate, guess: Option<&RowGuess>, row: RowId) -> Option<f32> {
    let def = row_def(row);
    let cells = c.cells.len();
    let fit = if cells == def.cells { 0.1 } else { 0.0 };
    match guess {
        Some(g) if g.row == row => Some(g.score + fit),
        Some(_) => None,
        // A run of figures without a label is 表四's unlabelled row when it is long enough.
        None if def.label.is_empty() && cells >= def.cells / 3 => Some(0.5 + fit),
        None => None,
    }
}

struct Builder<'a> {
    text: &'a str,
    report: Report,
    /// The table the text is in, for headers that several tables share (总计, 其他).
    table: Option<TableId>,
}

impl<'a> Builder<'a> {
    fn landmark(&mut self, m: labels::Match) {
        let mut kind = m.kind;
        match m.kind {
            LabelKind::Section(i) => {
                self.report.sections.push(SectionHit {
                    index: i,
                    heading: m.span.clone(),
                    extent: m.span.clone(),
                });
                self.table = SECTIONS.get(i).and_then(|s| s.table);
            }
            LabelKind::Anchor(i) => {
                self.table = Some(TableId::Active);
                self.report.anchors.push((i, m.span.clone()));
            }
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
            LabelKind::Group(_) => self.table = Some(TableId::Requests),
            LabelKind::Row(_) | LabelKind::Title => {}
        }
        self.extend_table(m.span.clone());
        self.push_label(m.span, kind, m.exact, m.canonical);
    }

    fn row(
        &mut self,
        c: &Candidate,
        guess: Option<&RowGuess>,
        row: RowId,
        duplicate: bool,
        skip: usize,
    ) {
        let def = row_def(row);
        self.table = Some(def.table);
        if let Some((g, span)) = guess.and_then(|g| g.group.clone()) {
            let canonical = GROUPS.get(g).map_or("", |group| group.label);
            self.extend_table(span.clone());
            self.push_label(span, LabelKind::Group(g), true, canonical);
        }
        let label = guess.map(|g| g.span.clone());
        if let Some(g) = guess {
            self.extend_table(g.span.clone());
            self.push_label(g.span.clone(), LabelKind::Row(row), g.exact, def.label);
        }
        let mut spans = cell_spans(c.cells.get(skip..).unwrap_or_default(), def.cells);
        if def.cells == 1 && merged_repeat(self.text, &spans) {
            spans.truncate(1);
        }
        let glued = |s: &Span| {
            let t = self.text_of(s).trim();
            t.contains(' ') && t.split_whitespace().all(|f| value::parse(f) != Value::Text)
        };
        let unsure = if c.run_together || (spans.len() != def.cells && spans.iter().any(glued)) {
            Some(Unsure::RunTogether)
        } else if spans.len() != def.cells {
            Some(Unsure::CellCount)
        } else {
            None
        };
        let mut hit = RowHit {
            row,
            label,
            cells: Vec::with_capacity(spans.len()),
            duplicate,
            layout: c.layout,
            unsure,
        };
        for (col, span) in spans.into_iter().enumerate() {
            let value = value::parse(self.text_of(&span));
            self.extend_table(span.clone());
            self.report.cells.push(Cell {
                row,
                col,
                span,
                value,
            });
            hit.cells.push(self.report.cells.len() - 1);
        }
        self.report.rows.push(hit);
    }

    fn text_of(&self, span: &Span) -> &'a str {
        self.text.get(span.clone()).unwrap_or_default()
    }

    fn push_label(&mut self, span: Span, kind: LabelKind, exact: bool, canonical: &'static str) {
        self.report.labels.push(LabelHit {
            span,
            kind,
            exact,
            canonical,
        });
    }

    fn extend_table(&mut self, span: Span) {
        let Some(table) = self.table else { return };
        match self.report.tables.last_mut() {
            Some((t, extent)) if *t == table => extent.end = extent.end.max(span.end),
            _ => self.report.tables.push((table, span)),
        }
    }

    fn finish(mut self, reading: Reading) -> (Report, Vec<Span>) {
        let len = self.text.len();
        self.report.labels.sort_by_key(|l| l.span.start);
        let starts: Vec<usize> = self
            .report
            .sections
            .iter()
            .map(|s| s.heading.start)
            .collect();
        for (i, s) in self.report.sections.iter_mut().enumerate() {
            s.extent = s.heading.start..starts.get(i + 1).copied().unwrap_or(len);
        }
        for (rule, at) in reading.suppressions {
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
        (self.report, reading.prose)
    }
}

/// The cells of a row once its template width is known. A bare `|` line (L1) is a blank cell while
/// the row still lacks cells (counting the figures after it), and the row's end once it has them
/// (SPEC §2, R3). Merged cells written as empty cells are dropped from either end while the row has
/// more cells than the template, and a merged value repeated across its span counts once.
fn cell_spans(slots: &[Slot], expected: usize) -> Vec<Span> {
    let hard_total = slots.iter().filter(|s| matches!(s, Slot::Cell(_))).count();
    let mut out: Vec<Span> = Vec::with_capacity(expected);
    let mut hard_seen = 0;
    for slot in slots {
        match slot {
            Slot::Cell(s) => {
                hard_seen += 1;
                out.push(s.clone());
            }
            Slot::Soft(at) => {
                if out.len() + (hard_total - hard_seen) < expected {
                    out.push(*at..*at);
                }
            }
        }
    }
    // Dropped at once: one by one from the front, a row of a million empty cells took minutes.
    let surplus = out.len().saturating_sub(expected);
    let leading = out
        .iter()
        .take(surplus)
        .take_while(|s| s.is_empty())
        .count();
    out.drain(..leading);
    while out.len() > expected && out.last().is_some_and(|s| s.is_empty()) {
        out.pop();
    }
    out
}

/// Whether a row of one cell holds a merged value repeated across its span (read once).
fn merged_repeat(text: &str, spans: &[Span]) -> bool {
    spans.split_first().is_some_and(|(first, rest)| {
        !rest.is_empty()
            && rest
                .iter()
                .all(|s| text.get(s.clone()) == text.get(first.clone()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn soft(at: usize) -> Slot {
        Slot::Soft(at)
    }
    fn cell(at: usize) -> Slot {
        Slot::Cell(at..at + 1)
    }

    #[test]
    fn bare_pipes_are_blank_cells_before_figures_and_the_end_after_them() {
        // Six blanks then the total (a row whose applicant cells were left blank).
        let mut slots: Vec<Slot> = (0..6).map(soft).collect();
        slots.push(cell(10));
        assert_eq!(cell_spans(&slots, 7).len(), 7);
        // Seven figures then the row's closing pipe.
        let mut slots: Vec<Slot> = (0..7).map(cell).collect();
        slots.push(soft(20));
        assert_eq!(cell_spans(&slots, 7).len(), 7);
        // Six figures and one pipe: the pipe stands where the row still lacks a cell, a blank.
        let mut slots: Vec<Slot> = (0..6).map(cell).collect();
        slots.push(soft(20));
        assert_eq!(cell_spans(&slots, 7).last(), Some(&(20..20)));
        // A row of blanks only, and its end.
        let slots: Vec<Slot> = (0..8).map(soft).collect();
        assert_eq!(cell_spans(&slots, 7).len(), 7);
    }

    #[test]
    fn merged_empty_cells_are_dropped_beyond_the_template_width() {
        let slots = vec![
            Slot::Cell(0..0),
            cell(1),
            Slot::Cell(5..5),
            Slot::Cell(6..6),
        ];
        assert_eq!(cell_spans(&slots, 1), vec![1..2]);
    }

    #[test]
    fn a_million_empty_cells_before_a_figure_leave_the_template_width() {
        let mut slots: Vec<Slot> = (0..1_000_000).map(|i| Slot::Cell(i..i)).collect();
        slots.push(cell(2_000_000));
        let spans = cell_spans(&slots, 7);
        assert_eq!(spans.len(), 7);
        assert_eq!(spans[0], 999_994..999_994);
        assert_eq!(spans[6], 2_000_000..2_000_001);
    }
}
