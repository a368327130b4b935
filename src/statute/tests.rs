//! Tests of the recogniser and of resolution against the embedded regulation.

use proptest::prelude::*;

use super::*;

fn cite(article: u16, paragraph: Option<u16>, item: Option<u16>) -> Citation {
    Citation {
        article,
        paragraph,
        item,
    }
}

/// Asserts the references found in `input`: each as the exact text its span covers and its citation.
fn check(input: &str, expected: &[(&str, Citation)]) {
    let found: Vec<(&str, Citation)> = find_references(input)
        .iter()
        .map(|r| (&input[r.span.clone()], r.citation))
        .collect();
    assert_eq!(found, expected, "in {input:?}");
}

#[test]
fn item_with_brackets_of_either_width() {
    let c = cite(20, None, Some(5));
    check("第二十条第（五）项", &[("第二十条第（五）项", c)]);
    check("第二十条第(五)项", &[("第二十条第(五)项", c)]);
    check("第二十条第（ 五 ）项", &[("第二十条第（ 五 ）项", c)]);
    check("第二十条第(五）项", &[("第二十条第(五）项", c)]);
}

#[test]
fn arabic_numerals_and_bare_items() {
    check("第20条第5项", &[("第20条第5项", cite(20, None, Some(5)))]);
    check(
        "第２０条第（５）项",
        &[("第２０条第（５）项", cite(20, None, Some(5)))],
    );
    check(
        "第二十条第五项",
        &[("第二十条第五项", cite(20, None, Some(5)))],
    );
    check("第 20 条", &[("第 20 条", cite(20, None, None))]);
}

#[test]
fn paragraph_and_item() {
    check(
        "第五十条第一款第（二）项",
        &[("第五十条第一款第（二）项", cite(50, Some(1), Some(2)))],
    );
    check(
        "第三十三条第二款规定",
        &[("第三十三条第二款", cite(33, Some(2), None))],
    );
    check(
        "第十六条 第二款",
        &[("第十六条 第二款", cite(16, Some(2), None))],
    );
}

#[test]
fn named_references_include_the_name() {
    check(
        "依据《条例》第十四条",
        &[("《条例》第十四条", cite(14, None, None))],
    );
    check(
        "《中华人民共和国政府信息公开条例》第二十条",
        &[(
            "《中华人民共和国政府信息公开条例》第二十条",
            cite(20, None, None),
        )],
    );
    check(
        "《政府信息公开条例》 第36条",
        &[("《政府信息公开条例》 第36条", cite(36, None, None))],
    );
    check(
        "依照本条例第十九条的规定",
        &[("本条例第十九条", cite(19, None, None))],
    );
    let refs = find_references("依据《条例》第十四条和第二十条");
    assert_eq!(
        refs.iter().map(|r| r.explicit_name).collect::<Vec<_>>(),
        [true, true]
    );
    assert!(!find_references("第二十条")[0].explicit_name);
}

#[test]
fn alias_declared_in_the_report() {
    let text = "认真贯彻落实《中华人民共和国政府信息公开条例》(以下简称《条例》),持续推进。按照《条例》第五十条要求";
    check(text, &[("《条例》第五十条", cite(50, None, None))]);
    let text = "《中华人民共和国政府信息公开条例》（以下简称“公开条例”）。依据公开条例第三十六条、“公开条例”第三十七条";
    check(
        text,
        &[
            ("公开条例第三十六条", cite(36, None, None)),
            ("“公开条例”第三十七条", cite(37, None, None)),
        ],
    );
    // A short name declared for another law is not the regulation's.
    let text = "《广东省政府信息公开条例》（以下简称《条例》）。《条例》第九条；第十条";
    check(text, &[("第十条", cite(10, None, None))]);
    // The declaration applies only after it is made.
    let text =
        "《公开条例》第九条。《政府信息公开条例》（以下简称《公开条例》）。《公开条例》第九条";
    check(text, &[("《公开条例》第九条", cite(9, None, None))]);
}

