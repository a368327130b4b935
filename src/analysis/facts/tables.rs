//! The statistical tables of one report as the template lays them out — header groups, row labels,
//! columns — with each cell's figure, where it was written and whether it holds up. One model for
//! every front end that shows tables: the editor previews and the HTML review page.
//! Spans are relative to the report segment, like findings.

use super::cell::{evaluated, place};
use crate::analysis::model::{Report, RowHit, Unsure, Value};
use crate::analysis::rules::unreadable_tables;
use crate::analysis::{Message, ReportAnalysis, Rule, Span};
use crate::template::{
    APPEALS_COLUMNS, ColumnDef, Format, GROUPS, HEADER_TEXTS, REQUEST_COLUMNS, RowId, SubTableDef,
    TableId, row_def,
};

/// One of 表二, 表三, 表四.
#[derive(Debug, Clone, PartialEq)]
pub struct TableView {
    pub table: TableId,
    /// The section title that holds the table (主动公开政府信息情况).
    pub title: &'static str,
    pub format: Format,
    /// Whether the report has the table at all (a missing table is shown empty).
    pub found: bool,
    /// The table's rows and figures do not line up (text extracted column by column): every cell
    /// is then shown as unreadable.
    pub unreadable: bool,
    /// 表二's sub-tables; one block for 表三 and for 表四.
    pub blocks: Vec<BlockView>,
    /// Every equation of the table the checker could evaluate, failing or not.
    pub equations: Vec<EquationView>,
}

/// A grid under one header: a 表二 sub-table, or the whole of 表三 or 表四.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockView {
    /// 表二's anchor (第二十条第（一）项).
    pub caption: Option<&'static str>,
    /// Where the report writes the anchor.
    pub caption_span: Option<Span>,
    /// Columns taken by row and group labels (0 for 表四, 3 for 表三's nested groups).
    pub label_columns: usize,
    /// Columns of figures.
    pub value_columns: usize,
    /// Header rows, top first; each cell spans columns and rows as in the template.
    pub header: Vec<Vec<HeaderCell>>,
    pub rows: Vec<RowView>,
}

/// A header or group label cell, merged over `columns` × `rows`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCell {
    pub text: &'static str,
    pub columns: usize,
    pub rows: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RowView {
    pub row: RowId,
    /// Group labels that begin at this row, outermost first, each spanning its rows
    /// (三、本年度办理结果 and nothing else on （一）予以公开).
    pub groups: Vec<HeaderCell>,
    /// The template's label; empty for 表四's unlabelled row.
    pub label: &'static str,
    /// Label columns the label takes (those its groups leave).
    pub label_columns: usize,
    /// Where the report writes the label.
    pub label_span: Option<Span>,
    /// Whether the report has the row.
    pub found: bool,
    /// Why the row's cells could not be read, if they could not.
    pub unsure: Option<Unsure>,
    /// One per template column.
    pub cells: Vec<CellView>,
}

/// How a cell stands, most important first: a front end marks the cell by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellStatus {
    /// The report has no figure for the cell (its row or table is missing).
    Absent,
    /// The figure could not be read (text, figures run together, a row with the wrong cell count).
    Unreadable,
    /// The cell is the total or a term of an equation that does not hold.
    Failing,
    /// Left blank or a placeholder (`-`, `/`, `无`); equations count it as 0.
    Blank,
    Fine,
}

