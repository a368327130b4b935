//! Text views of the files agencies exchange: a `.docx` draft (its paragraphs as lines, its tables
//! as Markdown pipe tables with every merged cell where the template has it) and a published `.pdf`
//! (its text, page by page). The reader then reads a view like any report text. Each line of a view
//! remembers where it came from, so a finding can name the page or the table row beside the line.
//! Knows nothing of analysis or output formats.

mod docx;
mod pdf;

use std::path::Path;

/// A kind of document that is not text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Docx,
    Pdf,
}

impl Kind {
    /// The kind a file's name says it is (`.docx`, `.pdf`, in any case).
    pub fn of_path(path: &Path) -> Option<Kind> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "docx" => Some(Kind::Docx),
            "pdf" => Some(Kind::Pdf),
            _ => None,
        }
    }

    /// The kind the bytes themselves say they are: a PDF header, or a ZIP archive (which a `.docx`
    /// is). Stdin and misnamed files are recognised by this.
    pub fn sniff(bytes: &[u8]) -> Option<Kind> {
        // A PDF may have a few bytes of junk before its header; readers accept it within 1 KB.
        let head = bytes.get(..1024).unwrap_or(bytes);
        if memchr::memmem::find(head, b"%PDF-").is_some() {
            Some(Kind::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") {
            Some(Kind::Docx)
        } else {
            None
        }
    }
}

/// Where a line of a text view came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A page of a PDF (1-based).
    Page(u32),
    /// A row of a table of a `.docx` (both 1-based; tables are counted in the body's order).
    TableRow { table: u32, row: u32 },
    /// A paragraph, or a line the view adds (a table's `| --- |` line, a blank line).
    Text,
}

/// A document as text, and where each line came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextView {
    pub text: String,
    /// `(first line, origin)` in line order: each origin holds up to the next one's first line.
    origins: Vec<(u32, Origin)>,
    lines: u32,
}

impl TextView {
    /// A text file's own text: every line is just text.
    pub fn plain(text: String) -> TextView {
        TextView {
            text,
            ..TextView::default()
        }
    }

    /// The origin of a 0-based line of `text`.
    pub fn origin(&self, line: u32) -> Origin {
        let after = self.origins.partition_point(|(first, _)| *first <= line);
        after
            .checked_sub(1)
            .and_then(|i| self.origins.get(i))
            .map_or(Origin::Text, |&(_, origin)| origin)
    }

    /// Appends text that came from `origin` as one line, or several if it holds line breaks.
    fn push_line(&mut self, text: &str, origin: Origin) {
        for line in text.split("\r\n").flat_map(|l| l.split(['\n', '\r'])) {
            if self.origins.last().map(|(_, o)| *o) != Some(origin) {
                self.origins.push((self.lines, origin));
            }
            self.text.push_str(line);
            self.text.push('\n');
            self.lines += 1;
        }
    }
}

/// Why a document has no text view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// The PDF is encrypted with a password it does not open with.
    Encrypted,
    /// The PDF has pages but no text on them: a scan, or text drawn as outlines.
    NoText { pages: usize },
    /// A valid PDF that uses something the text extractor does not implement (a predefined CJK
    /// encoding without an embedded font).
    Unsupported { reason: String },
    /// The file is not a document of its kind, or it is damaged (truncated, corrupt).
    Broken { kind: Kind, reason: String },
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::Encrypted => write!(
                f,
                "the PDF is encrypted and needs a password to open; save an unprotected copy to check it"
            ),
            ExtractError::NoText { pages } => write!(
                f,
                "the PDF has no text layer ({pages} page{} without text): it is probably a scan; run OCR on it first",
                if *pages == 1 { "" } else { "s" }
            ),
            ExtractError::Unsupported { reason } => write!(
                f,
                "the PDF uses something the text extractor does not support ({reason}); print it to a new PDF or extract its text with another tool, then check that text"
            ),
            ExtractError::Broken { kind, reason } => {
                let name = match kind {
                    Kind::Docx => "a readable .docx",
                    Kind::Pdf => "a readable PDF",
                };
                write!(f, "not {name} (truncated or damaged?): {reason}")
            }
        }
    }
}

impl std::error::Error for ExtractError {}

/// The text view of a document of `kind`.
pub fn extract(kind: Kind, bytes: &[u8]) -> Result<TextView, ExtractError> {
    match kind {
        Kind::Docx => docx::text_view(bytes),
        Kind::Pdf => pdf::text_view(bytes),
    }
}

#[cfg(test)]
mod tests;
