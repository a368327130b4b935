//! The layout step of the reader: turns a report's lines, whatever their layout, into candidate rows
//! (label fragments and value cells, with their spans), landmarks (headings, anchors, headers, group
//! labels) and prose. It only proposes: which candidate is which template row is decided by the
//! aligner. The layouts differ only in how a physical line becomes cells; everything after that
//! (wrapped labels, label-less runs of numbers, page furniture between rows) is one mechanism.

use super::labels::{self, Match};
use super::lex::{self, HtmlState, Layout, Piece};
use super::model::LabelKind;
use super::normalize::normal_char;
use super::segment::{Landmark, landmark, lines_with_ranges};
use super::{Rule, Span};
use crate::template::Format;

/// A value position of a candidate row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A cell's text (empty: an empty cell).
    Cell(Span),
    /// A line of one `|` in L1: a blank cell or the row's end, decided once the row is known.
    Soft(usize),
}

/// A row as the text proposes it: label fragments in reading order, then value cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Label text, possibly wrapped over several lines and preceded by group labels or furniture.
    pub fragments: Vec<Span>,
    pub cells: Vec<Slot>,
    pub layout: Layout,
    /// Its figures are run together with the label (`规章000`): present, but unreadable.
    pub run_together: bool,
    /// Label cells of its own table row (pipe, tab, HTML): 2 for `三、本年度办理结果 | (一)予以公开`.
    pub label_cells: usize,
    /// What the reader already recognised exactly: the row label (its last fragment) and a group
    /// label before it, so that the common case needs no second look at the fragments.
    pub row_hint: Option<(LabelKind, Span)>,
    pub group_hint: Option<(LabelKind, Span)>,
}

/// What the reader found, in text order.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A heading, anchor, header or group label that is no row.
    Landmark(Match),
    /// Index into [`Reading::candidates`].
    Candidate(usize),
}

#[derive(Debug, Default)]
pub struct Reading {
    pub title: Option<Span>,
    pub items: Vec<Item>,
    pub candidates: Vec<Candidate>,
    /// Lines (or HTML paragraphs) of prose, for the narrative figures.
    pub prose: Vec<Span>,
    /// `ogi-disable` comments: the rules and where the comment stands.
    pub suppressions: Vec<(Rule, usize)>,
}

/// A candidate still taking fragments or cells.
struct Open {
    candidate: Candidate,
    /// Its last fragment is a whole template row label on its own.
    complete_label: bool,
    /// The cells that row has, when the label is a whole template row label.
    expects: Option<usize>,
    /// It ends with its physical line (a PDF row: label and numbers on one line).
    ends_with_line: bool,
}

struct Reader<'a> {
    text: &'a str,
    out: Reading,
    open: Option<Open>,
    /// Cells of the HTML row being read (a `<tr>` may span lines).
    html_row: Vec<Span>,
    /// The last candidate closed with its numbers on a line of their own and a label that is no
    /// template label yet: PDF text may continue the label on the line after the numbers.
    continuable: Option<usize>,
    in_report_body: bool,
    line_cells: lex::LineCells,
    values: Vec<Slot>,
    found: Vec<Match>,
}

/// Reads one report segment.
pub fn read(text: &str) -> Reading {
    let mut r = Reader {
        text,
        // A report has about a hundred headers and labels and forty rows.
        out: Reading {
            items: Vec::with_capacity(160),
            candidates: Vec::with_capacity(48),
            prose: Vec::with_capacity(32),
            ..Reading::default()
        },
        open: None,
        html_row: Vec::new(),
        continuable: None,
        in_report_body: false,
        line_cells: lex::LineCells::default(),
        values: Vec::with_capacity(16),
        found: Vec::with_capacity(4),
    };
    let mut html = HtmlState::default();
    for (range, line) in lines_with_ranges(text) {
        r.line(range.start, line, &mut html);
    }
    r.close();
    r.out
}

/// Longer text without figures is prose, not a label.
const MAX_LABEL_CHARS: usize = 90;
/// Fragments kept for one label: a label wrapped over four lines after a group label and furniture.
const MAX_FRAGMENTS: usize = 8;

fn is_prose(text: &str) -> bool {
    text.contains(['。', '；'])
        || text.chars().filter(|&c| normal_char(c).is_some()).count() > MAX_LABEL_CHARS
}

