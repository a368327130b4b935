//! The example report as a `.docx` drafted on the national template: the title, headings and prose
//! as paragraphs, and each statistical table as one Word table on the template's grid, merged as the
//! template merges it — 表二 on 4 grid columns (anchors across the table, a single-figure column
//! spanning 3), 表三 on 10 (a corner note over 3 columns and the 3 header rows, group labels merged
//! down their rows), 表四 on 15 (its headers over 3 rows). The texts are the example's as written.

use std::io::Write;

use ogi_lsp::template::{
    GROUP_RESULTS, REQUEST_COLUMNS, REQUESTS_FIRST_OUTCOME, REQUESTS_NEW, REQUESTS_TOTAL, ROWS,
    SUB_TABLES,
};

use super::example::Example;

/// Grid columns of each table: 表二's label and three figures; 表三's three label columns and seven
/// figures; 表四's fifteen figures.
pub const ACTIVE_GRID: usize = 4;
pub const REQUESTS_GRID: usize = 3 + REQUEST_COLUMNS.len();
pub const APPEALS_GRID: usize = 15;
/// Header rows of 表三 above its first row (一、本年新收…).
pub const REQUESTS_HEADER_ROWS: u32 = 3;

/// The 1-based row of the `.docx`'s 表三 (its second table) that holds template row `id`.
pub fn requests_row(id: usize) -> u32 {
    REQUESTS_HEADER_ROWS + (id - REQUESTS_NEW) as u32 + 1
}

/// How a cell takes part in a vertical merge (`w:vMerge`).
#[derive(Clone, Copy, PartialEq)]
enum Merge {
    No,
    Restart,
    Continue,
}

struct Cell {
    text: String,
    span: usize,
    merge: Merge,
}

fn cell(text: &str) -> Cell {
    Cell {
        text: text.to_string(),
        span: 1,
        merge: Merge::No,
    }
}

impl Cell {
    fn span(mut self, span: usize) -> Cell {
        self.span = span;
        self
    }

    fn merge(mut self, merge: Merge) -> Cell {
        self.merge = merge;
        self
    }
}

/// A cell continuing the vertical merge above it (Word writes it empty).
fn below(span: usize) -> Cell {
    cell("").span(span).merge(Merge::Continue)
}

enum Block {
    Paragraph(String),
    Table { grid: usize, rows: Vec<Vec<Cell>> },
}

/// The `.docx` file of `ex`, headed by `title`.
pub fn render(ex: &Example, title: &str) -> Vec<u8> {
    let mut blocks = vec![Block::Paragraph(title.to_string())];
    blocks.extend(ex.before.iter().map(|l| Block::Paragraph(l.clone())));
    for (i, section) in ex.sections.iter().enumerate() {
        blocks.push(Block::Paragraph(section.heading.clone()));
        match i {
            1 => blocks.push(Block::Table {
                grid: ACTIVE_GRID,
                rows: active(ex),
            }),
            2 => blocks.push(Block::Table {
                grid: REQUESTS_GRID,
                rows: requests(ex),
            }),
            3 => blocks.push(Block::Table {
                grid: APPEALS_GRID,
                rows: appeals(ex),
            }),
            _ => {}
        }
        blocks.extend(section.prose.iter().map(|p| Block::Paragraph(p.clone())));
    }
    package(&document_xml(&blocks))
}

/// 表二: per sub-table an anchor row across the table, a header row and its rows; a sub-table with
/// one figure column spans it over the three figure columns.
fn active(ex: &Example) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for (t, def) in ex.active.iter().zip(&SUB_TABLES) {
        let span = (ACTIVE_GRID - 1) / def.columns.len();
        rows.push(vec![cell(&t.anchor.text).span(ACTIVE_GRID)]);
        let mut header = vec![cell(&t.header[0].text)];
        header.extend(t.header[1..].iter().map(|h| cell(&h.text).span(span)));
        rows.push(header);
        for r in &t.rows {
            let mut row = vec![cell(&r.label)];
            row.extend(r.values.iter().map(|v| cell(v).span(span)));
            rows.push(row);
        }
    }
    rows
}

