//! The 2019 regulation (《中华人民共和国政府信息公开条例》) as data, and the recogniser of references to it.
//! Knows nothing of reports, tables or the protocol.

mod data;
mod numeral;
mod owner;
mod recognise;
mod resolve;

#[cfg(test)]
mod tests;

use std::ops::Range;

pub use data::{Article, Paragraph, Regulation, regulation};
pub use numeral::{cn_numeral, parse_numeral, parse_numeral_prefix};
pub use recognise::find_references;
pub use resolve::{Resolved, Unresolved};

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
    /// Whether the regulation is named right before it (`《条例》`, `本条例`, a declared short name), or
    /// inherits such a name in a chain; bare references are the regulation's too.
    pub explicit_name: bool,
}
