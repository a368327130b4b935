//! Hover on a number: which template cell it is (table · row · column) and every equation it takes
//! part in, evaluated (`总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8 ✓`) or named as skipped with the cell it lacks.

use super::HoverFacts;
use crate::analysis::model::{Report, Value};
use crate::analysis::rules::{EquationCheck, terms_text};
use crate::analysis::{Locale, ReportAnalysis, Rule};
use crate::template::{
    APPEALS_COLUMNS, Equation, GROUPS, ROWS, RowId, TableId, column_label, columns_of, equations,
};

pub fn hover(
    text: &str,
    report: &ReportAnalysis,
    offset: usize,
    locale: Locale,
) -> Option<HoverFacts> {
    let model = &report.report;
    let (index, cell) = model
        .cells
        .iter()
        .enumerate()
        .find(|(_, c)| c.span.start <= offset && offset < c.span.end.max(c.span.start + 1))?;
    let zh = locale == Locale::Zh;
    let written = text.get(cell.span.clone()).unwrap_or_default();
    let mut parts = vec![format!("**{}**", place(cell.row, cell.col, zh))];
    parts.push(match (cell.value, zh) {
        (Value::Int(v), true) => format!("值：{v}"),
        (Value::Int(v), false) => format!("Value: {v}"),
        (Value::Decimal(_), true) => format!("值：{written}"),
        (Value::Decimal(_), false) => format!("Value: {written}"),
        (Value::Missing, true) => format!("值：空（“{written}”不计入任何勾稽关系）"),
        (Value::Missing, false) => format!("Value: empty (“{written}” counts in no equation)"),
        (Value::Text, true) => format!("值：“{written}”不是数字"),
        (Value::Text, false) => format!("Value: “{written}” is not a number"),
    });
    let cells = ROWS.get(cell.row).map_or(0, |r| r.cells);
    if cell.col >= cells {
        parts.push(if zh {
            format!("多余的单元格：模板这一行只有 {cells} 列。")
        } else {
            format!("An extra cell: the template row has {cells} columns.")
        });
    } else if model.cell_index(cell.row, cell.col) != Some(index) {
        parts.push(if zh {
            "这一行重复出现；只有第一次出现的行参与勾稽关系。".to_string()
        } else {
            "This row occurs twice; only its first occurrence takes part in equations.".to_string()
        });
    } else {
        let lines = equation_lines(report, (cell.row, cell.col), zh);
        if !lines.is_empty() {
            let lead = if zh { "勾稽关系：" } else { "Equations:" };
            parts.push(format!("{lead}\n\n{}", lines.join("\n")));
        }
    }
    Some(HoverFacts {
        span: cell.span.clone(),
        markdown: parts.join("\n\n"),
    })
}

/// `表三 · 一、本年新收政府信息公开申请数量 · 自然人`.
pub fn place(row: RowId, col: usize, zh: bool) -> String {
    let Some(def) = ROWS.get(row) else {
        return String::new();
    };
    let table = if zh {
        def.table.name()
    } else {
        def.table.name_en()
    };
    let column = column_name(row, col, zh);
    let row_name = match def.table {
        TableId::Appeals => return format!("{table} · {column}"),
        TableId::Active => {
            let anchor = def
                .parent
                .and_then(|p| def.format.unwrap_or_default().sub_tables().get(p))
                .map_or("", |s| s.anchor);
            let label = if zh { def.label } else { def.label_en };
            format!("{anchor} · {label}")
        }
        TableId::Requests if !zh => def.label_en.to_string(),
        TableId::Requests => {
            let mut chain = Vec::new();
            let mut group = def.parent;
            while let Some(g) = group.and_then(|g| GROUPS.get(g)) {
                chain.insert(0, g.label);
                group = g.parent;
            }
            chain.push(def.label);
            chain.join(" / ")
        }
    };
    format!("{table} · {row_name} · {column}")
}

