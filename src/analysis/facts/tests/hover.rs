use super::*;
use crate::analysis::Locale;
use crate::analysis::facts::hover;

/// The hover at the fixture's cursor: (hovered text, Markdown).
fn check(fixture: &str, locale: Locale) -> (String, String) {
    let (text, analysis, offset) = with_cursor(fixture);
    let found = hover(&text, &analysis, offset, locale).expect("a hover at the cursor");
    (text[found.span].to_string(), found.markdown)
}

fn contains_all(markdown: &str, parts: &[&str]) {
    for part in parts {
        assert!(markdown.contains(part), "missing {part:?} in\n{markdown}");
    }
}

#[test]
fn a_reference_quotes_the_item_and_says_what_it_means_for_the_report() {
    let (span, md) = check(&example_at("第二十条第(五)项", 0), Locale::Zh);
    assert_eq!(span, "第二十条第(五)项");
    contains_all(
        &md,
        &[
            "**《条例》第二十条第（五）项**",
            "> 行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：",
            "> （五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；",
            "表二“第二十条第（五）项”（行政许可）：表中只统计行政许可处理决定数量。",
        ],
    );
}

#[test]
fn a_reference_the_template_does_not_count_names_its_chapter() {
    let fixture = "一、总体情况\n依据《条例》第十$0九条，我局主动公开政府信息。\n";
    let (span, md) = check(fixture, Locale::Zh);
    assert_eq!(span, "《条例》第十九条");
    contains_all(
        &md,
        &["**《条例》第十九条**", "该条属于《条例》第三章　主动公开"],
    );
}

#[test]
fn an_unknown_reference_says_it_does_not_exist() {
    let fixture = "一、总体情况\n依据《条例》第九$0十条办理。\n";
    let (span, md) = check(fixture, Locale::Zh);
    assert_eq!(span, "《条例》第九十条");
    contains_all(&md, &["《条例》中没有这一条款", "没有第九十条"]);
    let (_, md) = check(fixture, Locale::En);
    contains_all(&md, &["No such provision", "there is no article 90"]);
}

#[test]
fn a_number_names_its_cell_and_its_equations() {
    let (span, md) = check(&example_at("8 |", 0), Locale::Zh);
    assert_eq!(span, "8");
    contains_all(
        &md,
        &[
            "**表三 · 一、本年新收政府信息公开申请数量 · 自然人**",
            "值：8",
            "- 总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8 ✓",
            "- 四、结转下年度继续办理 = 8 + 0 − 7 = 1 ✓",
        ],
    );
    let (_, md) = check(&example_at("8 |", 0), Locale::En);
    contains_all(
        &md,
        &[
            "**Table 3 · I. New applications this year · Natural persons**",
            "- Total = 8 + 0 + 0 + 0 + 0 + 0 = 8 ✓",
        ],
    );
}

#[test]
fn a_total_shows_what_it_should_be() {
    // 本年新收 自然人 9 while its row total stays 8.
    let fixture = example_at("8 |", 1).replacen(
        "一、本年新收政府信息公开申请数量 |\n8 |",
        "一、本年新收政府信息公开申请数量 |\n9 |",
        1,
    );
    let (span, md) = check(&fixture, Locale::Zh);
    assert_eq!(span, "8");
    contains_all(
        &md,
        &[
            "**表三 · 一、本年新收政府信息公开申请数量 · 总计**",
            "- 总计 = 9 + 0 + 0 + 0 + 0 + 0 = 9 ✗（表中为 8）",
            "- 四、结转下年度继续办理 = 8 + 0 − 7 = 1 ✓",
        ],
    );
}

#[test]
fn an_equation_skipped_for_a_text_cell_is_named() {
    // 本年新收 商业企业 written as text: the row total cannot be computed.
    let fixture = example_at("8 |", 0).replacen("$08 |\n0 |", "$08 |\n八 |", 1);
    let (_, md) = check(&fixture, Locale::Zh);
    contains_all(
        &md,
        &[
            "- 总计：未校验（表三 · 一、本年新收政府信息公开申请数量 · 法人或其他组织 / 商业企业 不是数字）",
        ],
    );
}

