//! A `.docx` as text: each body paragraph a line, each table a Markdown pipe table that keeps the
//! grid of the document. A merged cell is written once, where it starts; the grid columns it covers
//! to its right (`w:gridSpan`) and the rows it covers below (`w:vMerge`) are written as empty cells,
//! so every figure stands in the column the template gives it — a `.docx` is read as exactly as
//! a Markdown table.

use std::io::{Cursor, Read};

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};

use super::{ExtractError, Kind, Origin, TextView};

/// WordprocessingML's namespace: the only elements read.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Markup compatibility: `mc:Fallback` repeats the content of `mc:Choice` for older readers.
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The part that holds the body.
const DOCUMENT: &str = "word/document.xml";

/// A body larger than this is not a report (a ZIP bomb, or a book): refused before it is inflated.
const MAX_DOCUMENT_BYTES: u64 = 256 << 20;

fn broken(reason: impl std::fmt::Display) -> ExtractError {
    ExtractError::Broken {
        kind: Kind::Docx,
        reason: reason.to_string(),
    }
}

pub fn text_view(bytes: &[u8]) -> Result<TextView, ExtractError> {
    let xml = document_xml(bytes)?;
    let mut walker = Walker::default();
    walker.walk(&xml)?;
    Ok(walker.view)
}

/// `word/document.xml` of the archive, as text.
fn document_xml(bytes: &[u8]) -> Result<String, ExtractError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(broken)?;
    let part = archive
        .by_name(DOCUMENT)
        .map_err(|e| broken(format!("{DOCUMENT}: {e}")))?;
    if part.size() > MAX_DOCUMENT_BYTES {
        return Err(broken(format!(
            "{DOCUMENT} inflates to {} bytes, more than a report can hold",
            part.size()
        )));
    }
    let mut xml = String::new();
    part.take(MAX_DOCUMENT_BYTES)
        .read_to_string(&mut xml)
        .map_err(|e| broken(format!("{DOCUMENT}: {e}")))?;
    Ok(xml)
}

/// A table cell being read: its text, how many grid columns it spans, and whether it continues a
/// vertical merge from the row above.
#[derive(Default)]
struct CellText {
    text: String,
    span: usize,
    continues: bool,
}

/// A table being read: its finished rows, and the row and cell open now.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<CellText>>,
    row: Option<Vec<CellText>>,
    cell: Option<CellText>,
}

/// Reads the body in document order. Only tables directly in the body become pipe tables; a table
/// nested in a cell adds its text to that cell.
#[derive(Default)]
struct Walker {
    view: TextView,
    /// The paragraph open in the body, if any.
    paragraph: Option<String>,
    /// Open tables, outermost first.
    tables: Vec<Table>,
    /// Top-level tables written so far.
    tables_written: u32,
    /// Inside `w:t`: its text is content (other elements' text, such as field codes, is not).
    in_text: bool,
    /// Inside `w:del` (a tracked deletion) or `mc:Fallback` (a copy of other content): nothing
    /// inside is content.
    skipped: usize,
    /// Paragraphs open: a text box's paragraphs sit inside the paragraph that anchors it.
    paragraphs: usize,
}

