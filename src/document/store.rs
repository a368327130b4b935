//! Open documents: their text as a rope, their version, and edits applied strictly in the order given.
//! Knows positions and the report cache, not the protocol or any async runtime.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use ropey::Rope;

use super::lines::Replaced;
use super::position::{Encoding, Position, position_to_offset};
use super::reports::ReportCache;

/// One content change: a replacement of `range` (the whole document when `None`) by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub range: Option<(Position, Position)>,
    pub text: String,
}

/// What an edit did, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedEdit {
    /// The bytes replaced, in the text before the edit.
    pub replaced: Range<usize>,
    pub inserted: usize,
    /// A position was out of range, inside a character or the range was reversed; it was clamped.
    pub clamped: bool,
}

#[derive(Debug, Clone)]
pub struct Document {
    rope: Rope,
    version: i32,
    reports: ReportCache,
    /// Above this many bytes the document is kept and edited but not split into reports nor analysed,
    /// so a huge file cannot exhaust memory.
    limit: usize,
}

impl Document {
    pub fn new(text: &str, version: i32) -> Document {
        Document::with_limit(text, version, usize::MAX)
    }

    /// A document analysed only while it holds at most `limit` bytes.
    pub fn with_limit(text: &str, version: i32, limit: usize) -> Document {
        let rope = Rope::from_str(text);
        let reports = ReportCache::within(&rope, limit);
        Document {
            rope,
            version,
            reports,
            limit,
        }
    }

    /// Whether the document is over its size limit (and so has no reports).
    pub fn is_oversized(&self) -> bool {
        self.rope.len_bytes() > self.limit
    }

    /// Changes the size limit; the reports are split again when the document crosses it.
    pub fn set_limit(&mut self, limit: usize) {
        let was = self.is_oversized();
        self.limit = limit;
        if was != self.is_oversized() {
            self.reports = ReportCache::within(&self.rope, limit);
        }
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    pub fn reports(&self) -> &ReportCache {
        &self.reports
    }

    pub fn reports_mut(&mut self) -> &mut ReportCache {
        &mut self.reports
    }

    /// The rope (cheap to clone: it shares its nodes) and the report cache, to analyse off the lock.
    pub fn rope_and_reports_mut(&mut self) -> (&Rope, &mut ReportCache) {
        (&self.rope, &mut self.reports)
    }

    /// Applies one change; positions are resolved against the text as it stands, as the protocol says.
    pub fn apply(&mut self, change: &TextChange, encoding: Encoding) -> AppliedEdit {
        let Some((start, end)) = change.range else {
            self.rope = Rope::from_str(&change.text);
            self.reports = ReportCache::within(&self.rope, self.limit);
            return AppliedEdit {
                replaced: 0..0,
                inserted: change.text.len(),
                clamped: false,
            };
        };
        let a = position_to_offset(&self.rope, start, encoding);
        let b = position_to_offset(&self.rope, end, encoding);
        let reversed = a.offset > b.offset;
        let replaced = a.offset.min(b.offset)..a.offset.max(b.offset);
        let before = Replaced::before(&self.rope, replaced.clone());
        let (from, to) = (
            self.rope.byte_to_char(replaced.start),
            self.rope.byte_to_char(replaced.end),
        );
        let was_oversized = self.is_oversized();
        self.rope.remove(from..to);
        self.rope.insert(from, &change.text);
        if was_oversized || self.is_oversized() {
            // Crossing the limit either way splits anew (or empties the cache); above it, nothing to follow.
            if !(was_oversized && self.is_oversized()) {
                self.reports = ReportCache::within(&self.rope, self.limit);
            }
        } else {
            self.reports
                .edit(&self.rope, replaced.clone(), change.text.len(), before);
        }
        AppliedEdit {
            replaced,
            inserted: change.text.len(),
            clamped: a.clamped || b.clamped || reversed,
        }
    }

    pub fn text(&self) -> String {
        String::from(&self.rope)
    }
}

/// Open documents by URI.
#[derive(Debug, Default)]
pub struct DocumentStore {
    documents: HashMap<String, Document>,
}

impl DocumentStore {
    pub fn new() -> DocumentStore {
        DocumentStore::default()
    }

    /// Opens (or, on a repeated open, replaces) a document.
    pub fn open(&mut self, uri: &str, text: &str, version: i32) -> &mut Document {
        let document = Document::new(text, version);
        match self.documents.entry(uri.to_owned()) {
            Entry::Occupied(mut slot) => {
                slot.insert(document);
                slot.into_mut()
            }
            Entry::Vacant(slot) => slot.insert(document),
        }
    }

    pub fn close(&mut self, uri: &str) -> Option<Document> {
        self.documents.remove(uri)
    }

    pub fn get(&self, uri: &str) -> Option<&Document> {
        self.documents.get(uri)
    }

    pub fn get_mut(&mut self, uri: &str) -> Option<&mut Document> {
        self.documents.get_mut(uri)
    }

    /// Applies one change to an open document; `None` for a document that is not open.
    pub fn apply_edit(
        &mut self,
        uri: &str,
        change: &TextChange,
        encoding: Encoding,
    ) -> Option<AppliedEdit> {
        self.documents
            .get_mut(uri)
            .map(|d| d.apply(change, encoding))
    }

    pub fn uris(&self) -> impl Iterator<Item = &str> {
        self.documents.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(l0: u32, c0: u32, l1: u32, c1: u32, text: &str) -> TextChange {
        TextChange {
            range: Some((Position::new(l0, c0), Position::new(l1, c1))),
            text: text.to_owned(),
        }
    }

    #[test]
    fn edits_resolve_under_the_negotiated_encoding() {
        let mut utf16 = Document::new("𠀀预期\n", 1);
        let mut utf8 = utf16.clone();
        // 预 starts at UTF-16 column 2 and UTF-8 column 4.
        utf16.apply(&change(0, 2, 0, 3, "逾"), Encoding::Utf16);
        utf8.apply(&change(0, 4, 0, 7, "逾"), Encoding::Utf8);
        assert_eq!(utf16.text(), "𠀀逾期\n");
        assert_eq!(utf8.text(), "𠀀逾期\n");
    }

    #[test]
    fn out_of_range_and_mid_character_edits_are_clamped() {
        let mut doc = Document::new("甲乙\r\n丙", 1);
        let edit = doc.apply(&change(0, 99, 7, 0, "!"), Encoding::Utf16);
        assert_eq!(
            edit,
            AppliedEdit {
                replaced: 6..11,
                inserted: 1,
                clamped: true
            }
        );
        assert_eq!(doc.text(), "甲乙!");
        let edit = doc.apply(&change(0, 2, 0, 1, ""), Encoding::Utf8);
        assert!(edit.clamped);
        assert_eq!(edit.replaced, 0..0);
        assert_eq!(doc.text(), "甲乙!");
    }

    #[test]
    fn store_knows_only_open_documents() {
        let mut store = DocumentStore::new();
        store.open("file:///a.txt", "一、总体情况\n", 3);
        assert_eq!(
            store.apply_edit("file:///b.txt", &change(0, 0, 0, 0, "x"), Encoding::Utf16),
            None
        );
        let edit = store.apply_edit("file:///a.txt", &change(0, 0, 0, 0, "x"), Encoding::Utf16);
        assert_eq!(edit.map(|e| e.replaced), Some(0..0));
        assert_eq!(
            store.get("file:///a.txt").map(Document::text),
            Some("x一、总体情况\n".to_owned())
        );
        assert!(store.close("file:///a.txt").is_some());
        assert!(store.get("file:///a.txt").is_none());
    }
}
