//! Hover: what the thing under the cursor is — a reference to the regulation (quoted), a template label
//! (its meaning and source), or a number (its cell and every equation it takes part in).

use super::basis::{blockquote, explain};
use super::{HoverFacts, cell};
use crate::analysis::model::{LabelHit, LabelKind, Report};
use crate::analysis::{Locale, ReportAnalysis};
use crate::statute::{Citation, Reference, regulation};
use crate::template::{
    APPEALS_COLUMNS, Basis, Format, GROUPS, REQUEST_COLUMNS, ROWS, SECTIONS, SUB_TABLES, TableId,
};

pub fn hover(
    segment_text: &str,
    report: &ReportAnalysis,
    offset: usize,
    locale: Locale,
) -> Option<HoverFacts> {
    // An analysis of other text (a client racing an edit) must not point outside this one.
    find(segment_text, report, offset, locale)
        .filter(|h| segment_text.get(h.span.clone()).is_some())
}

fn find(text: &str, report: &ReportAnalysis, offset: usize, locale: Locale) -> Option<HoverFacts> {
    let model = &report.report;
    let inside = |s: &std::ops::Range<usize>| s.start <= offset && offset < s.end;
    if let Some(r) = model.references.iter().find(|r| inside(&r.span)) {
        return Some(HoverFacts {
            span: r.span.clone(),
            markdown: reference(text, r, locale),
        });
    }
    if let Some(found) = cell::hover(text, report, offset, locale) {
        return Some(found);
    }
    let label = model.label_at(offset)?;
    Some(HoverFacts {
        span: label.span.clone(),
        markdown: label_markdown(text, report, label, locale),
    })
}

/// The quoted text of a reference, with what it means for the report.
fn reference(text: &str, r: &Reference, locale: Locale) -> String {
    let written = text.get(r.span.clone()).unwrap_or_default();
    let resolved = match regulation().resolve(r.citation) {
        Ok(resolved) => resolved,
        Err(why) => {
            return match locale {
                Locale::Zh => format!(
                    "**{written}**\n\n《条例》中没有这一条款：{}。",
                    why.message_zh()
                ),
                Locale::En => format!(
                    "**{written}**\n\nNo such provision in the regulation: {}.",
                    why.message_en()
                ),
            };
        }
    };
    let mut parts = vec![
        format!("**{}**", resolved.citation_text()),
        blockquote(&resolved.quote()),
    ];
    let places = template_places(r.citation);
    if places.is_empty() {
        parts.push(match locale {
            Locale::Zh => format!(
                "该条属于《条例》{}；年度报告的表格不直接统计这一条款。",
                resolved.article.chapter
            ),
            Locale::En => format!(
                "This article is in {} of the regulation; the report's tables do not count it directly.",
                resolved.article.chapter
            ),
        });
    } else {
        let lead = match locale {
            Locale::Zh => "在年度报告中：",
            Locale::En => "In the annual report:",
        };
        let items: Vec<String> = places
            .iter()
            .map(|(place, note)| format!("- {place}：{note}"))
            .collect();
        parts.push(format!("{lead}\n\n{}", items.join("\n")));
    }
    if let Some(why) = &resolved.article.unverified {
        parts.push(match locale {
            Locale::Zh => format!("（条文未经独立核对：{why}）"),
            Locale::En => format!("(Text not checked against an independent source: {why})"),
        });
    }
    parts.join("\n\n")
}

/// Whether an item's basis names this citation: its main article, 款 and 项, or a whole citation in
/// its list of articles (`第十五条；第三十二条` names 第三十二条).
fn names(basis: &Basis, c: Citation) -> bool {
    let (article, paragraph, item) = basis.main;
    let by_main = article == c.article
        && match (c.paragraph, c.item) {
            (p, Some(i)) => item == i && p.is_none_or(|p| paragraph == p),
            (Some(p), None) => item == 0 && paragraph == p,
            (None, None) => paragraph == 0 && item == 0,
        };
    let written = c.to_string();
    let by_list = basis.cites.match_indices(&written).any(|(at, _)| {
        !basis
            .cites
            .get(at + written.len()..)
            .is_some_and(|rest| rest.starts_with('第'))
    });
    by_main || by_list
}

