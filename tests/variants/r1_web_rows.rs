//! R1 web rows, as a public page archive renders published HTML tables (web-longgang, web-yangling,
//! web-ql, web-xuwen): `label | n | … |` without a leading pipe; `| |||` fillers where headers were
//! merged; 表二 rows whose closing `|` falls on the next line (web-ql); 表三's group label in its own
//! cell before the group's first row (`三、本年度办理结果 | (一)予以公开 | 7 | …`) and the group's
//! later rows led by empty cells (`| | 2.其他法律行政法规禁止公开 | …`, web-xuwen). The archive folds
//! full-width punctuation to ASCII, as the example already is.

use super::example::{Example, Row};
use super::{Doc, Mark, Variant};

pub fn generate(example: &Example) -> Variant {
    let ex = example.clone();
    let mut d = Doc::new("\n");
    for l in &ex.before {
        d.line(l);
    }
    super::sections(&mut d, &ex, |d, i| match i {
        1 => active(d, &ex),
        2 => requests(d, &ex),
        3 => appeals(d, &ex),
        _ => {}
    });
    Variant::plain(d.finish(), ex)
}

/// Writes cells separated by ` | `, then `end`, then ends the line.
fn cells<'a>(d: &mut Doc, cells: impl IntoIterator<Item = (Mark, &'a str)>, end: &str) {
    for (i, (mark, text)) in cells.into_iter().enumerate() {
        if i > 0 {
            d.put(" | ");
        }
        d.mark(mark, text);
    }
    d.put(end).nl();
}

fn figures(r: &Row) -> impl Iterator<Item = (Mark, &str)> {
    let id = r.id;
    (r.values.iter().enumerate()).map(move |(c, v)| (Mark::Cell(id, c), v.as_str()))
}

fn active(d: &mut Doc, ex: &Example) {
    for t in &ex.active {
        cells(d, [(Mark::Header, t.anchor.text.as_str())], " | |||");
        let wide = t.header.len() == 4;
        let filler = if wide { " |" } else { " | ||" };
        cells(
            d,
            t.header.iter().map(|h| (Mark::Header, h.text.as_str())),
            filler,
        );
        for r in &t.rows {
            let row = std::iter::once((Mark::Label(r.id), r.label.as_str())).chain(figures(r));
            // web-ql: a full-width row's closing pipe on the next line.
            cells(d, row, if wide { "\n|" } else { filler });
        }
    }
}

fn requests(d: &mut Doc, ex: &Example) {
    let h: Vec<&str> = ex.requests_header.iter().map(|h| h.text.as_str()).collect();
    cells(d, h[..2].iter().map(|&t| (Mark::Header, t)), " | ||||||||");
    cells(d, h[2..5].iter().map(|&t| (Mark::Header, t)), " | |||||||");
    // The archive joins a cell's two paragraphs with a space: 商业 企业, 科研 机构.
    let orgs = h[5..].iter().map(|&t| match t {
        "商业企业" => "商业 企业",
        "科研机构" => "科研 机构",
        _ => t,
    });
    cells(d, orgs.map(|t| (Mark::Header, t)), " | |||||");
    for r in &ex.requests {
        // Rows inside 三、本年度办理结果 after its first lead with one empty cell, rows inside a
        // sub-group after its first with two.
        let lead = match r.id {
            9 | 29 => "| ",
            11..=17 | 19 | 20 | 22..=25 | 27 | 28 => "| | ",
            10 | 18 | 21 | 26 => "| ",
            _ => "",
        };
        d.put(lead);
        let groups = r.groups.iter().map(|g| (Mark::Group, g.as_str()));
        let label = std::iter::once((Mark::Label(r.id), r.label.as_str()));
        cells(d, groups.chain(label).chain(figures(r)), " |");
    }
}

fn appeals(d: &mut Doc, ex: &Example) {
    let h: Vec<&str> = ex.appeals_header.iter().map(|h| h.text.as_str()).collect();
    cells(
        d,
        h[..2].iter().map(|&t| (Mark::Header, t)),
        " | |||||||||||||",
    );
    cells(d, h[2..9].iter().map(|&t| (Mark::Header, t)), " | ||||||||");
    cells(d, h[9..].iter().map(|&t| (Mark::Header, t)), " |");
    let values = ex.appeals.iter().enumerate();
    cells(
        d,
        values.map(|(c, v)| (Mark::Cell(31, c), v.as_str())),
        " |",
    );
}