/// Whether the labels recognised in a text cell are all landmarks: headings, anchors, headers. A
/// group label is a fragment of the row label after it (or, in the trial format, a row itself).
fn landmarks_only(found: &[Match]) -> bool {
    !found.is_empty()
        && found.iter().all(|m| {
            matches!(
                m.kind,
                LabelKind::Section(_) | LabelKind::Anchor(_) | LabelKind::Header(_)
            )
        })
}

/// How well fragments name a row of either format (0 when they name none).
fn best_score(text: &str, fragments: &[Span]) -> f32 {
    Format::ALL
        .iter()
        .filter_map(|&f| labels::guess_row(text, fragments, false, f))
        .map(|g| g.score)
        .fold(0.0, f32::max)
}

/// The template's cell count of the row a label names.
fn row_cells(found: &[Match]) -> Option<usize> {
    match found {
        [m] => match m.kind {
            LabelKind::Row(r) => Some(crate::template::row_def(r).cells),
            _ => None,
        },
        _ => None,
    }
}

/// The row a label names exactly, when it is the label's only reading.
fn exact_row(found: &[Match]) -> Option<(LabelKind, Span)> {
    match found {
        [m] if m.exact && matches!(m.kind, LabelKind::Row(_)) => Some((m.kind, m.span.clone())),
        _ => None,
    }
}

impl<'a> Reader<'a> {
    fn line(&mut self, start: usize, line: &str, html: &mut HtmlState) {
        if !self.in_report_body && landmark(line) == Some(Landmark::Title) {
            // A page header may repeat the title before the report (R8): one title, one report.
            if self.out.title.is_none() {
                let (s, e) = lex::trim(line, 0, line.len());
                self.out.title = Some(start + s..start + e);
            }
            return;
        }
        if let Some(rules) = suppression(line) {
            self.out
                .suppressions
                .extend(rules.into_iter().map(|r| (r, start)));
            return;
        }
        let mut cells = std::mem::take(&mut self.line_cells);
        let layout = lex::split_into(line, start, html, &mut cells);
        match layout {
            Layout::Pipe | Layout::Tab => {
                let row: Vec<Span> = cells.cells().cloned().collect();
                if !row.is_empty() {
                    self.physical_row(row, layout);
                }
            }
            Layout::Html => {
                for piece in &cells.pieces {
                    match piece {
                        Piece::Cell(s) => self.html_row.push(s.clone()),
                        Piece::RowEnd => {
                            let row = std::mem::take(&mut self.html_row);
                            if !row.is_empty() {
                                self.physical_row(row, Layout::Html);
                            }
                        }
                        Piece::Block(s) => self.block(s.clone()),
                        Piece::SoftBlank(_) => {}
                    }
                }
            }
            Layout::Flat | Layout::Plain => self.stream(&cells.pieces, layout),
        }
        if let Some(open) = &self.open
            && open.ends_with_line
        {
            self.close();
        }
        self.line_cells = cells;
    }

    fn cell_text(&self, span: &Span) -> &'a str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// One line of L1 cells, blank-line cells, PDF rows or prose.
    fn stream(&mut self, pieces: &[Piece], layout: Layout) {
        let mut label: Option<Span> = None;
        // Reused for every line (the batch path reads millions of them).
        let mut values = std::mem::take(&mut self.values);
        values.clear();
        for piece in pieces {
            match piece {
                Piece::Cell(s) => {
                    let t = self.cell_text(s);
                    if label.is_none() && values.is_empty() && !lex::is_cell_like(t) {
                        label = Some(s.clone());
                    } else {
                        values.push(Slot::Cell(s.clone()));
                    }
                }
                Piece::SoftBlank(at) => values.push(Slot::Soft(*at)),
                Piece::RowEnd | Piece::Block(_) => {}
            }
        }
        self.stream_values(label, &values, layout);
        self.values = values;
    }

    fn stream_values(&mut self, label: Option<Span>, values: &[Slot], layout: Layout) {
        let had_label = label.is_some();
        if let Some(span) = label
            && !self.label_text(
                span,
                layout,
                values.iter().any(|v| matches!(v, Slot::Cell(_))),
            )
        {
            return;
        }
        if values.is_empty() {
            return;
        }
        let hard = values.iter().filter(|v| matches!(v, Slot::Cell(_))).count();
        if self.open.is_none() {
            if hard == 0 {
                // A bare `|` with no row open is the end of a row or a merged cell.
                return;
            }
            self.start(Vec::new(), layout);
        }
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.candidate.cells.extend_from_slice(values);
        // A PDF row ends with its line: label and numbers together, or a run of numbers.
        if layout == Layout::Plain && (had_label || hard > 1) {
            open.ends_with_line = true;
            if !open.complete_label && !open.candidate.fragments.is_empty() {
                self.continuable = Some(self.out.candidates.len());
            }
        }
    }

