//! The document store: open documents as ropes, edits applied in order, positions under a negotiated
//! encoding, and the per-report analysis kept current edit by edit. Knows the core, not the protocol.

pub mod line_index;
pub mod lines;
pub mod position;
pub mod reports;
pub mod store;

pub use line_index::{LineIndex, Point};
pub use position::{
    Encoding, Position, PositionMap, Resolved, offset_to_position, position_to_offset,
};
pub use reports::{CachedSegment, ReportCache, SegmentState, analyse_segment};
pub use store::{AppliedEdit, Document, DocumentStore, TextChange};

#[cfg(test)]
mod incremental_tests;
