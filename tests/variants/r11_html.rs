//! R11 HTML as published, as pingtan-2023.html is served: the whole article on one physical line,
//! headings as `<p><strong>` with `&nbsp;`, every cell's text in `<p>`, merged cells as colspan /
//! rowspan, a long label in two `<p>` paragraphs, headers broken by `<br/>`. [`browser_copy`] is the
//! same page as a browser's select-all and copy gives it (pingtan-2023.browser.txt): a table row per
//! line, cells separated by tabs, a cell's paragraphs on separate lines, blank lines between paragraphs.

use super::example::Example;
use super::{Doc, Mark, TITLE, Variant};

/// A table cell: its attributes, its paragraphs (or lines within one paragraph, with `br`).
struct Td {
    attrs: String,
    lines: Vec<String>,
    br: bool,
    mark: Mark,
}

enum Block {
    /// A paragraph; headings are bold, and 一、总体情况 is padded with `&nbsp;` as published.
    P {
        text: String,
        mark: Option<Mark>,
        strong: bool,
        nbsp: bool,
    },
    Table(Vec<Vec<Td>>),
}

fn td(mark: Mark, text: &str) -> Td {
    Td {
        attrs: String::new(),
        lines: vec![text.to_string()],
        br: false,
        mark,
    }
}

impl Td {
    fn attrs(mut self, attrs: &str) -> Td {
        self.attrs = attrs.to_string();
        self
    }

    /// A header broken in two lines with `<br/>` (`结果<br/>纠正`), or a label in two paragraphs.
    fn split(mut self, chars: usize, br: bool) -> Td {
        let text = self.lines.remove(0);
        let cut = text
            .char_indices()
            .nth(chars)
            .map_or(text.len(), |(i, _)| i);
        self.lines = vec![text[..cut].to_string(), text[cut..].to_string()];
        self.br = br;
        self
    }
}