/// A column with the header groups that set it apart (`法人或其他组织 / 商业企业`); the outermost group of
/// 表三 (申请人情况) heads every column and is left out.
fn column_name(row: RowId, col: usize, zh: bool) -> String {
    let table = ROWS.get(row).map(|r| r.table);
    let def = match table {
        Some(TableId::Appeals) => APPEALS_COLUMNS.get(col),
        Some(TableId::Requests) => columns_of(row).get(col),
        _ => None,
    };
    let Some(def) = def else {
        return column_label(row, col).to_string();
    };
    let skip = usize::from(table == Some(TableId::Requests));
    let mut parts: Vec<&str> = def.groups.iter().skip(skip).copied().collect();
    parts.push(if zh { def.label } else { def.label_en });
    parts.join(" / ")
}

/// How an equation's total is named beside its sum.
fn total_name(eq: &Equation, zh: bool) -> String {
    let (row, col) = eq.total;
    match (eq.rule, zh) {
        (Rule::RowTotal, true) => "总计".into(),
        (Rule::RowTotal, false) => "Total".into(),
        (Rule::ResultTotal, true) => "（七）总计".into(),
        (Rule::ResultTotal, false) => "(7) Total".into(),
        (Rule::IntakeOutcome, true) => "四、结转下年度继续办理".into(),
        (Rule::IntakeOutcome, false) => "IV. Carried forward".into(),
        _ => column_name(row, col, zh),
    }
}

/// One line per template equation that holds the cell: evaluated, or skipped with what it lacks.
fn equation_lines(report: &ReportAnalysis, at: (RowId, usize), zh: bool) -> Vec<String> {
    let model = &report.report;
    let mut out = Vec::new();
    for (n, eq) in equations(model.format).iter().enumerate() {
        if eq.total != at && !eq.terms.iter().any(|t| t.1 == at) {
            continue;
        }
        let name = total_name(eq, zh);
        match report.equations.iter().find(|c| c.equation == n) {
            Some(check) => out.push(format!("- {}", evaluated(model, check, &name, zh))),
            None => out.push(format!("- {}", skipped(model, eq, &name, zh))),
        }
    }
    out
}

/// `总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8 ✓`, or `… = 8 ✗（表中为 9）`.
pub(super) fn evaluated(model: &Report, check: &EquationCheck, name: &str, zh: bool) -> String {
    let sum = terms_text(model, check);
    match (check.holds(), zh) {
        (true, _) => format!("{name} = {sum} = {} ✓", check.expected),
        (false, true) => format!(
            "{name} = {sum} = {} ✗（表中为 {}）",
            check.expected, check.actual
        ),
        (false, false) => format!(
            "{name} = {sum} = {} ✗ (the table says {})",
            check.expected, check.actual
        ),
    }
}

/// An equation the checker skipped, with the cells that kept it from being computed.
fn skipped(model: &Report, eq: &Equation, name: &str, zh: bool) -> String {
    let positions = std::iter::once(eq.total).chain(eq.terms.iter().map(|t| t.1));
    let lacking: Vec<String> = positions
        // A blank counts as 0; what stops an equation is a cell not read or not a whole number.
        .filter(|&(r, c)| {
            !matches!(
                model.cell(r, c).map(|c| c.value),
                Some(Value::Int(_) | Value::Missing)
            )
        })
        .map(|(r, c)| {
            let name = place(r, c, zh);
            match (model.cell(r, c).map(|c| c.value), zh) {
                (None, true) => format!("缺少 {name}"),
                (None, false) => format!("{name} is missing"),
                (Some(Value::Text), true) => format!("{name} 不是数字"),
                (Some(Value::Text), false) => format!("{name} is not a number"),
                (Some(_), true) => format!("{name} 不是整数"),
                (Some(_), false) => format!("{name} is not a whole number"),
            }
        })
        .collect();
    let shown = lacking.iter().take(3).cloned().collect::<Vec<_>>();
    let more = lacking.len().saturating_sub(shown.len());
    let (sep, tail) = match (zh, more) {
        (_, 0) => (if zh { "；" } else { "; " }, String::new()),
        (true, n) => ("；", format!(" 等 {} 处", n + shown.len())),
        (false, n) => ("; ", format!(" and {n} more")),
    };
    if zh {
        format!("{name}：未校验（{}{tail}）", shown.join(sep))
    } else {
        format!("{name}: not checked ({}{tail})", shown.join(sep))
    }
}