impl Walker {
    fn walk(&mut self, xml: &str) -> Result<(), ExtractError> {
        let mut reader = NsReader::from_str(xml);
        loop {
            let at = reader.buffer_position();
            let (ns, event) = reader
                .read_resolved_event()
                .map_err(|e| broken(format!("{DOCUMENT} after byte {at}: {e}")))?;
            let ours = matches!(ns, ResolveResult::Bound(Namespace(n)) if n == W);
            let fallback = matches!(ns, ResolveResult::Bound(Namespace(n)) if n == MC);
            match event {
                Event::Start(e) if fallback && e.local_name().as_ref() == "Fallback" => {
                    self.skipped += 1
                }
                Event::End(e) if fallback && e.local_name().as_ref() == "Fallback" => {
                    self.skipped = self.skipped.saturating_sub(1)
                }
                Event::Start(e) if ours => self.open(&e, false),
                Event::Empty(e) if ours => self.open(&e, true),
                Event::End(e) if ours => self.close(e.local_name().as_ref()),
                Event::Text(t) if self.in_text => self.push_text(&t.xml10_content()),
                Event::CData(t) if self.in_text => self.push_text(&t.xml10_content()),
                Event::GeneralRef(r) if self.in_text => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => predefined_entity(&r.xml10_content()),
                    };
                    if let Some(c) = c {
                        self.push_text(c.encode_utf8(&mut [0; 4]));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }

    fn open(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        match name.as_ref() {
            "del" if !empty => self.skipped += 1,
            // `<w:p/>`: an empty paragraph is an empty line, as `<w:p></w:p>` is.
            "p" if empty && self.paragraphs == 0 && self.tables.is_empty() => {
                self.view.push_line("", Origin::Text)
            }
            "p" if !empty => {
                self.paragraphs += 1;
                if self.paragraphs == 1 && self.tables.is_empty() {
                    self.paragraph = Some(String::new());
                } else {
                    // A second paragraph in a cell, or a text box's, continues the text.
                    self.separate_paragraph();
                }
            }
            "tbl" if !empty => self.tables.push(Table::default()),
            "tr" if !empty && self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                }
            }
            "tc" if !empty && self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = Some(CellText {
                        span: 1,
                        ..CellText::default()
                    });
                }
            }
            "gridSpan" if self.tables.len() == 1 => {
                let span = attribute(e, "val").and_then(|v| v.parse::<usize>().ok());
                if let (Some(span), Some(cell)) = (span, self.cell()) {
                    // Word's grid has at most 63 columns; a larger span is damage.
                    cell.span = span.clamp(1, 64);
                }
            }
            "vMerge" if self.tables.len() == 1 => {
                // `<w:vMerge/>` or `w:val="continue"` continues the cell above; `restart` starts one.
                let restart = attribute(e, "val").is_some_and(|v| v == "restart");
                if let Some(cell) = self.cell() {
                    cell.continues = !restart;
                }
            }
            "t" if !empty => self.in_text = true,
            "tab" => self.push_text("\t"),
            "br" | "cr" if self.skipped == 0 => self.line_break(),
            "noBreakHyphen" => self.push_text("-"),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "del" => self.skipped = self.skipped.saturating_sub(1),
            "t" => self.in_text = false,
            "p" => {
                self.paragraphs = self.paragraphs.saturating_sub(1);
                if self.paragraphs == 0
                    && self.tables.is_empty()
                    && let Some(p) = self.paragraph.take()
                {
                    self.view.push_line(&p, Origin::Text);
                }
            }
            "tc" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut()
                    && let (Some(row), Some(cell)) = (t.row.as_mut(), t.cell.take())
                {
                    row.push(cell);
                }
            }
            "tr" if self.tables.len() == 1 => {
                if let Some(t) = self.tables.last_mut()
                    && let Some(row) = t.row.take()
                {
                    t.rows.push(row);
                }
            }
            "tbl" => {
                if let Some(table) = self.tables.pop() {
                    if self.tables.is_empty() {
                        self.write_table(table);
                    } else {
                        // A nested table's text was added to the enclosing cell as it was read.
                        self.separate_paragraph();
                    }
                }
            }
            _ => {}
        }
    }

    /// The top-level table cell being read.
    fn cell(&mut self) -> Option<&mut CellText> {
        self.tables.first_mut().and_then(|t| t.cell.as_mut())
    }

    fn push_text(&mut self, text: &str) {
        if self.skipped > 0 {
            return;
        }
        if let Some(cell) = self.cell() {
            cell.text.push_str(text);
        } else if let Some(p) = self.paragraph.as_mut() {
            p.push_str(text);
        }
    }

    /// A line break in a paragraph ends a line of the view; in a cell it is a space (a cell is one
    /// table cell however it wraps).
    fn line_break(&mut self) {
        if self.tables.is_empty() {
            if let Some(p) = self.paragraph.as_mut() {
                let line = std::mem::take(p);
                self.view.push_line(&line, Origin::Text);
            }
        } else {
            self.separate_paragraph();
        }
    }

    /// Paragraphs in one cell: a label wrapped by hand over two paragraphs is one label, so Chinese
    /// text is joined directly; a space only separates two Latin words or figures.
    fn separate_paragraph(&mut self) {
        if self.skipped > 0 {
            return;
        }
        if let Some(cell) = self.cell()
            && cell
                .text
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            cell.text.push(' ');
        }
    }

    fn write_table(&mut self, table: Table) {
        self.tables_written += 1;
        let number = self.tables_written;
        let rows: Vec<Vec<String>> = table.rows.iter().map(|r| grid_row(r)).collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return;
        }
        // A pipe table stands apart from the paragraphs around it.
        self.view.push_line("", Origin::Text);
        for (i, cells) in rows.iter().enumerate() {
            let mut cells = cells.clone();
            cells.resize(width, String::new());
            let origin = Origin::TableRow {
                table: number,
                row: i as u32 + 1,
            };
            self.view.push_line(&pipe_row(&cells), origin);
            if i == 0 {
                self.view
                    .push_line(&pipe_row(&vec!["---".to_string(); width]), Origin::Text);
            }
        }
        self.view.push_line("", Origin::Text);
    }
}

/// A row's cells on the grid: each merged cell once, then an empty cell for every further grid
/// column it spans; a cell continuing a vertical merge is empty.
fn grid_row(row: &[CellText]) -> Vec<String> {
    let mut out = Vec::new();
    for cell in row {
        out.push(if cell.continues {
            String::new()
        } else {
            cell_text(&cell.text)
        });
        out.extend(std::iter::repeat_n(String::new(), cell.span - 1));
    }
    out
}

/// A cell's text as one pipe-table cell: whitespace runs folded (tabs and breaks included), a pipe
/// written as a full-width ｜ so it cannot split the cell.
fn cell_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "｜")
}

fn pipe_row(cells: &[String]) -> String {
    let mut line = String::from("|");
    for cell in cells {
        line.push(' ');
        line.push_str(cell);
        line.push_str(" |");
    }
    line
}

/// The value of the attribute whose local name is `name` (`w:val`).
fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// XML's five predefined entities (the only ones WordprocessingML uses besides character references).
fn predefined_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    }
}
