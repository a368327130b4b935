//! Documents made from the example report for the `.docx` and `.pdf` tests and the extraction
//! benchmark: a Word file drafted on the template ([`docx`]) and a published PDF ([`pdf`]), and the
//! example with one figure changed in every form it is checked in.
// Each test crate and the benchmark use their own part.
#![allow(dead_code)]

pub mod docx;
#[path = "../variants/example.rs"]
pub mod example;
pub mod pdf;

pub use example::Example;

/// The report's title, as its PDF shows it (the example's text starts at 一、总体情况).
pub fn title() -> &'static str {
    pdf::L5.lines().next().expect("a title line")
}

/// 本年新收·自然人 raised from 8 to 9: the row's 总计 (8) and the equation carrying requests into
/// next year (四、结转下年度继续办理's 自然人, 1) no longer balance.
pub fn raise(ex: &mut Example) {
    let figure = &mut ex.row_mut(6).values[0];
    assert_eq!(figure, "8", "the example changed");
    *figure = "9".to_string();
}

/// [`raise`] in the example's text (layout L1: one cell a line).
pub fn raise_l1(text: &str) -> String {
    replace_once(
        text,
        "一、本年新收政府信息公开申请数量 |\n8 |",
        "一、本年新收政府信息公开申请数量 |\n9 |",
    )
}

/// [`raise`] in the PDF text (a table row on one line).
pub fn raise_l5(text: &str) -> String {
    replace_once(
        text,
        "一、本年新收政府信息公开申请数量 8 ",
        "一、本年新收政府信息公开申请数量 9 ",
    )
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(
        text.matches(from).count(),
        1,
        "the example changed: {from:?}"
    );
    text.replacen(from, to, 1)
}