    /// A text cell of a stream line. Returns whether values on the same line belong to a row.
    fn label_text(&mut self, span: Span, layout: Layout, with_values: bool) -> bool {
        let text = self.cell_text(&span);
        let mut found = std::mem::take(&mut self.found);
        labels::recognise_into(text, span.start, text.contains('<'), &mut found);
        let row = self.label_found(span, layout, with_values, &found);
        self.found = found;
        row
    }

    fn label_found(
        &mut self,
        span: Span,
        layout: Layout,
        with_values: bool,
        found: &[Match],
    ) -> bool {
        let text = self.cell_text(&span);
        if landmarks_only(found) {
            self.close();
            self.landmarks(found);
            return false;
        }
        if !with_values && layout == Layout::Plain {
            // PDF text wraps prose and labels alike: a short line is both prose and a possible fragment.
            self.out.prose.push(span.clone());
            if is_prose(text) {
                self.close();
                self.continuable = None;
                return false;
            }
        }
        if let Some(label) = run_together(text, span.start)
            && labels::recognise(self.cell_text(&label), label.start, text.contains('<'))
                .first()
                .is_some_and(|m| m.exact && matches!(m.kind, LabelKind::Row(_)))
        {
            self.close();
            self.start(vec![label], layout);
            // The figures are not cells of any column: nothing of them is read.
            if let Some(open) = self.open.as_mut() {
                open.candidate.run_together = true;
            }
            self.close();
            return false;
        }
        let row_hint = exact_row(found);
        let exact_row = row_hint.is_some();
        // Text where a row read one cell per line still lacks cells is a value that is no number
        // (`八`, `约10`), not the next label.
        if found.is_empty()
            && !with_values
            && text.chars().count() <= 4
            && !text.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '（')
            && let Some(open) = self.open.as_mut()
            && open.expects.is_some_and(|n| open.candidate.cells.len() < n)
        {
            open.candidate.cells.push(Slot::Cell(span));
            return false;
        }
        if !exact_row
            && !with_values
            && let Some(i) = self.continuable.take()
            && self.open.is_none()
            && let Some(candidate) = self.out.candidates.get_mut(i)
        {
            // The end of a label wrapped around its numbers (`…只计这一情` / numbers / `形，…）`).
            let mut fragments = candidate.fragments.clone();
            fragments.push(span.clone());
            let before = best_score(self.text, &candidate.fragments);
            let after = best_score(self.text, &fragments);
            if after > before {
                candidate.fragments = fragments;
                return false;
            }
        }
        self.continuable = None;
        match self.open.as_mut() {
            // A label that is already a whole row label takes no more fragments: the next text is
            // the next row's (a table published without figures lists its labels one after another).
            Some(open) if open.candidate.cells.is_empty() && !open.complete_label => {
                // A group label, then its first row's label: the reading is already known.
                let after_group =
                    open.candidate.fragments.len() == 1 && open.candidate.group_hint.is_some();
                open.candidate.row_hint = row_hint;
                if !(after_group && exact_row) {
                    open.candidate.row_hint = None;
                    open.candidate.group_hint = None;
                }
                open.candidate.fragments.push(span);
                if open.candidate.fragments.len() > MAX_FRAGMENTS {
                    open.candidate.fragments.remove(0);
                }
                open.complete_label = exact_row;
                open.expects = row_cells(found);
            }
            _ => {
                self.close();
                self.start(vec![span], layout);
                if let Some(open) = self.open.as_mut() {
                    open.complete_label = exact_row;
                    open.expects = row_cells(found);
                    open.candidate.row_hint = row_hint;
                    open.candidate.group_hint = match found {
                        [m] if m.exact && matches!(m.kind, LabelKind::Group(_)) => {
                            Some((m.kind, m.span.clone()))
                        }
                        _ => None,
                    };
                }
            }
        }
        true
    }

    /// One table row of a pipe, tab or HTML table.
    fn physical_row(&mut self, mut cells: Vec<Span>, layout: Layout) {
        self.continuable = None;
        // Leading empty cells are merged label columns (`| | 2.其他法律…`).
        let lead = cells.iter().take_while(|c| c.is_empty()).count();
        cells.drain(..lead);
        let split = cells
            .iter()
            .position(|c| c.is_empty() || lex::is_cell_like(self.cell_text(c)))
            .unwrap_or(cells.len());
        let (texts, values) = cells.split_at_checked(split).unwrap_or_default();
        let values: Vec<Slot> = values.iter().cloned().map(Slot::Cell).collect();
        let texts: Vec<Span> = texts.to_vec();
        if texts.is_empty()
            && values
                .iter()
                .all(|v| matches!(v, Slot::Cell(s) if s.is_empty()))
        {
            return;
        }
        let html = layout == Layout::Html;
        let has_figure = cells
            .iter()
            .any(|c| !c.is_empty() && lex::is_cell_like(self.cell_text(c)));
        if !has_figure {
            // No figure: a heading, anchor or header row, a label wrapped onto the next row, or a
            // data row whose cells are all blank.
            let all_texts: Vec<Span> = cells.iter().filter(|c| !c.is_empty()).cloned().collect();
            let found: Vec<Vec<Match>> = all_texts
                .iter()
                .map(|t| labels::recognise(self.cell_text(t), t.start, html))
                .collect();
            if found.iter().all(|f| landmarks_only(f)) {
                self.close();
                for f in found {
                    self.landmarks(&f);
                }
                return;
            }
            let names_row = found
                .iter()
                .any(|f| f.iter().any(|m| matches!(m.kind, LabelKind::Row(_))));
            if !names_row {
                match self.open.as_mut() {
                    Some(open) if open.candidate.cells.is_empty() => {
                        open.candidate.fragments.extend(all_texts);
                        let excess = open.candidate.fragments.len().saturating_sub(MAX_FRAGMENTS);
                        open.candidate.fragments.drain(..excess);
                    }
                    _ => {
                        self.close();
                        self.start(all_texts, layout);
                    }
                }
                return;
            }
        }
        let mut fragments = match self.open.take() {
            Some(open) if open.candidate.cells.is_empty() && !open.complete_label => {
                open.candidate.fragments
            }
            other => {
                self.open = other;
                self.close();
                Vec::new()
            }
        };
        let label_cells = texts.len();
        fragments.extend(texts);
        self.open = Some(Open {
            candidate: Candidate {
                fragments,
                cells: values,
                layout,
                run_together: false,
                label_cells,
                row_hint: None,
                group_hint: None,
            },
            complete_label: false,
            expects: None,
            ends_with_line: false,
        });
        self.close();
    }

    /// HTML text outside table cells: a heading or a paragraph.
    fn block(&mut self, span: Span) {
        let text = self.cell_text(&span);
        let found = labels::recognise(text, span.start, true);
        self.close();
        if landmarks_only(&found) {
            self.landmarks(&found);
        } else {
            self.out.prose.push(span);
        }
    }

    fn landmarks(&mut self, found: &[Match]) {
        self.continuable = None;
        for m in found.iter().cloned() {
            if matches!(m.kind, LabelKind::Section(_)) {
                self.in_report_body = true;
            }
            self.out.items.push(Item::Landmark(m));
        }
    }

    fn start(&mut self, fragments: Vec<Span>, layout: Layout) {
        self.open = Some(Open {
            candidate: Candidate {
                fragments,
                // Most rows have 7 cells; 表四 has 15.
                cells: Vec::with_capacity(8),
                layout,
                run_together: false,
                label_cells: 0,
                row_hint: None,
                group_hint: None,
            },
            complete_label: false,
            expects: None,
            ends_with_line: false,
        });
    }

    fn close(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let c = open.candidate;
        if c.fragments.is_empty() && c.cells.is_empty() {
            return;
        }
        self.out
            .items
            .push(Item::Candidate(self.out.candidates.len()));
        self.out.candidates.push(c);
    }
}

/// `规章000`: a row label with its figures run together (R9). Returns the label's span.
fn run_together(text: &str, base: usize) -> Option<Span> {
    let digits = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()?
        .0;
    let label = text.get(..digits)?.trim_end();
    if digits < 2 || text.len() - digits < 2 || label.ends_with(['.', '、', '．', ' ']) {
        return None;
    }
    Some(base..base + label.len())
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