#[test]
fn other_laws_are_excluded() {
    check("《保密法》第九条", &[]);
    // The chain of another law's articles ends at the comma; what follows stands on its own.
    check(
        "依照《中华人民共和国保守国家秘密法》 第九条、第十条，以及第二十条",
        &[("第二十条", cite(20, None, None))],
    );
    check(
        "《保密法》第九条。第十四条",
        &[("第十四条", cite(14, None, None))],
    );
    // A title followed by its document number still names the law.
    check(
        "《最高人民法院关于审理政府信息公开行政案件若干问题的规定》（法释〔2011〕17号）第二条第（四）项",
        &[],
    );
    check(
        "《中华人民共和国政府信息公开条例》（国务院令第711号）第二十条",
        &[("第二十条", cite(20, None, None))],
    );
    check(
        "《中华人民共和国政府信息公开条例》（以下简称《条例》）第二十条",
        &[("第二十条", cite(20, None, None))],
    );
    assert!(find_references("《政府信息公开条例》（2019年修订）第二十条")[0].explicit_name);
    check("（见附件）第二十条", &[("第二十条", cite(20, None, None))]);
    check("另参法释〔2011〕17号第二条第（二）项", &[]);
    check(
        "国务院令第711号第二十条",
        &[("第二十条", cite(20, None, None))],
    );
    // Only a title right before the reference counts: here 第十四条 stands on its own.
    check(
        "《保密法》规定，第十四条",
        &[("第十四条", cite(14, None, None))],
    );
}

#[test]
fn chains_inherit_the_article() {
    check(
        "第三十六条第（一）项、第（二）项",
        &[
            ("第三十六条第（一）项", cite(36, None, Some(1))),
            ("第（二）项", cite(36, None, Some(2))),
        ],
    );
    check(
        "第十六条第一款、第二款",
        &[
            ("第十六条第一款", cite(16, Some(1), None)),
            ("第二款", cite(16, Some(2), None)),
        ],
    );
    check(
        "本条例第十四条、第十五条、第十六条规定",
        &[
            ("本条例第十四条", cite(14, None, None)),
            ("第十五条", cite(15, None, None)),
            ("第十六条", cite(16, None, None)),
        ],
    );
    check(
        "第五十条第一款第（一）项和第（二）项",
        &[
            ("第五十条第一款第（一）项", cite(50, Some(1), Some(1))),
            ("第（二）项", cite(50, Some(1), Some(2))),
        ],
    );
}

#[test]
fn things_that_are_not_references() {
    check("第一项加第二项之和,等于第三项加第四项之和", &[]);
    check("国务院令第711号", &[]);
    check("第一责任人", &[]);
    check("保护第三方合法权益", &[]);
    check("第二十条第三方", &[("第二十条", cite(20, None, None))]);
    check("第0条 第零条 第条 第（五）项 第二二条", &[]);
    check("第一百二条", &[]);
    check("第", &[]);
}

#[test]
fn spans_are_exact_byte_ranges() {
    let text = "依据第二十条第（五）项。";
    let refs = find_references(text);
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].span, 6..33);
    let text = "表2：《条例》第14条，本条例第十九条";
    let spans: Vec<_> = find_references(text).into_iter().map(|r| r.span).collect();
    assert_eq!(spans, [7..27, 30..51]);
}

#[test]
fn found_references_to_missing_text_do_not_resolve() {
    let text = "第二十条第（十六）项、第六十条和第五十条第三款";
    let missing: Vec<_> = find_references(text)
        .into_iter()
        .map(|r| regulation().resolve(r.citation).map(|_| ()))
        .collect();
    assert_eq!(
        missing,
        [
            Err(Unresolved::NoItem {
                article: 20,
                paragraph: None,
                item: 16,
                items: 15
            }),
            Err(Unresolved::NoArticle {
                article: 60,
                articles: 56
            }),
            Err(Unresolved::NoParagraph {
                article: 50,
                paragraph: 3,
                paragraphs: 2
            }),
        ]
    );
}

#[test]
fn citations_print_in_the_regulation_style() {
    assert_eq!(cite(20, None, Some(5)).to_string(), "第二十条第（五）项");
    assert_eq!(
        cite(50, Some(1), Some(2)).to_string(),
        "第五十条第一款第（二）项"
    );
    assert_eq!(cite(14, None, None).to_string(), "第十四条");
}

#[test]
fn resolves_what_exists() {
    let r = regulation()
        .resolve(cite(20, None, Some(5)))
        .map_err(|e| e.message_zh());
    let r = r
        .as_ref()
        .map(|r| (r.citation_text(), r.paragraph_number, r.item));
    assert_eq!(
        r,
        Ok((
            "《条例》第二十条第（五）项".to_string(),
            Some(1),
            Some("（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；")
        ))
    );
    // A 项 without a 款 is in the first 款 that has items: 第四条 has them in its second.
    let r = regulation().resolve(cite(4, None, Some(3)));
    assert_eq!(r.map(|r| r.paragraph_number), Ok(Some(2)));
    let r = regulation().resolve(cite(29, Some(2), Some(3)));
    assert!(r.is_ok_and(|r| {
        r.item
            .is_some_and(|i| i.starts_with("（三）申请公开的政府信息的形式要求"))
    }));
}

