//! The 2019 regulation (《中华人民共和国政府信息公开条例》) as data, and the recogniser of references to it.
//! Knows nothing of reports, tables or the protocol.

use std::ops::Range;

/// A place in the regulation: article, optional paragraph (款) and optional item (项), all 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    pub article: u16,
    pub paragraph: Option<u16>,
    pub item: Option<u16>,
}

/// A reference to the regulation found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Byte range of the whole reference (e.g. `第二十条第（五）项`, including a leading `《条例》` if present).
    pub span: Range<usize>,
    pub citation: Citation,
}

/// Every reference to the regulation in `text`, in order. STUB: replaced by the recogniser.
pub fn find_references(_text: &str) -> Vec<Reference> {
    Vec::new()
}