pub fn published(example: &Example) -> Variant {
    let ex = example.clone();
    let mut d = Doc::new("\n");
    d.put("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    d.put(TITLE)
        .put("</title></head>\n<body>\n<div>")
        .put(TITLE)
        .put("</div>\n<div>");
    for block in blocks(&ex) {
        match block {
            Block::P {
                text,
                mark,
                strong,
                nbsp,
            } => {
                d.put(if strong { "<p><strong>" } else { "<p>" });
                d.put(if nbsp { "&nbsp;" } else { "" });
                match mark {
                    Some(m) => d.mark(m, &text),
                    None => d.put(&text),
                };
                d.put(if strong { "</strong>" } else { "" });
                d.put(if nbsp { "&nbsp;</p>" } else { "</p>" });
            }
            Block::Table(rows) => {
                d.put("<table border=\"1\"><tbody>");
                for row in rows {
                    d.put("<tr>");
                    for cell in row {
                        d.put("<td").put(&cell.attrs).put(">");
                        let start = d.text.len() + "<p>".len();
                        let sep = if cell.br { "<br/>" } else { "</p><p>" };
                        d.put("<p>").put(&cell.lines.join(sep));
                        let end = d.text.len();
                        d.mark_from(cell.mark, start, end);
                        d.put("</p></td>");
                    }
                    d.put("</tr>");
                }
                d.put("</tbody></table>");
            }
        }
    }
    d.put("<p>&nbsp;</p></div>\n</body></html>\n");
    Variant {
        exact_spans: true,
        ..Variant::plain(d, ex)
    }
}

pub fn browser_copy(example: &Example) -> Variant {
    let ex = example.clone();
    let mut d = Doc::new("\n");
    d.line(TITLE).nl().nl();
    for block in blocks(&ex) {
        match block {
            Block::P {
                text, mark, nbsp, ..
            } => {
                d.put(if nbsp { "\u{a0}" } else { "" });
                match mark {
                    Some(m) => d.mark(m, &text),
                    None => d.put(&text),
                };
                d.put(if nbsp { "\u{a0}" } else { "" }).nl().nl();
            }
            Block::Table(rows) => {
                for row in rows {
                    for (i, cell) in row.iter().enumerate() {
                        d.put(if i > 0 { "\t" } else { "" });
                        let lines: Vec<&str> = cell.lines.iter().map(String::as_str).collect();
                        d.mark_lines(cell.mark, &lines);
                    }
                    d.nl();
                }
                d.nl();
            }
        }
    }
    d.line("\u{a0}");
    Variant::plain(d, ex)
}

fn blocks(ex: &Example) -> Vec<Block> {
    let mut out = Vec::new();
    for (i, s) in ex.sections.iter().enumerate() {
        let (mark, strong, nbsp) = (Some(Mark::Heading(i)), true, i == 0);
        out.push(Block::P {
            text: s.heading.clone(),
            mark,
            strong,
            nbsp,
        });
        match i {
            1 => out.push(Block::Table(active(ex))),
            2 => out.push(Block::Table(requests(ex))),
            3 => out.push(Block::Table(appeals(ex))),
            _ => {}
        }
        for p in s.prose.iter().filter(|p| !p.is_empty()) {
            out.push(Block::P {
                text: p.clone(),
                mark: None,
                strong: false,
                nbsp: false,
            });
        }
    }
    out
}

fn active(ex: &Example) -> Vec<Vec<Td>> {
    let mut rows = Vec::new();
    for t in &ex.active {
        rows.push(vec![
            td(Mark::Header, &t.anchor.text).attrs(" colspan=\"4\""),
        ]);
        let wide = if t.header.len() == 4 {
            ""
        } else {
            " colspan=\"3\""
        };
        let mut header = vec![td(Mark::Header, &t.header[0].text)];
        header.extend(
            t.header[1..]
                .iter()
                .map(|h| td(Mark::Header, &h.text).attrs(wide)),
        );
        rows.push(header);
        for r in &t.rows {
            let mut row = vec![td(Mark::Label(r.id), &r.label)];
            let values = r.values.iter().enumerate();
            row.extend(values.map(|(c, v)| td(Mark::Cell(r.id, c), v).attrs(wide)));
            rows.push(row);
        }
    }
    rows
}

fn requests(ex: &Example) -> Vec<Vec<Td>> {
    let h: Vec<Td> = ex
        .requests_header
        .iter()
        .map(|h| td(Mark::Header, &h.text))
        .collect();
    let mut h = h.into_iter();
    let mut next = |attrs: &str| h.next().expect("a header").attrs(attrs);
    let mut rows = vec![
        vec![next(" colspan=\"3\" rowspan=\"3\""), next(" colspan=\"7\"")],
        vec![
            next(" rowspan=\"2\""),
            next(" colspan=\"5\""),
            next(" rowspan=\"2\""),
        ],
        vec![
            next("").split(2, false),
            next("").split(2, false),
            next(""),
            next(""),
            next(""),
        ],
    ];
    for (k, r) in ex.requests.iter().enumerate() {
        let mut row = Vec::new();
        for g in &r.groups {
            // A sub-group spans its rows up to the next group or （七）总计; 三、 spans （一）…（七）.
            let later = ex.requests[k + 1..].iter();
            let own = 1 + later
                .take_while(|n| n.groups.is_empty() && n.id != 29)
                .count();
            let span = if g.starts_with("三、") { 22 } else { own };
            row.push(td(Mark::Group, g).attrs(&format!(" rowspan=\"{span}\"")));
        }
        let label = td(Mark::Label(r.id), &r.label);
        row.push(match r.id {
            6 | 7 | 30 => label.attrs(" colspan=\"3\""),
            8 | 29 => label.attrs(" colspan=\"2\""),
            9 => label.attrs(" colspan=\"2\"").split(14, false),
            _ => label,
        });
        let values = r.values.iter().enumerate();
        row.extend(values.map(|(c, v)| td(Mark::Cell(r.id, c), v)));
        rows.push(row);
    }
    rows
}

fn appeals(ex: &Example) -> Vec<Vec<Td>> {
    let header = |i: usize, attrs: &str| {
        let text = &ex.appeals_header[i].text;
        let cell = td(Mark::Header, text).attrs(attrs);
        if i > 2 && text.chars().count() == 4 {
            cell.split(2, true)
        } else {
            cell
        }
    };
    let two = " rowspan=\"2\"";
    let mut second: Vec<Td> = (2..7).map(|i| header(i, two)).collect();
    second.extend([header(7, " colspan=\"5\""), header(8, " colspan=\"5\"")]);
    let values = ex.appeals.iter().enumerate();
    vec![
        vec![header(0, " colspan=\"5\""), header(1, " colspan=\"10\"")],
        second,
        (9..19).map(|i| header(i, "")).collect(),
        values.map(|(c, v)| td(Mark::Cell(31, c), v)).collect(),
    ]
}