#[test]
fn reports_what_is_missing() {
    let reg = regulation();
    let cases = [
        (
            cite(20, None, Some(16)),
            Unresolved::NoItem {
                article: 20,
                paragraph: None,
                item: 16,
                items: 15,
            },
        ),
        (
            cite(60, None, None),
            Unresolved::NoArticle {
                article: 60,
                articles: 56,
            },
        ),
        (
            cite(50, Some(3), None),
            Unresolved::NoParagraph {
                article: 50,
                paragraph: 3,
                paragraphs: 2,
            },
        ),
        (
            cite(50, Some(1), Some(6)),
            Unresolved::NoItem {
                article: 50,
                paragraph: Some(1),
                item: 6,
                items: 5,
            },
        ),
        (
            cite(14, None, Some(1)),
            Unresolved::NoItem {
                article: 14,
                paragraph: None,
                item: 1,
                items: 0,
            },
        ),
        (
            cite(0, None, None),
            Unresolved::NoArticle {
                article: 0,
                articles: 56,
            },
        ),
        (
            cite(3, Some(0), None),
            Unresolved::NoParagraph {
                article: 3,
                paragraph: 0,
                paragraphs: 4,
            },
        ),
    ];
    for (citation, expected) in cases {
        assert_eq!(reg.resolve(citation).err(), Some(expected), "{citation}");
    }
    let message = |c| {
        reg.resolve(c)
            .err()
            .map(|e| (e.message_zh(), e.message_en()))
    };
    assert_eq!(
        message(cite(20, None, Some(16))),
        Some((
            "《条例》第二十条只有 15 项，没有第（十六）项".to_string(),
            "Article 20 of the regulation has 15 items; there is no item 16".to_string()
        ))
    );
    assert_eq!(
        message(cite(60, None, None)).map(|m| m.0),
        Some("《条例》只有 56 条，没有第六十条".to_string())
    );
    assert_eq!(
        message(cite(50, Some(3), None)).map(|m| m.0),
        Some("《条例》第五十条只有 2 款，没有第三款".to_string())
    );
    assert_eq!(
        message(cite(29, Some(1), Some(1))).map(|m| m.0),
        Some("《条例》第二十九条第一款不分项，没有第（一）项".to_string())
    );
}

#[test]
fn quotes_exact_text() {
    let reg = regulation();
    assert_eq!(
        reg.quote(cite(20, None, Some(5))).as_deref(),
        Some(
            "行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：\n（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；"
        )
    );
    assert_eq!(
        reg.quote(cite(50, Some(2), None)).as_deref(),
        Some("全国政府信息公开工作主管部门应当公布政府信息公开工作年度报告统一格式，并适时更新。")
    );
    let article = reg.quote(cite(29, None, None)).unwrap_or_default();
    assert_eq!(article.lines().count(), 5);
    assert!(article.starts_with("公民、法人或者其他组织申请获取政府信息的"));
    let paragraph = reg.quote(cite(29, Some(2), None)).unwrap_or_default();
    assert_eq!(
        paragraph.lines().next(),
        Some("政府信息公开申请应当包括下列内容：")
    );
    assert_eq!(paragraph.lines().count(), 4);
    assert_eq!(reg.quote(cite(20, None, Some(16))), None);
}

#[test]
fn every_found_reference_in_the_regulation_itself_resolves() {
    // The regulation cites itself (本条例第十九条, 第十条第二款); all of those must exist.
    let text = include_str!("regulation-2019.md");
    let refs = find_references(text);
    let own: Vec<_> = refs.iter().filter(|r| r.explicit_name).collect();
    assert_eq!(own.len(), 11, "{own:?}");
    for r in own {
        assert!(
            regulation().resolve(r.citation).is_ok(),
            "{:?}",
            &text[r.span.clone()]
        );
    }
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_on_char_boundaries(text in "\\PC{0,80}") {
        check_invariants(&text);
    }

    #[test]
    fn never_panics_on_citation_like_text(
        text in "([第条款项（）()、和《》“”一二三十五0-9 ０５本条例保密法以下简称]|[\u{3000}a]){0,60}"
    ) {
        check_invariants(&text);
    }
}

fn check_invariants(text: &str) {
    let mut last_end = 0;
    for r in find_references(text) {
        assert!(r.span.start < r.span.end && r.span.end <= text.len());
        assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        assert!(r.span.start >= last_end, "overlapping spans in {text:?}");
        assert!(text[r.span.clone()].contains('第'));
        last_end = r.span.end;
    }
}