/// The template items that derive from a citation: (where, note). A 表二 sub-table stands for its rows.
fn template_places(c: Citation) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for s in SECTIONS.iter().filter(|s| names(&s.basis, c)) {
        out.push((format!("“{}”部分", s.heading()), s.basis.note));
    }
    for s in SUB_TABLES.iter().filter(|s| names(&s.basis, c)) {
        let rows: Vec<&str> = s.row_defs().iter().map(|r| r.label).collect();
        out.push((
            format!("表二“{}”（{}）", s.anchor, rows.join("、")),
            s.basis.note,
        ));
    }
    for g in GROUPS.iter().filter(|g| names(&g.basis, c)) {
        out.push((format!("表三“{}”", g.label), g.basis.note));
    }
    for r in ROWS
        .iter()
        .filter(|r| r.table != TableId::Active && Format::Y2021.has(r.id))
    {
        if names(&r.basis, c) && !out.iter().any(|(_, note)| *note == r.basis.note) {
            let place = match r.table {
                TableId::Appeals => "表四".to_string(),
                _ => format!("表三“{}”", r.label),
            };
            out.push((place, r.basis.note));
        }
    }
    out
}

/// What a label stands for, where it comes from, and the template text when it was written otherwise.
fn label_markdown(text: &str, report: &ReportAnalysis, label: &LabelHit, locale: Locale) -> String {
    let model = &report.report;
    let zh = locale == Locale::Zh;
    let (title, basis): (String, Option<&Basis>) = match label.kind {
        LabelKind::Title => return title(text, report, label, locale),
        LabelKind::Section(i) => match SECTIONS.get(i) {
            Some(s) if zh => (
                format!("**{}** · 报告第{}部分", s.heading(), s.numeral),
                Some(&s.basis),
            ),
            Some(s) => (
                format!("**{}** · {}", s.heading(), s.title_en),
                Some(&s.basis),
            ),
            None => return String::new(),
        },
        LabelKind::Anchor(i) => match model.active_format.sub_tables().get(i) {
            Some(s) => (
                format!("**{}** · {}", s.anchor, table_name(TableId::Active, zh)),
                Some(&s.basis),
            ),
            None => return String::new(),
        },
        LabelKind::Row(r) => match ROWS.get(r) {
            Some(row) if zh => (
                format!("**{}** · {}", row.label, table_name(row.table, zh)),
                Some(&row.basis),
            ),
            Some(row) => (
                format!(
                    "**{}** ({}) · {}",
                    row.label,
                    row.label_en,
                    table_name(row.table, zh)
                ),
                Some(&row.basis),
            ),
            None => return String::new(),
        },
        LabelKind::Group(g) => match GROUPS.get(g) {
            Some(group) => (
                format!(
                    "**{}** · {}",
                    group.label,
                    table_name(TableId::Requests, zh)
                ),
                Some(&group.basis),
            ),
            None => return String::new(),
        },
        LabelKind::Header(table) => (
            format!("**{}** · {}", label.canonical, table_name(table, zh)),
            header_basis(model, table, label),
        ),
    };
    let mut parts = vec![title];
    if !label.exact {
        let written = text.get(label.span.clone()).unwrap_or_default();
        parts.push(if zh {
            format!(
                "此处写作“{written}”，与模板不一致；模板写法：“{}”",
                label.canonical
            )
        } else {
            format!(
                "Written “{written}”, which differs from the template: “{}”",
                label.canonical
            )
        });
    }
    if label.kind == LabelKind::Header(TableId::Requests) && label.canonical.contains("勾稽关系")
    {
        parts.push(if zh {
            "即：一、本年新收 + 二、上年结转 = 三、本年度办理结果（七）总计 + 四、结转下年度继续办理（每一列分别成立）。".to_string()
        } else {
            "That is: I. new + II. carried over = III. (7) total + IV. carried forward, in every column.".to_string()
        });
    }
    if let Some(basis) = basis {
        parts.push(explain(basis, locale));
    }
    parts.join("\n\n")
}

