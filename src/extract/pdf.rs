//! A PDF as text, page by page, as `pdf-extract` lays it out (a table row on one line, as the
//! reader's PDF text layout R4 expects). Encrypted, scanned and damaged files are told apart, since
//! each needs something different from the user.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use pdf_extract::{Document, OutputError, PlainTextOutput, output_doc_page};

use super::{ExtractError, Kind, Origin, TextView};

fn broken(reason: impl std::fmt::Display) -> ExtractError {
    ExtractError::Broken {
        kind: Kind::Pdf,
        reason: reason.to_string(),
    }
}

pub fn text_view(bytes: &[u8]) -> Result<TextView, ExtractError> {
    // The extractor panics on some damaged files (an index past a short array, a font it does not
    // know); a damaged file is one failure for the user, not the end of a batch of thousands, and
    // its one message says why instead of a panic's report on stderr.
    silence_extractor_panics();
    EXTRACTING.with(|e| e.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| read(bytes)));
    EXTRACTING.with(|e| e.set(false));
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str));
        Err(match what {
            // A valid PDF the extractor cannot read (a predefined CJK encoding such as
            // UniGB-UCS2-H with no embedded font): not damage, and the user can work around it.
            Some(what) if is_unsupported(what) => ExtractError::Unsupported {
                reason: what.to_string(),
            },
            Some(what) => broken(format!("the text could not be extracted ({what})")),
            None => broken("the text could not be extracted"),
        })
    })
}

/// Whether an extractor's panic says it met something it does not implement, rather than damage.
fn is_unsupported(message: &str) -> bool {
    ["unsupported", "not yet implemented", "unhandled"]
        .iter()
        .any(|m| message.starts_with(m))
}

thread_local! {
    /// Whether this thread is inside the extractor, whose panics are reported as a damaged file.
    static EXTRACTING: Cell<bool> = const { Cell::new(false) };
}

/// Wraps the panic hook, once, so that it stays quiet for the extractor's panics and reports any
/// other panic as before. The hook is process-wide, so the choice is made per thread: files are
/// extracted on several threads at once.
fn silence_extractor_panics() {
    static WRAPPED: Once = Once::new();
    WRAPPED.call_once(|| {
        let report = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !EXTRACTING.with(Cell::get) {
                report(info);
            }
        }));
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_the_extractor_does_not_implement_is_not_called_damage() {
        assert!(is_unsupported("unsupported encoding UniGB-UCS2-H"));
        assert!(is_unsupported(
            "not yet implemented: unsupported ToUnicode name"
        ));
        assert!(!is_unsupported("MediaBox"));
        assert!(!is_unsupported("missing object reference"));
        let message = ExtractError::Unsupported {
            reason: "unsupported encoding UniGB-UCS2-H".into(),
        }
        .to_string();
        assert!(
            message.contains("UniGB-UCS2-H") && !message.contains("damaged"),
            "{message}"
        );
    }
}
