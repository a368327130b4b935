//! R4 PDF text, as pypdf and pdf-extract give huaian-city-2024's tables: one row per line, `label n n …`;
//! long labels wrapped over two to four lines with the figures on the last line or on a line of their
//! own; 三、本年度办理结果 standing vertically, one character per line; group labels broken before
//! their first row (`(三)不` / `予公开`); `1、` numbering; headers cut into fragments (`商 业 企` / `业`,
//! `结 果` / `维持`); 表四 as one run of 15 figures; a page number and a running header between rows.
//!
//! [`pypdf`] ends each line with one line break; [`pdf_extract`] leaves an empty line after each, and
//! indents the row after the vertical label, as that crate does.

use super::example::{Example, Row};
use super::{Doc, Mark, Variant};

/// The page header the PDF repeats at the top of each page (the agency, not the title).
pub const RUNNING_HEADER: &str = "东胜区行政审批政务服务与数据管理局";

pub fn pypdf(example: &Example) -> Variant {
    render(example, "\n", false)
}

pub fn pdf_extract(example: &Example) -> Variant {
    render(example, "\n\n", true)
}

fn render(example: &Example, newline: &'static str, indent: bool) -> Variant {
    let ex = example.clone();
    let mut d = Doc::new(newline);
    for l in ex.before.iter().filter(|l| !l.is_empty()) {
        d.line(l);
    }
    super::sections(&mut d, &ex, |d, i| match i {
        1 => active(d, &ex),
        2 => requests(d, &ex, indent),
        3 => appeals(d, &ex),
        _ => {}
    });
    Variant::plain(d.finish(), ex)
}

/// `s` cut after each of `widths` characters (the rest is the last piece).
fn wrap<'a>(s: &'a str, widths: &[usize]) -> Vec<&'a str> {
    let mut pieces = Vec::new();
    let mut rest = s;
    for &w in widths {
        let cut = rest.char_indices().nth(w).map_or(rest.len(), |(i, _)| i);
        pieces.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    pieces.push(rest);
    pieces
}

fn spaced(s: &str) -> String {
    s.chars().map(String::from).collect::<Vec<_>>().join(" ")
}

/// A column header as a narrow PDF cell breaks it.
fn fragments(h: &str) -> Vec<String> {
    let two = |a: &str, b: &str| vec![a.to_string(), b.to_string()];
    match h {
        "商业企业" => two("商 业 企", "业"),
        "科研机构" => two("科研机", "构"),
        "社会公益组织" => two("社 会 公 益", "组织"),
        "法律服务机构" => two("法 律 服 务", "机构"),
        "其他结果" => two("其 他 结", "果"),
        "结果维持" | "结果纠正" | "尚未审结" => {
            let (a, b) = h.split_at(h.char_indices().nth(2).map_or(0, |(i, _)| i));
            vec![spaced(a), b.to_string()]
        }
        _ => vec![h.to_string()],
    }
}

/// A row: its label over `widths`-wrapped lines, then its figures on the label's last line or, with
/// `own_line`, on the next.
fn row(d: &mut Doc, r: &Row, label: &str, widths: &[usize], own_line: bool) {
    d.mark_lines(Mark::Label(r.id), &wrap(label, widths));
    for (col, v) in r.values.iter().enumerate() {
        if col > 0 || !own_line {
            d.put(" ");
        } else {
            d.nl();
        }
        d.mark(Mark::Cell(r.id, col), v);
    }
    d.nl();
}

fn active(d: &mut Doc, ex: &Example) {
    for (k, t) in ex.active.iter().enumerate() {
        d.mark(
            Mark::Header,
            &t.anchor.text.replacen("第二十条第", "第二十条 第", 1),
        );
        d.nl();
        if k == 2 {
            d.line("- 4 -");
        }
        let header: Vec<&str> = t.header.iter().map(|h| h.text.as_str()).collect();
        d.mark(Mark::Header, &header.join(" ")).nl();
        t.rows.iter().for_each(|r| row(d, r, &r.label, &[], false));
    }
}

fn requests(d: &mut Doc, ex: &Example, indent: bool) {
    let h = &ex.requests_header;
    let note = h[0].text.split_inclusive("之和,").collect::<Vec<_>>();
    d.mark_lines(Mark::Header, &note).nl();
    for item in &h[1..] {
        for f in fragments(&item.text) {
            d.mark(Mark::Header, &f).nl();
        }
    }
    for r in &ex.requests {
        let mut inline = "";
        for g in &r.groups {
            if g.starts_with("三、") {
                // Vertical: 三、 then one character per line.
                let (head, rest) = g.split_at("三、".len());
                d.mark(Mark::Group, head).nl();
                rest.chars().for_each(|c| {
                    d.mark(Mark::Group, c.encode_utf8(&mut [0; 4])).nl();
                });
            } else if g.starts_with("(四)") {
                inline = g;
            } else {
                d.mark_lines(Mark::Group, &wrap(g, &[4])).nl();
            }
        }
        if indent && r.id == 8 {
            d.put(" ");
        }
        if !inline.is_empty() {
            d.mark(Mark::Group, inline).put(" ");
        }
        let label = match r.label.split_once('.') {
            Some((n, rest)) if n.len() == 1 => format!("{n}、{rest}"),
            _ => r.label.clone(),
        };
        match r.id {
            9 => row(d, r, &label, &[11, 10, 5], false),
            25 => row(d, r, &label, &[14], false),
            26 => row(d, r, &label, &[14, 14], true),
            27 => row(d, r, &label, &[14, 14], false),
            _ => row(d, r, &label, &[], false),
        }
        if r.id == 17 {
            d.line("- 5 -").line(RUNNING_HEADER);
        }
    }
}

fn appeals(d: &mut Doc, ex: &Example) {
    let h = &ex.appeals_header;
    d.mark(Mark::Header, &format!("{} {}", h[0].text, h[1].text))
        .nl();
    for item in &h[2..7] {
        fragments(&item.text).iter().for_each(|f| {
            d.mark(Mark::Header, f).nl();
        });
    }
    d.mark(Mark::Header, &format!("{} {}", h[7].text, h[8].text))
        .nl();
    for item in &h[9..] {
        fragments(&item.text).iter().for_each(|f| {
            d.mark(Mark::Header, f).nl();
        });
    }
    for (col, v) in ex.appeals.iter().enumerate() {
        if col > 0 {
            d.put(" ");
        }
        d.mark(Mark::Cell(31, col), v);
    }
    d.nl();
}