#[test]
fn an_equation_with_a_blank_cell_counts_it_as_zero() {
    let fixture = example_at("8 |", 0).replacen("$08 |\n0 |", "$08 |\n- |", 1);
    let (_, md) = check(&fixture, Locale::Zh);
    assert!(!md.contains("未校验"), "{md}");
}

#[test]
fn appeals_and_active_cells_are_named_by_their_headers() {
    let text = report_text(EXAMPLE);
    let appeals = text.find("四、政府信息公开行政复议").expect("表四");
    let fifth = appeals
        + text[appeals..]
            .match_indices("0 |")
            .nth(4)
            .map(|(i, _)| i)
            .expect("cells");
    let (_, md) = check(
        &format!("{}$0{}", &text[..fifth], &text[fifth..]),
        Locale::Zh,
    );
    contains_all(
        &md,
        &[
            "**表四 · 行政复议 / 总计**",
            "- 行政复议 / 总计 = 0 + 0 + 0 + 0 = 0 ✓",
        ],
    );
    let (_, md) = check(&example_at("52425", 0), Locale::Zh);
    contains_all(
        &md,
        &[
            "**表二 · 第二十条第（五）项 · 行政许可 · 本年处理决定数量**",
            "值：52425",
        ],
    );
    assert!(!md.contains("勾稽关系"));
}

#[test]
fn a_label_says_what_it_means_and_whether_its_source_is_inferred() {
    let (span, md) = check(&example_at("(三)不予公开", 0), Locale::Zh);
    assert_eq!(span, "(三)不予公开");
    contains_all(
        &md,
        &[
            "**（三）不予公开** · 表三",
            "依据条例决定不予公开的，告知并说明理由。",
            "来源：《条例》第三十六条第（三）项（推断，非官方对应）",
            "> （三）行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由；",
        ],
    );
    let (_, md) = check(&example_at("(一)予以公开", 0), Locale::En);
    contains_all(
        &md,
        &["(1) Disclosed", "(an inference, not an official mapping)"],
    );
    let (_, md) = check(&example_at("2.重复申请", 0), Locale::Zh);
    contains_all(&md, &["来源：《条例》第三十六条第（六）项（文本对应）"]);
    assert!(!md.contains("推断"));
}

#[test]
fn a_label_written_otherwise_shows_the_template_text() {
    let (span, md) = check(&example_at("1.申请人无正当理由预期", 0), Locale::Zh);
    assert!(span.contains("预期"));
    contains_all(
        &md,
        &[
            "模板写法：“1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”",
            "来源：《条例》第三十条",
        ],
    );
}

#[test]
fn headers_and_sections_explain_themselves() {
    let (_, md) = check(&example_at("自然人", 0), Locale::Zh);
    contains_all(
        &md,
        &[
            "**自然人** · 表三",
            "推断，非官方对应",
            "第二十七条、第二十九条",
        ],
    );
    let (_, md) = check(&example_at("二、主动公开政府信息情况", 0), Locale::Zh);
    contains_all(
        &md,
        &[
            "**二、主动公开政府信息情况** · 报告第二部分",
            "行政机关主动公开政府信息的情况。",
        ],
    );
    let (_, md) = check(&example_at("(本列数据", 0), Locale::Zh);
    contains_all(
        &md,
        &["一、本年新收 + 二、上年结转 = 三、本年度办理结果（七）总计 + 四、结转下年度继续办理"],
    );
}

#[test]
fn plain_prose_has_no_hover() {
    let (text, analysis, offset) = with_cursor(&example_at("持续推进决策", 0));
    assert_eq!(hover(&text, &analysis, offset, Locale::Zh), None);
}

#[test]
fn the_title_says_which_template_applied() {
    // A 2020 report that already uses the 2021 tables is checked against them.
    let fixture = format!(
        "$0某局2020年政府信息公开工作年度报告\n{}",
        report_text(EXAMPLE)
    );
    let (_, md) = check(&fixture, Locale::Zh);
    contains_all(
        &md,
        &[
            "2020 年度报告",
            "按2021 年统一格式（国办公开办函〔2021〕30号）核对",
        ],
    );
}
