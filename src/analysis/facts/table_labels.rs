//! Which labels of 表二 and 表三 completion offers, in what order: the element the template expects
//! after the last one written before the cursor first, then the rest in reading order, with the
//! elements the report already has last.

use super::completion::Context;
use super::{CompletionFact, CompletionKind, pinyin};
use crate::analysis::model::{LabelHit, LabelKind, Report};
use crate::template::{Format, GROUPS, ROWS, TableId, row_def};

/// Added to the rank of an element the report already has (unless it is the one expected next).
const PRESENT_PENALTY: u32 = 40;

/// An element of a table in reading order: a row, a 表三 group label or a 表二 anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Row(usize),
    Group(usize),
    Anchor(usize),
}

/// 表三 in reading order (in the format the report's 表三 follows): each group label before its first row.
fn requests_order(format: Format) -> Vec<Element> {
    let mut out = Vec::new();
    for row in format.rows(TableId::Requests).map(row_def) {
        let mut chain = Vec::new();
        let mut group = row.parent;
        while let Some(g) = group {
            chain.insert(0, g);
            group = GROUPS.get(g).and_then(|d| d.parent);
        }
        for g in chain {
            if !out.contains(&Element::Group(g)) {
                out.push(Element::Group(g));
            }
        }
        out.push(Element::Row(row.id));
    }
    out
}

/// Ranks in reading order starting from `expected`, which (with the elements `also` that precede it in
/// the text) comes first; elements the report already has sort after the rest.
fn ranked(
    order: &[Element],
    expected: Option<usize>,
    also: &[Element],
    present: impl Fn(Element) -> bool,
) -> Vec<(Element, u32)> {
    let start = expected.unwrap_or(0).min(order.len());
    let mut sequence: Vec<Element> = Vec::new();
    if let Some(e) = expected.and_then(|i| order.get(i)) {
        sequence.push(*e);
        sequence.extend_from_slice(also);
    }
    let rotated = order.iter().skip(start).chain(order.iter().take(start));
    for e in rotated {
        if !sequence.contains(e) {
            sequence.push(*e);
        }
    }
    let first = if expected.is_some() {
        1 + also.len()
    } else {
        0
    };
    sequence
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let penalty = if i >= first && present(e) {
                PRESENT_PENALTY
            } else {
                0
            };
            (e, i as u32 + penalty)
        })
        .collect()
}

/// Whether a group label was written between the last row and the cursor (it needs no suggesting).
fn written_between(model: &Report, e: Element, from: usize, to: usize) -> bool {
    let Element::Group(g) = e else { return false };
    model
        .labels
        .iter()
        .any(|l| l.kind == LabelKind::Group(g) && from <= l.span.start && l.span.end <= to)
}

fn last_label_before(
    model: &Report,
    offset: usize,
    wanted: impl Fn(LabelKind) -> bool,
) -> Option<&LabelHit> {
    model
        .labels
        .iter()
        .rev()
        .find(|l| l.span.end <= offset && wanted(l.kind))
}

pub fn requests(ctx: &Context, offset: usize) -> Vec<CompletionFact> {
    let format = ctx.model.format;
    let order = requests_order(format);
    let rows: Vec<usize> = format.rows(TableId::Requests).collect();
    let is_row = |k| matches!(k, LabelKind::Row(r) if rows.contains(&r));
    let last = last_label_before(ctx.model, offset, is_row);
    let last_end = last.map_or(0, |l| l.span.end);
    let expected_row = match last.map(|l| l.kind) {
        Some(LabelKind::Row(r)) => rows
            .iter()
            .position(|&x| x == r)
            .and_then(|p| rows.get(p + 1).copied()),
        _ => rows.first().copied(),
    };
    let expected = expected_row.and_then(|r| order.iter().position(|e| *e == Element::Row(r)));
    // The group labels that open the expected row's group stand just before it in the text.
    let also: Vec<Element> = expected
        .map(|p| {
            order
                .iter()
                .take(p)
                .rev()
                .take_while(|e| matches!(e, Element::Group(_)))
                .copied()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .rev()
        .filter(|e| !written_between(ctx.model, *e, last_end, offset))
        .collect();
    let has_group = |g| {
        ctx.model
            .labels
            .iter()
            .any(|l| l.kind == LabelKind::Group(g))
    };
    let present = |e| match e {
        Element::Row(r) => ctx.model.row(r).is_some(),
        Element::Group(g) => has_group(g),
        Element::Anchor(_) => false,
    };
    ranked(&order, expected, &also, present)
        .into_iter()
        .filter_map(|(e, rank)| match e {
            Element::Row(r) => ROWS
                .get(r)
                .map(|d| ctx.item(d.label, &d.basis, CompletionKind::Label, rank)),
            Element::Group(g) => GROUPS
                .get(g)
                .map(|d| ctx.item(d.label, &d.basis, CompletionKind::Label, rank)),
            Element::Anchor(_) => None,
        })
        .collect()
}

pub fn active(ctx: &Context, offset: usize) -> Vec<CompletionFact> {
    let sub_tables = ctx.model.active_format.sub_tables();
    let order: Vec<Element> = sub_tables
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            std::iter::once(Element::Anchor(i)).chain(s.rows.clone().map(Element::Row))
        })
        .collect();
    let wanted = |k| {
        matches!(k, LabelKind::Anchor(_))
            || matches!(k, LabelKind::Row(r) if ROWS.get(r).is_some_and(|d| d.table == TableId::Active))
    };
    let last = last_label_before(ctx.model, offset, wanted).map(|l| l.kind);
    let position = |k| match k {
        LabelKind::Anchor(i) => order.iter().position(|e| *e == Element::Anchor(i)),
        LabelKind::Row(r) => order.iter().position(|e| *e == Element::Row(r)),
        _ => None,
    };
    let expected = match last {
        Some(k) => position(k).map(|p| p + 1).filter(|&p| p < order.len()),
        None => Some(0),
    };
    let present = |e| match e {
        Element::Row(r) => ctx.model.row(r).is_some(),
        Element::Anchor(i) => ctx.model.anchors.iter().any(|(a, _)| *a == i),
        Element::Group(_) => false,
    };
    ranked(&order, expected, &[], present)
        .into_iter()
        .filter_map(|(e, rank)| match e {
            Element::Row(r) => ROWS
                .get(r)
                .map(|d| ctx.item(d.label, &d.basis, CompletionKind::Label, rank)),
            Element::Anchor(i) => sub_tables.get(i).map(|s| {
                let mut item = ctx.item(s.anchor, &s.basis, CompletionKind::Anchor, rank);
                for row in s.row_defs() {
                    let bare = pinyin::without_numbering(row.label);
                    item.filter_text.push_str(&format!(
                        " {} {} {}",
                        row.label,
                        pinyin::initials(bare),
                        pinyin::full(bare)
                    ));
                }
                item
            }),
            Element::Group(_) => None,
        })
        .collect()
}