fn table_name(table: TableId, zh: bool) -> &'static str {
    if zh { table.name() } else { table.name_en() }
}

/// The basis of a column header: its column (or the column group it heads); in 表二, the sub-table
/// whose anchor precedes it.
fn header_basis<'a>(model: &Report, table: TableId, label: &LabelHit) -> Option<&'a Basis> {
    let text = label.canonical;
    match table {
        TableId::Active => model
            .anchors
            .iter()
            .rev()
            .find(|(_, span)| span.start <= label.span.start)
            .and_then(|(i, _)| model.active_format.sub_tables().get(*i))
            .map(|s| &s.basis),
        TableId::Requests => REQUEST_COLUMNS
            .iter()
            .find(|c| c.label == text || c.groups.contains(&text))
            .map(|c| &c.basis),
        TableId::Appeals => APPEALS_COLUMNS
            .iter()
            .find(|c| c.label == text || c.groups.contains(&text))
            .map(|c| &c.basis),
    }
}

/// The title: which parts of the report were found, and how many problems.
fn title(text: &str, report: &ReportAnalysis, label: &LabelHit, locale: Locale) -> String {
    let written = text
        .get(label.span.clone())
        .unwrap_or_default()
        .trim_start_matches('#')
        .trim();
    let model = &report.report;
    let missing: Vec<String> = SECTIONS
        .iter()
        .enumerate()
        .filter(|(i, _)| model.section(*i).is_none())
        .map(|(_, s)| s.heading())
        .collect();
    let (found, problems) = (SECTIONS.len() - missing.len(), report.findings.len());
    let mut out = match locale {
        Locale::Zh => format!(
            "**{written}**\n\n政府信息公开工作年度报告：{found}/6 个部分，{problems} 个问题。"
        ),
        Locale::En => {
            format!("**{written}**\n\nAnnual report: {found} of 6 sections, {problems} problems.")
        }
    };
    if let Some(agency) = &report.identity.agency {
        let lead = if locale == Locale::Zh {
            "报告机关："
        } else {
            "Agency: "
        };
        out.push_str(&format!("\n\n{lead}{}", agency.name));
    }
    out.push_str(&template_used(model, report.identity.year, locale));
    if !missing.is_empty() {
        let lead = if locale == Locale::Zh {
            "缺少："
        } else {
            "Missing: "
        };
        out.push_str(&format!("\n\n{lead}{}", missing.join("、")));
    }
    out
}

/// Which template the report was checked against (per table when 表二 and 表三 differ).
fn template_used(model: &Report, identity_year: Option<u16>, locale: Locale) -> String {
    let zh = locale == Locale::Zh;
    let name = |f: Format| if zh { f.name() } else { f.name_en() };
    let year = match (identity_year, zh) {
        (Some(y), true) => format!("{y} 年度报告，"),
        (Some(y), false) => format!("Report on {y}; "),
        (None, _) => String::new(),
    };
    if model.active_format == model.format {
        if zh {
            format!("\n\n{year}按{}核对。", name(model.format))
        } else {
            format!("\n\n{year}checked against {}.", name(model.format))
        }
    } else if zh {
        format!(
            "\n\n{year}表二按{}核对，表三按{}核对。",
            name(model.active_format),
            name(model.format)
        )
    } else {
        format!(
            "\n\n{year}Table 2 checked against {}, Table 3 against {}.",
            name(model.active_format),
            name(model.format)
        )
    }
}