impl CellStatus {
    pub fn name(self) -> &'static str {
        match self {
            CellStatus::Absent => "absent",
            CellStatus::Unreadable => "unreadable",
            CellStatus::Failing => "failing",
            CellStatus::Blank => "blank",
            CellStatus::Fine => "fine",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CellView {
    pub col: usize,
    /// The figure read, `None` when the report has no cell here.
    pub value: Option<Value>,
    /// The cell as written, trimmed (empty for a blank cell).
    pub text: String,
    pub span: Option<Span>,
    pub status: CellStatus,
    /// Indices into the table's `equations` of which this cell is the total.
    pub totals: Vec<usize>,
    /// Indices into the table's `equations` that hold this cell, as total or as a term.
    pub equations: Vec<usize>,
}

/// An evaluated equation: `total = Σ terms`.
#[derive(Debug, Clone, PartialEq)]
pub struct EquationView {
    pub rule: Rule,
    /// The total's template cell (row, column).
    pub total: (RowId, usize),
    pub terms: Vec<(i8, (RowId, usize))>,
    /// The computed sum of the terms.
    pub expected: i64,
    /// The figure the total's cell holds (0 for a blank).
    pub actual: i64,
    pub holds: bool,
    /// `表三 · … · 总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8 ✓`.
    pub text: Message,
}

/// The three tables of a report, in template order.
pub fn tables(text: &str, analysis: &ReportAnalysis) -> Vec<TableView> {
    // The same tables the checker calls unreadable, so the view and the finding agree.
    let unreadable = unreadable_tables(&analysis.report);
    [TableId::Active, TableId::Requests, TableId::Appeals]
        .into_iter()
        .map(|table| table_view(text, analysis, table, &unreadable))
        .collect()
}

fn table_view(
    text: &str,
    analysis: &ReportAnalysis,
    table: TableId,
    unreadable: &[TableId],
) -> TableView {
    let report = &analysis.report;
    let format = report.format_of(table);
    let equations = equation_views(analysis, table);
    let unreadable = unreadable.contains(&table);
    let rows = |ids: &mut dyn Iterator<Item = RowId>| -> Vec<RowView> {
        let ids: Vec<RowId> = ids.collect();
        let groups = group_cells(&ids);
        ids.iter()
            .zip(groups)
            .map(|(&row, groups)| row_view(text, analysis, &equations, row, groups, unreadable))
            .collect()
    };
    let blocks = match table {
        TableId::Active => format
            .sub_tables()
            .iter()
            .enumerate()
            .map(|(index, sub)| active_block(report, index, sub, rows(&mut sub.rows.clone())))
            .collect(),
        TableId::Requests => vec![BlockView {
            caption: None,
            caption_span: None,
            label_columns: REQUEST_LABEL_COLUMNS,
            value_columns: REQUEST_COLUMNS.len(),
            header: column_header(&REQUEST_COLUMNS, REQUEST_LABEL_COLUMNS, header_note()),
            rows: rows(&mut format.rows(TableId::Requests)),
        }],
        TableId::Appeals => vec![BlockView {
            caption: None,
            caption_span: None,
            label_columns: 0,
            value_columns: APPEALS_COLUMNS.len(),
            header: column_header(&APPEALS_COLUMNS, 0, ""),
            rows: rows(&mut format.rows(TableId::Appeals)),
        }],
    };
    TableView {
        table,
        title: table.section_def().title,
        format,
        found: report.tables.iter().any(|(t, _)| *t == table),
        unreadable,
        blocks,
        equations,
    }
}

/// 表三's label columns: group, sub-group, row (三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密).
const REQUEST_LABEL_COLUMNS: usize = 3;

/// The note in 表三's top-left corner (本列数据的勾稽关系为…).
fn header_note() -> &'static str {
    HEADER_TEXTS
        .iter()
        .find(|(t, text)| *t == TableId::Requests && text.starts_with('（'))
        .map_or("", |(_, text)| text)
}

fn active_block(
    report: &Report,
    index: usize,
    sub: &'static SubTableDef,
    rows: Vec<RowView>,
) -> BlockView {
    let mut header = vec![HeaderCell {
        text: "信息内容",
        columns: 1,
        rows: 1,
    }];
    header.extend(sub.columns.iter().map(|&text| HeaderCell {
        text,
        columns: 1,
        rows: 1,
    }));
    BlockView {
        caption: Some(sub.anchor),
        caption_span: report
            .anchors
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, s)| s.clone()),
        label_columns: 1,
        value_columns: sub.columns.len(),
        header: vec![header],
        rows,
    }
}

/// The header rows over `columns`, merging neighbours that share a group (申请人情况 over seven
/// columns, 法人或其他组织 over five); a column with fewer groups than the deepest one reaches down
/// to the last header row (自然人, 总计). A corner cell over the label columns spans every header row.
fn column_header(
    columns: &[ColumnDef],
    label_columns: usize,
    corner: &'static str,
) -> Vec<Vec<HeaderCell>> {
    let depth = columns.iter().map(|c| c.groups.len()).max().unwrap_or(0) + 1;
    let mut header: Vec<Vec<HeaderCell>> = vec![Vec::new(); depth];
    if label_columns > 0
        && let Some(top) = header.first_mut()
    {
        top.push(HeaderCell {
            text: corner,
            columns: label_columns,
            rows: depth,
        });
    }
    for (level, out) in header.iter_mut().enumerate() {
        let mut c = 0;
        while let Some(rest @ [column, ..]) = columns.get(c..) {
            let groups = column.groups;
            if let Some(prefix) = groups.get(..=level)
                && let Some(&text) = prefix.last()
            {
                let run = rest
                    .iter()
                    .take_while(|d| d.groups.get(..=level) == Some(prefix))
                    .count();
                out.push(HeaderCell {
                    text,
                    columns: run,
                    rows: 1,
                });
                c += run;
            } else {
                if level == groups.len() {
                    out.push(HeaderCell {
                        text: column.label,
                        columns: 1,
                        rows: depth - level,
                    });
                }
                c += 1;
            }
        }
    }
    header
}