/// 表三: three header rows under a corner note, then 25 rows whose group labels (三、本年度办理结果
/// and （三）–（六）) are cells merged down the rows they head.
fn requests(ex: &Example) -> Vec<Vec<Cell>> {
    let h: Vec<&str> = ex.requests_header.iter().map(|c| c.text.as_str()).collect();
    let organisations = REQUEST_COLUMNS
        .iter()
        .filter(|c| c.groups.len() == 2)
        .count();
    let mut rows = vec![
        vec![
            cell(h[0]).span(3).merge(Merge::Restart),
            cell(h[1]).span(REQUEST_COLUMNS.len()),
        ],
        vec![
            below(3),
            cell(h[2]).merge(Merge::Restart),
            cell(h[3]).span(organisations),
            cell(h[4]).merge(Merge::Restart),
        ],
    ];
    let mut third = vec![below(3), below(1)];
    third.extend(h[5..5 + organisations].iter().map(|t| cell(t)));
    third.push(below(1));
    rows.push(third);

    let mut group = None;
    for r in &ex.requests {
        let mut row = Vec::new();
        if (REQUESTS_FIRST_OUTCOME..=REQUESTS_TOTAL).contains(&r.id) {
            row.push(if r.id == REQUESTS_FIRST_OUTCOME {
                cell(&r.groups[0]).merge(Merge::Restart)
            } else {
                below(1)
            });
        }
        let parent = ROWS[r.id].parent.filter(|&g| g != GROUP_RESULTS);
        if let Some(g) = parent {
            row.push(if group == Some(g) {
                below(1)
            } else {
                let text = r.groups.last().expect("a sub-group's first row names it");
                cell(text).merge(Merge::Restart)
            });
        }
        group = parent;
        let label_span = 3 - row.len();
        row.push(cell(&r.label).span(label_span));
        row.extend(r.values.iter().map(|v| cell(v)));
        rows.push(row);
    }
    rows
}

/// 表四: 行政复议 over five columns and 行政诉讼 over ten; 行政复议's column labels merged over the
/// second and third header rows, beside 未经复议直接起诉 and 复议后起诉 (five columns each) and their
/// labels; then the figures.
fn appeals(ex: &Example) -> Vec<Vec<Cell>> {
    let h: Vec<&str> = ex.appeals_header.iter().map(|c| c.text.as_str()).collect();
    let mut second: Vec<Cell> = h[2..7]
        .iter()
        .map(|t| cell(t).merge(Merge::Restart))
        .collect();
    second.extend([cell(h[7]).span(5), cell(h[8]).span(5)]);
    let mut third: Vec<Cell> = (0..5).map(|_| below(1)).collect();
    third.extend(h[9..].iter().map(|t| cell(t)));
    vec![
        vec![cell(h[0]).span(5), cell(h[1]).span(10)],
        second,
        third,
        ex.appeals.iter().map(|v| cell(v)).collect(),
    ]
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn paragraph(text: &str) -> String {
    if text.is_empty() {
        return "<w:p/>".to_string();
    }
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        escape(text)
    )
}

/// Twentieths of a point across the text block of an A4 page with 2 cm margins.
const TEXT_WIDTH: usize = 9638;

fn table(grid: usize, rows: &[Vec<Cell>]) -> String {
    let column = TEXT_WIDTH / grid;
    let mut xml = String::from(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#,
    );
    for _ in 0..grid {
        xml.push_str(&format!(r#"<w:gridCol w:w="{column}"/>"#));
    }
    xml.push_str("</w:tblGrid>");
    for row in rows {
        assert_eq!(
            row.iter().map(|c| c.span).sum::<usize>(),
            grid,
            "every row fills the grid"
        );
        xml.push_str("<w:tr>");
        for c in row {
            xml.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>"#,
                column * c.span
            ));
            if c.span > 1 {
                xml.push_str(&format!(r#"<w:gridSpan w:val="{}"/>"#, c.span));
            }
            match c.merge {
                Merge::No => {}
                Merge::Restart => xml.push_str(r#"<w:vMerge w:val="restart"/>"#),
                Merge::Continue => xml.push_str("<w:vMerge/>"),
            }
            xml.push_str("</w:tcPr>");
            xml.push_str(&paragraph(&c.text));
            xml.push_str("</w:tc>");
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

fn document_xml(blocks: &[Block]) -> String {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Paragraph(text) => body.push_str(&paragraph(text)),
            Block::Table { grid, rows } => body.push_str(&table(*grid, rows)),
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELATIONSHIPS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// The OPC package Word and LibreOffice open: content types, the package relationship to the main
/// part, and the main part.
fn package(document: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELATIONSHIPS),
        ("word/document.xml", document),
    ] {
        zip.start_file(name, options).expect("a zip entry");
        zip.write_all(text.as_bytes()).expect("zip data");
    }
    zip.finish().expect("the zip directory");
    out
}
