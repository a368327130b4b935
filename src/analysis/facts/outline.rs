//! The outline of a report: the report, its sections, and the tables inside them (表二 split into its
//! sub-tables by anchor). Every child's range lies inside its parent's, and every selection inside its
//! range, as document symbols require.

use super::{OutlineItem, OutlineKind, Span, line_end, table_bodies};
use crate::analysis::ReportAnalysis;
use crate::template::TableId;

pub fn outline(segment_text: &str, report: &ReportAnalysis) -> Vec<OutlineItem> {
    let model = &report.report;
    let whole = 0..segment_text.trim_end().len();
    let name_of = |s: &Span| {
        segment_text
            .get(s.clone())
            .unwrap_or_default()
            .trim_start_matches('#')
            .trim()
            .to_string()
    };
    let mut sections: Vec<OutlineItem> = model
        .sections
        .iter()
        .map(|s| {
            let range = clamp(&s.extent, &whole);
            OutlineItem {
                detail: None,
                name: name_of(&s.heading),
                kind: OutlineKind::Section,
                selection: clamp(&s.heading, &range),
                range,
                children: Vec::new(),
            }
        })
        .collect();
    let mut loose = Vec::new();
    for (table, body) in table_bodies(model) {
        let mut item = OutlineItem {
            detail: None,
            name: table_title(table).to_string(),
            kind: OutlineKind::Table,
            range: body.clone(),
            selection: body.start..line_end(segment_text, body.start).min(body.end),
            children: Vec::new(),
        };
        if table == TableId::Active {
            item.children = sub_tables(report, &body, &name_of);
            if let Some(first) = item.children.first() {
                item.selection = first.selection.clone();
            }
        }
        match sections
            .iter_mut()
            .find(|s| s.range.start <= body.start && body.start < s.range.end)
        {
            Some(section) => section.children.push(nest(item, &section.range)),
            None => loose.push(item),
        }
    }
    let selection = model
        .title
        .clone()
        .or_else(|| model.sections.first().map(|s| s.heading.clone()))
        .unwrap_or(0..0);
    let name = match &model.title {
        Some(t) => super::plain_title(segment_text.get(t.clone()).unwrap_or_default()),
        None => "政府信息公开工作年度报告".to_string(),
    };
    let mut children: Vec<OutlineItem> = loose
        .into_iter()
        .chain(sections)
        .map(|c| nest(c, &whole))
        .collect();
    children.sort_by_key(|c| c.range.start);
    let report = OutlineItem {
        detail: super::identity_text(&report.identity),
        name,
        kind: OutlineKind::Report,
        selection: clamp(&selection, &whole),
        range: whole,
        children,
    };
    // An analysis of other text (a client racing an edit) gives no outline rather than a wrong one.
    if valid(segment_text, &report) {
        vec![report]
    } else {
        Vec::new()
    }
}

fn valid(text: &str, item: &OutlineItem) -> bool {
    text.get(item.range.clone()).is_some()
        && text.get(item.selection.clone()).is_some()
        && item.children.iter().all(|c| valid(text, c))
}

fn table_title(table: TableId) -> &'static str {
    match table {
        TableId::Active => "表二 主动公开政府信息情况",
        TableId::Requests => "表三 收到和处理政府信息公开申请情况",
        TableId::Appeals => "表四 政府信息公开行政复议、行政诉讼情况",
    }
}

/// 表二's sub-tables: each from its anchor to the next anchor (or the end of the table).
fn sub_tables(
    report: &ReportAnalysis,
    body: &Span,
    name_of: &dyn Fn(&Span) -> String,
) -> Vec<OutlineItem> {
    let anchors: Vec<&(usize, Span)> = report
        .report
        .anchors
        .iter()
        .filter(|(_, s)| body.start <= s.start && s.end <= body.end)
        .collect();
    anchors
        .iter()
        .enumerate()
        .map(|(k, (index, span))| {
            let end = anchors.get(k + 1).map_or(body.end, |next| next.1.start);
            let rows = report
                .report
                .active_format
                .sub_tables()
                .get(*index)
                .map(|s| {
                    let labels: Vec<&str> = s.row_defs().iter().map(|r| r.label).collect();
                    format!("（{}）", labels.join("、"))
                })
                .unwrap_or_default();
            OutlineItem {
                detail: None,
                name: format!("{}{rows}", name_of(span)),
                kind: OutlineKind::Table,
                range: span.start..end.max(span.end),
                selection: span.clone(),
                children: Vec::new(),
            }
        })
        .collect()
}

/// `inner` cut to lie within `outer`.
fn clamp(inner: &Span, outer: &Span) -> Span {
    let start = inner.start.clamp(outer.start, outer.end);
    let end = inner.end.clamp(start, outer.end);
    start..end
}

/// An item and its children cut to lie within `outer`.
fn nest(mut item: OutlineItem, outer: &Span) -> OutlineItem {
    item.range = clamp(&item.range, outer);
    item.selection = clamp(&item.selection, &item.range);
    let range = item.range.clone();
    item.children = item.children.into_iter().map(|c| nest(c, &range)).collect();
    item
}
