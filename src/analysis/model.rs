//! What the parser recognised in one report: sections, template rows with their cells, labels,
//! statute references. Spans are byte ranges relative to the report's segment.

use crate::statute::Reference;
use crate::template::{Format, RowId, TableId};

use super::lex::Layout;
use super::{Rule, Span};

/// A cell's content.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Int(i64),
    Decimal(f64),
    /// Empty or a placeholder (`-`, `—`, `/`, `无`): no value, and no equation may guess one.
    Missing,
    /// Text where a number belongs.
    Text,
}

impl Value {
    pub fn as_int(self) -> Option<i64> {
        match self {
            Value::Int(v) => Some(v),
            _ => None,
        }
    }
}

/// A value cell assigned to a template cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub row: RowId,
    pub col: usize,
    pub span: Span,
    pub value: Value,
}

/// A template row found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct RowHit {
    pub row: RowId,
    /// The row label; `None` for 表四's unlabelled data row (then the first cell stands for it).
    pub label: Option<Span>,
    /// Indices into [`Report::cells`], in column order (cells past the template's count included).
    pub cells: Vec<usize>,
    /// Whether this is a second occurrence of the row (its cells are not used by equations).
    pub duplicate: bool,
    /// The layout the row was written in (a missing row is inserted in the same layout).
    pub layout: Layout,
    /// Why the reader could not read the row's cells; its cells then take part in no equation.
    pub unsure: Option<Unsure>,
}

/// Why a row's cells could not be read (reported once, for the row).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsure {
    /// More or fewer cells than the template has.
    CellCount,
    /// Figures run together with the label or with each other (`规章000`, `0 0`).
    RunTogether,
}

/// What a recognised label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    Title,
    Section(usize),
    /// A 表二 sub-table anchor (index into `SUB_TABLES`).
    Anchor(usize),
    Row(RowId),
    /// A 表三 group label (index into `GROUPS`).
    Group(usize),
    /// A column header or note of a table.
    Header(TableId),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelHit {
    pub span: Span,
    pub kind: LabelKind,
    /// Matched only after fuzzy matching (a `label/nonstandard` finding carries the template text).
    pub exact: bool,
    /// The template's text for this label.
    pub canonical: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionHit {
    pub index: usize,
    pub heading: Span,
    /// From the heading to the next section heading or the end of the report.
    pub extent: Span,
}

/// A figure stated in prose that a table also holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// 全年共受理 / 共收到 … 申请 N 件 — 表三 一、本年新收 总计.
    Received,
    /// 上年结转 N 件 — 表三 二 总计.
    CarriedIn,
    /// 结转下年度 N 件 — 表三 四 总计.
    CarriedOut,
    /// 行政复议 N 件 — 表四 行政复议 总计.
    Reviews,
    /// 行政诉讼 N 件 — 表四 the two 行政诉讼 总计 together.
    Lawsuits,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarrativeFigure {
    pub claim: Claim,
    pub value: i64,
    /// The figure (or the phrase that states zero, such as 未产生行政复议).
    pub span: Span,
}

/// An inline `<!-- ogi-disable CODE -->` and the text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub rule: Rule,
    pub covers: Span,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub title: Option<Span>,
    pub sections: Vec<SectionHit>,
    pub rows: Vec<RowHit>,
    pub cells: Vec<Cell>,
    pub labels: Vec<LabelHit>,
    /// 表二 anchors found: (sub-table index, span).
    pub anchors: Vec<(usize, Span)>,
    pub references: Vec<Reference>,
    pub narrative: Vec<NarrativeFigure>,
    pub suppressions: Vec<Suppression>,
    /// Extent of each table found: from its first label or value to its last.
    pub tables: Vec<(TableId, Span)>,
    /// `grid[row * GRID_COLUMNS + col]`: index into `cells` of the first occurrence of each template cell.
    pub grid: Vec<Option<u32>>,
    /// The format 表三 (and so the equations) follows.
    pub format: Format,
    /// The format 表二 follows.
    pub active_format: Format,
    /// The year the report is on, from its title (or its first lines).
    pub year: Option<u16>,
}

/// The widest table (表四) has 15 columns.
pub const GRID_COLUMNS: usize = 15;

impl Report {
    /// The first occurrence of a template row.
    pub fn row(&self, row: RowId) -> Option<&RowHit> {
        self.rows.iter().find(|r| r.row == row && !r.duplicate)
    }

    /// Index into `cells` of template position `(row, col)` (first occurrence of the row).
    pub fn cell_index(&self, row: RowId, col: usize) -> Option<usize> {
        if col >= GRID_COLUMNS {
            return None;
        }
        self.grid
            .get(row * GRID_COLUMNS + col)
            .copied()
            .flatten()
            .map(|i| i as usize)
    }

    /// The cell at template position `(row, col)` (first occurrence of the row).
    pub fn cell(&self, row: RowId, col: usize) -> Option<&Cell> {
        self.cell_index(row, col).and_then(|i| self.cells.get(i))
    }

    /// Fills [`Report::grid`] once the rows are known.
    pub fn index_cells(&mut self) {
        self.grid = vec![None; crate::template::ROWS.len() * GRID_COLUMNS];
        for hit in self
            .rows
            .iter()
            .filter(|h| !h.duplicate && h.unsure.is_none())
        {
            for &i in &hit.cells {
                if let Some(cell) = self.cells.get(i)
                    && cell.col < GRID_COLUMNS
                    && let Some(slot) = self.grid.get_mut(hit.row * GRID_COLUMNS + cell.col)
                {
                    *slot = Some(i as u32);
                }
            }
        }
    }

    /// The span that stands for a row: its label, or its first cell.
    pub fn row_span(&self, hit: &RowHit) -> Option<Span> {
        hit.label.clone().or_else(|| {
            let &first = hit.cells.first()?;
            self.cells.get(first).map(|c| c.span.clone())
        })
    }

    /// Neither a section nor a table: a title alone, or a page header that repeats it (R8).
    pub fn is_shell(&self) -> bool {
        self.sections.is_empty() && self.rows.is_empty() && self.anchors.is_empty()
    }

    /// The format a table follows (表四 is the same in both).
    pub fn format_of(&self, table: TableId) -> Format {
        match table {
            TableId::Active => self.active_format,
            TableId::Requests => self.format,
            TableId::Appeals => Format::Y2021,
        }
    }

    pub fn section(&self, index: usize) -> Option<&SectionHit> {
        self.sections.iter().find(|s| s.index == index)
    }

    pub fn label_at(&self, offset: usize) -> Option<&LabelHit> {
        self.labels
            .iter()
            .find(|l| l.span.start <= offset && offset < l.span.end)
    }
}
