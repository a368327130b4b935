//! The balance rules: every template equation evaluated by one mechanism. A blank cell counts as 0
//! (many reports leave every zero blank) and a failing equation says it used one; an equation with
//! a cell the reader could not read (a missing or unsure row, text, a decimal) is skipped.

use super::row_name;
use crate::analysis::model::{Report, Value};
use crate::analysis::{Finding, Message, Related, Rule};
use crate::template::{
    APPEALS_COLUMNS, Equation, Format, TableId, column_label, equations, row_def,
};

/// An equation whose cells are all present and whole, with its computed sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EquationCheck {
    /// Index into [`equations`] of the report's format.
    pub equation: usize,
    pub format: Format,
    /// Index of the total's cell in `Report::cells`.
    pub total: usize,
    pub terms: Vec<(i8, usize)>,
    pub expected: i64,
    pub actual: i64,
    /// Cells of the equation that were blank and counted as 0 (indices into `Report::cells`).
    pub blanks: Vec<usize>,
}

impl EquationCheck {
    pub fn holds(&self) -> bool {
        self.expected == self.actual
    }

    pub fn def(&self) -> Option<&'static Equation> {
        equations(self.format).get(self.equation)
    }
}

/// Evaluates every equation whose cells are all present and whole.
pub fn evaluate(report: &Report) -> Vec<EquationCheck> {
    let index_of = |(row, col): (usize, usize)| report.cell_index(row, col);
    let all = equations(report.format);
    let mut out = Vec::with_capacity(all.len());
    'eq: for (n, eq) in all.iter().enumerate() {
        let Some(total) = index_of(eq.total) else {
            continue;
        };
        let mut blanks = Vec::new();
        let Some(actual) = counted(report, total, &mut blanks) else {
            continue;
        };
        let mut expected: i64 = 0;
        let mut terms = Vec::with_capacity(eq.terms.len());
        for &(sign, at) in &eq.terms {
            let Some(i) = index_of(at) else { continue 'eq };
            let Some(v) = counted(report, i, &mut blanks) else {
                continue 'eq;
            };
            expected = expected.saturating_add(i64::from(sign).saturating_mul(v));
            terms.push((sign, i));
        }
        out.push(EquationCheck {
            equation: n,
            format: report.format,
            total,
            terms,
            expected,
            actual,
            blanks,
        });
    }
    out
}

/// A cell's value as an equation counts it: a blank is 0 (and remembered), text is unusable.
fn counted(report: &Report, cell: usize, blanks: &mut Vec<usize>) -> Option<i64> {
    match report.cells.get(cell)?.value {
        Value::Int(v) => Some(v),
        Value::Missing => {
            blanks.push(cell);
            Some(0)
        }
        Value::Decimal(_) | Value::Text => None,
    }
}

/// How the total of an equation is named: `“（七）总计”自然人`, `行政复议总计`.
pub fn cell_name(row: usize, col: usize, en: bool) -> String {
    let column = column_label(row, col);
    if row_def(row).table == TableId::Appeals {
        let def = APPEALS_COLUMNS.get(col);
        let group = def.and_then(|c| c.groups.last()).copied().unwrap_or("");
        return if en {
            format!("{} {}", group, def.map_or("", |c| c.label_en))
        } else {
            format!("{group}{column}")
        };
    }
    if en {
        let col_en = crate::template::columns_of(row)
            .get(col)
            .map(|c| c.label_en)
            .unwrap_or(column);
        format!("“{}” {}", row_name(row, true), col_en)
    } else {
        format!("“{}”{}", row_name(row, false), column)
    }
}

/// The right-hand side as a reader checks it: `7 + 1`, `8 + 0 − 7`.
pub fn terms_text(report: &Report, check: &EquationCheck) -> String {
    let mut s = String::new();
    for (k, &(sign, i)) in check.terms.iter().enumerate() {
        let v = match report.cells.get(i).map(|c| c.value) {
            Some(Value::Missing) => "空白".to_string(),
            value => value.and_then(|v| v.as_int()).unwrap_or(0).to_string(),
        };
        match (k, sign < 0) {
            (0, false) => s.push_str(&v),
            (0, true) => s.push_str(&format!("−{v}")),
            (_, false) => s.push_str(&format!(" + {v}")),
            (_, true) => s.push_str(&format!(" − {v}")),
        }
    }
    s
}

fn total_word(rule: Rule) -> (&'static str, &'static str) {
    match rule {
        Rule::RowTotal => ("总计", "total"),
        Rule::ResultTotal => ("（七）总计", "(7) total"),
        Rule::IntakeOutcome => ("结转下年度继续办理", "carried forward"),
        Rule::ReviewTotal => ("行政复议总计", "review total"),
        _ => ("行政诉讼总计", "litigation total"),
    }
}

pub fn check(report: &Report, checks: &[EquationCheck], out: &mut Vec<Finding>) {
    for c in checks.iter().filter(|c| !c.holds()) {
        let (Some(eq), Some(total)) = (c.def(), report.cells.get(c.total)) else {
            continue;
        };
        let (word_zh, word_en) = total_word(eq.rule);
        let sum = terms_text(report, c);
        let place_zh = cell_name(total.row, total.col, false);
        let place_en = cell_name(total.row, total.col, true);
        // 表四's cells are named by their column groups alone (行政复议总计); 表三's by row, then total.
        let (head_zh, head_en) = if row_def(total.row).table == TableId::Appeals {
            (place_zh, place_en)
        } else {
            (
                format!("{place_zh}：{word_zh}"),
                format!("{place_en}: {word_en}"),
            )
        };
        let total_blank = total.value == Value::Missing;
        let (actual_zh, actual_en) = if total_blank {
            ("空白".to_string(), "blank".to_string())
        } else {
            (c.actual.to_string(), c.actual.to_string())
        };
        let (note_zh, note_en) = if c.blanks.iter().any(|&b| b != c.total) {
            ("（空白按 0 计）", " (blank cells counted as 0)")
        } else {
            ("", "")
        };
        let sum_en = sum.replace("空白", "blank");
        let message = Message::new(
            format!(
                "{head_zh}应为 {}（= {sum}），实为 {actual_zh}{note_zh}",
                c.expected
            ),
            format!(
                "{head_en} should be {} (= {sum_en}), found {actual_en}{note_en}",
                c.expected
            ),
        );
        let related = c
            .terms
            .iter()
            .filter_map(|&(sign, i)| report.cells.get(i).map(|cell| (sign, cell)))
            .map(|(sign, cell)| {
                let v = cell.value.as_int().unwrap_or(0);
                let op = if sign < 0 { "−" } else { "+" };
                Related {
                    span: cell.span.clone(),
                    message: Message::new(
                        format!("{op} {} = {v}", cell_name(cell.row, cell.col, false)),
                        format!("{op} {} = {v}", cell_name(cell.row, cell.col, true)),
                    ),
                }
            })
            .collect();
        out.push(
            Finding::new(eq.rule, total.span.clone(), message)
                .with_related(related)
                .with_fix(crate::analysis::Fix {
                    title: Message::new(
                        format!("改为计算值 {}", c.expected),
                        format!("Set to the computed {}", c.expected),
                    ),
                    span: total.span.clone(),
                    replacement: c.expected.to_string(),
                }),
        );
    }
}
