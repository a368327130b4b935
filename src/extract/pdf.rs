//! A PDF as text, page by page, as `pdf-extract` lays it out (a table row on one line, as the
//! reader's PDF text layout R4 expects). Encrypted, scanned and damaged files are told apart, since
//! each needs something different from the user.

use std::panic::{AssertUnwindSafe, catch_unwind};

use pdf_extract::{Document, OutputError, PlainTextOutput, output_doc_page};

use super::{ExtractError, Kind, Origin, TextView};

fn broken(reason: impl std::fmt::Display) -> ExtractError {
    ExtractError::Broken {
        kind: Kind::Pdf,
        reason: reason.to_string(),
    }
}

pub fn text_view(bytes: &[u8]) -> Result<TextView, ExtractError> {
    // The extractor panics on some damaged files (an index past a short array); a damaged file is
    // one failure for the user, not the end of a batch of thousands.
    catch_unwind(AssertUnwindSafe(|| read(bytes)))
        .unwrap_or_else(|_| Err(broken("the text could not be extracted")))
}

fn read(bytes: &[u8]) -> Result<TextView, ExtractError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| classify(OutputError::PdfError(e)))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(ExtractError::Encrypted);
    }
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    if pages.is_empty() {
        return Err(broken("it has no pages"));
    }
    let mut view = TextView::default();
    let mut any_text = false;
    for &page in &pages {
        let mut text = String::new();
        output_doc_page(&doc, &mut PlainTextOutput::new(&mut text), page).map_err(|e| {
            match classify(e) {
                ExtractError::Broken { reason, .. } => broken(format!("page {page}: {reason}")),
                other => other,
            }
        })?;
        any_text |= text.chars().any(|c| !c.is_whitespace());
        for line in text.lines() {
            view.push_line(line, Origin::Page(page));
        }
    }
    if !any_text {
        return Err(ExtractError::NoText { pages: pages.len() });
    }
    Ok(view)
}

/// An encrypted file says so whatever step noticed it; anything else is damage.
fn classify(error: OutputError) -> ExtractError {
    match error {
        OutputError::PdfError(
            pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword,
        ) => ExtractError::Encrypted,
        other => broken(other),
    }
}
