//! `narrative/mismatch`: a figure in the prose that differs from the table.

use crate::analysis::model::{Claim, Report};
use crate::analysis::{Finding, Message, Related, Rule};
use crate::template::{APPEALS_ROW, REQUESTS_CARRIED_IN, REQUESTS_CARRIED_OUT, REQUESTS_NEW};

/// The table cells a claim is compared with, and how the table names it.
fn cells_of(claim: Claim) -> (&'static [(usize, usize)], &'static str, &'static str) {
    match claim {
        Claim::Received => (
            &[(REQUESTS_NEW, 6)],
            "表三“一、本年新收政府信息公开申请数量”总计",
            "Table 3 new applications total",
        ),
        Claim::CarriedIn => (
            &[(REQUESTS_CARRIED_IN, 6)],
            "表三“二、上年结转政府信息公开申请数量”总计",
            "Table 3 carried-over total",
        ),
        Claim::CarriedOut => (
            &[(REQUESTS_CARRIED_OUT, 6)],
            "表三“四、结转下年度继续办理”总计",
            "Table 3 carried-forward total",
        ),
        Claim::Reviews => (
            &[(APPEALS_ROW, 4)],
            "表四行政复议总计",
            "Table 4 review total",
        ),
        Claim::Lawsuits => (
            &[(APPEALS_ROW, 9), (APPEALS_ROW, 14)],
            "表四行政诉讼总计（未经复议直接起诉 + 复议后起诉）",
            "Table 4 litigation totals",
        ),
    }
}

pub fn check(report: &Report, out: &mut Vec<Finding>) {
    for fig in &report.narrative {
        let (cells, name_zh, name_en) = cells_of(fig.claim);
        let mut table = 0i64;
        let mut related = Vec::new();
        for &(row, col) in cells {
            let Some(cell) = report.cell(row, col) else {
                continue;
            };
            let Some(v) = cell.value.as_int() else {
                table = i64::MIN;
                break;
            };
            table += v;
            related.push(Related {
                span: cell.span.clone(),
                message: Message::new(format!("表格数值 {v}"), format!("table value {v}")),
            });
        }
        if related.len() != cells.len() || table == i64::MIN || table == fig.value {
            continue;
        }
        out.push(
            Finding::new(
                Rule::NarrativeMismatch,
                fig.span.clone(),
                Message::new(
                    format!("正文为 {}，而{name_zh}为 {table}", fig.value),
                    format!("The text says {}, but the {name_en} is {table}", fig.value),
                ),
            )
            .with_related(related),
        );
    }
}
