//! `ogi/tables`: the core's table view of one report, with ranges in the negotiated encoding, for
//! the editors' table previews. The shape is documented in the README (“The table preview request”).

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::{Position, Range, TextDocumentIdentifier};

use super::session::{ReportView, Snapshot};
use super::to_proto::Target;
use crate::analysis::facts::{self, BlockView, CellView, EquationView, HeaderCell, RowView};
use crate::analysis::model::{Unsure, Value};
use crate::analysis::{Locale, Span};
use crate::template::{Format, TableId};

pub const METHOD: &str = "ogi/tables";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TablesParams {
    pub text_document: TextDocumentIdentifier,
    /// Selects the report holding this position; the first report when absent.
    pub position: Option<Position>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TablesResult {
    pub uri: String,
    pub version: i32,
    /// The report shown; `None` when the document holds none.
    pub report: Option<ReportInfo>,
    pub tables: Vec<Table>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportInfo {
    pub title: Option<String>,
    pub year: Option<u16>,
    pub range: Range,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Table {
    /// `active`, `requests` or `appeals`.
    pub id: &'static str,
    /// 表二, 表三, 表四.
    pub name: &'static str,
    pub title: &'static str,
    /// `2021` or `2019`.
    pub format: &'static str,
    pub found: bool,
    pub unreadable: bool,
    pub blocks: Vec<Block>,
    pub equations: Vec<Equation>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Block {
    pub caption: Option<&'static str>,
    pub caption_range: Option<Range>,
    pub label_columns: usize,
    pub value_columns: usize,
    pub header: Vec<Vec<Header>>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Serialize)]
pub struct Header {
    pub text: &'static str,
    pub columns: usize,
    pub rows: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub row: usize,
    pub groups: Vec<Header>,
    pub label: &'static str,
    pub label_columns: usize,
    pub label_range: Option<Range>,
    pub found: bool,
    /// `cellCount` or `runTogether` when the row's cells could not be read.
    pub unsure: Option<&'static str>,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    pub col: usize,
    pub text: String,
    /// The figure, when the cell holds a number.
    pub value: Option<f64>,
    /// `number`, `blank`, `text` or `absent`.
    pub kind: &'static str,
    /// `fine`, `failing`, `blank`, `unreadable` or `absent`.
    pub status: &'static str,
    pub range: Option<Range>,
    /// Indices into the table's `equations`: those this cell is the total of, and all that hold it.
    pub totals: Vec<usize>,
    pub equations: Vec<usize>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Equation {
    /// The rule code (`balance/row-total`).
    pub rule: &'static str,
    pub total: CellRef,
    pub terms: Vec<Term>,
    pub expected: i64,
    pub actual: i64,
    pub holds: bool,
    /// The equation evaluated, in the session's language.
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct CellRef {
    pub row: usize,
    pub col: usize,
}

#[derive(Debug, Serialize)]
pub struct Term {
    pub sign: i8,
    pub row: usize,
    pub col: usize,
}

/// The table view of the report at `position` (or the first report).
pub fn tables(snapshot: &Snapshot, position: Option<Position>) -> TablesResult {
    let chosen = match position {
        Some(p) => snapshot.report_at(snapshot.offset(p)),
        None => None,
    }
    .or_else(|| {
        snapshot
            .reports
            .iter()
            .find(|r| !r.analysis.report.is_shell())
    });
    let Some(report) = chosen else {
        return TablesResult {
            uri: snapshot.uri.as_str().to_owned(),
            version: snapshot.version,
            report: None,
            tables: Vec::new(),
        };
    };
    let text = snapshot.text(report);
    let convert = Convert {
        target: snapshot.target_in(report),
    };
    TablesResult {
        uri: snapshot.uri.as_str().to_owned(),
        version: snapshot.version,
        report: Some(report_info(report, &text, &convert)),
        tables: facts::tables(&text, &report.analysis)
            .iter()
            .map(|t| Table {
                id: table_id(t.table),
                name: t.table.name(),
                title: t.title,
                format: format_name(t.format),
                found: t.found,
                unreadable: t.unreadable,
                blocks: t.blocks.iter().map(|b| convert.block(b)).collect(),
                equations: t
                    .equations
                    .iter()
                    .map(|e| equation(e, convert.target.locale))
                    .collect(),
            })
            .collect(),
    }
}

fn report_info(report: &ReportView, text: &str, convert: &Convert) -> ReportInfo {
    let model = &report.analysis.report;
    ReportInfo {
        title: model
            .title
            .as_ref()
            .and_then(|s| text.get(s.clone()))
            .map(facts::plain_title),
        year: model.year,
        range: convert.range(&(0..text.len())),
    }
}

/// Converts the core's report-relative spans to protocol ranges.
struct Convert<'a> {
    target: Target<'a>,
}

impl Convert<'_> {
    fn range(&self, span: &Span) -> Range {
        self.target.range(span)
    }

    fn block(&self, block: &BlockView) -> Block {
        Block {
            caption: block.caption,
            caption_range: block.caption_span.as_ref().map(|s| self.range(s)),
            label_columns: block.label_columns,
            value_columns: block.value_columns,
            header: block
                .header
                .iter()
                .map(|row| row.iter().map(header).collect())
                .collect(),
            rows: block.rows.iter().map(|r| self.row(r)).collect(),
        }
    }

    fn row(&self, row: &RowView) -> Row {
        Row {
            row: row.row,
            groups: row.groups.iter().map(header).collect(),
            label: row.label,
            label_columns: row.label_columns,
            label_range: row.label_span.as_ref().map(|s| self.range(s)),
            found: row.found,
            unsure: row.unsure.map(|u| match u {
                Unsure::CellCount => "cellCount",
                Unsure::RunTogether => "runTogether",
            }),
            cells: row.cells.iter().map(|c| self.cell(c)).collect(),
        }
    }

    fn cell(&self, cell: &CellView) -> Cell {
        let (value, kind) = match cell.value {
            Some(Value::Int(v)) => (Some(v as f64), "number"),
            Some(Value::Decimal(v)) => (Some(v), "number"),
            Some(Value::Missing) => (None, "blank"),
            Some(Value::Text) => (None, "text"),
            None => (None, "absent"),
        };
        Cell {
            col: cell.col,
            text: cell.text.clone(),
            value,
            kind,
            status: cell.status.name(),
            range: cell.span.as_ref().map(|s| self.range(s)),
            totals: cell.totals.clone(),
            equations: cell.equations.clone(),
        }
    }
}

fn header(cell: &HeaderCell) -> Header {
    Header {
        text: cell.text,
        columns: cell.columns,
        rows: cell.rows,
    }
}

fn equation(e: &EquationView, locale: Locale) -> Equation {
    Equation {
        rule: e.rule.code(),
        total: CellRef {
            row: e.total.0,
            col: e.total.1,
        },
        terms: e
            .terms
            .iter()
            .map(|&(sign, (row, col))| Term { sign, row, col })
            .collect(),
        expected: e.expected,
        actual: e.actual,
        holds: e.holds,
        text: e.text.get(locale).to_owned(),
    }
}

fn table_id(table: TableId) -> &'static str {
    match table {
        TableId::Active => "active",
        TableId::Requests => "requests",
        TableId::Appeals => "appeals",
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Y2021 => "2021",
        Format::Trial2019 => "2019",
    }
}