/// The groups of each row in `rows` that begin there, with the number of consecutive rows they span.
fn group_cells(rows: &[RowId]) -> Vec<Vec<HeaderCell>> {
    let chains: Vec<Vec<usize>> = rows.iter().map(|&r| group_chain(r)).collect();
    chains
        .iter()
        .enumerate()
        .map(|(i, chain)| {
            let before = i
                .checked_sub(1)
                .and_then(|p| chains.get(p))
                .map(Vec::as_slice);
            chain
                .iter()
                .enumerate()
                .filter(|(level, g)| before.and_then(|b| b.get(*level)) != Some(*g))
                .map(|(level, &g)| HeaderCell {
                    text: GROUPS.get(g).map_or("", |group| group.label),
                    columns: 1,
                    rows: chains
                        .iter()
                        .skip(i)
                        .take_while(|c| c.get(level) == Some(&g))
                        .count(),
                })
                .collect()
        })
        .collect()
}

/// The 表三 groups above a row, outermost first.
fn group_chain(row: RowId) -> Vec<usize> {
    let mut chain = Vec::new();
    let def = row_def(row);
    if def.table == TableId::Requests {
        let mut group = def.parent;
        while let Some((g, def)) = group.and_then(|g| Some((g, GROUPS.get(g)?))) {
            chain.insert(0, g);
            group = def.parent;
        }
    }
    chain
}

fn row_view(
    text: &str,
    analysis: &ReportAnalysis,
    equations: &[EquationView],
    row: RowId,
    groups: Vec<HeaderCell>,
    unreadable: bool,
) -> RowView {
    let report = &analysis.report;
    let hit = report.row(row);
    let def = row_def(row);
    let label_columns = match def.table {
        TableId::Requests => REQUEST_LABEL_COLUMNS - group_chain(row).len(),
        TableId::Active => 1,
        TableId::Appeals => 0,
    };
    let cells = (0..def.cells)
        .map(|col| cell_view(text, analysis, equations, hit, (row, col), unreadable))
        .collect();
    RowView {
        row,
        groups,
        label: def.label,
        label_columns,
        label_span: hit.and_then(|h| h.label.clone()),
        found: hit.is_some(),
        unsure: hit.and_then(|h| h.unsure),
        cells,
    }
}

fn cell_view(
    text: &str,
    analysis: &ReportAnalysis,
    equations: &[EquationView],
    hit: Option<&RowHit>,
    (row, col): (RowId, usize),
    unreadable: bool,
) -> CellView {
    let report = &analysis.report;
    // An unsure row is left out of the grid equations read, but its cells are still shown where
    // they were written.
    let cell = match hit {
        Some(h) if h.unsure.is_some() => h
            .cells
            .iter()
            .filter_map(|&i| report.cells.get(i))
            .find(|c| c.col == col),
        _ => report.cell(row, col),
    };
    let at = (row, col);
    let involving: Vec<usize> = equations
        .iter()
        .enumerate()
        .filter(|(_, e)| e.total == at || e.terms.iter().any(|t| t.1 == at))
        .map(|(i, _)| i)
        .collect();
    let totals = equations
        .iter()
        .enumerate()
        .filter(|(_, e)| e.total == at)
        .map(|(i, _)| i)
        .collect();
    let Some(cell) = cell else {
        return CellView {
            col,
            value: None,
            text: String::new(),
            span: None,
            status: CellStatus::Absent,
            totals,
            equations: involving,
        };
    };
    let def = row_def(row);
    let free = def.free & (1 << col) != 0;
    let failing = equations
        .iter()
        .any(|e| !e.holds && (e.total == (row, col) || e.terms.iter().any(|t| t.1 == (row, col))));
    let status = match cell.value {
        _ if unreadable || hit.is_some_and(|h| h.unsure.is_some()) => CellStatus::Unreadable,
        _ if free => CellStatus::Fine,
        Value::Text => CellStatus::Unreadable,
        Value::Decimal(_) if !def.decimal => CellStatus::Unreadable,
        _ if failing => CellStatus::Failing,
        Value::Missing => CellStatus::Blank,
        _ => CellStatus::Fine,
    };
    let written = text.get(cell.span.clone()).unwrap_or_default().trim();
    CellView {
        col,
        value: Some(cell.value),
        text: if cell.value == Value::Missing && written.is_empty() {
            String::new()
        } else {
            written.to_string()
        },
        span: Some(cell.span.clone()),
        status,
        totals,
        equations: involving,
    }
}

/// The evaluated equations whose total lies in `table`, in template order.
fn equation_views(analysis: &ReportAnalysis, table: TableId) -> Vec<EquationView> {
    let report = &analysis.report;
    analysis
        .equations
        .iter()
        .filter_map(|check| Some((check, check.def()?)))
        .filter(|(_, def)| row_def(def.total.0).table == table)
        .map(|(check, def)| {
            let name = |zh| place(def.total.0, def.total.1, zh);
            EquationView {
                rule: def.rule,
                total: def.total,
                terms: def.terms.clone(),
                expected: check.expected,
                actual: check.actual,
                holds: check.holds(),
                text: Message::new(
                    evaluated(report, check, &name(true), true),
                    evaluated(report, check, &name(false), false),
                ),
            }
        })
        .collect()
}
