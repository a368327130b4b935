//! The report segments of an open document with their analyses, kept equal to a full analysis of
//! every report ([`analysis::report_texts`](crate::analysis::report_texts), each through
//! [`analysis::analyze_report`](crate::analysis::analyze_report)) after every edit while
//! re-splitting only the neighbourhood of the edit and re-analysing only segments whose text changed.
//! Knows the core's segmentation contract, not the protocol, not when analysis runs.

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use ropey::Rope;

use super::lines::{self, Replaced};

use crate::analysis::{self, Finding, Frame, ReportAnalysis};

const BOM: char = '\u{FEFF}';

/// Where a segment's analysis stands.
#[derive(Debug, Clone)]
pub enum SegmentState {
    /// Its text changed (or it is new) and it has not been analysed since.
    Pending,
    Ready(Arc<ReportAnalysis>),
    /// The core panicked on it; it is not retried until its text changes.
    Failed,
}

#[derive(Debug, Clone)]
pub struct CachedSegment {
    /// Stays the same while the segment's text stays the same, so a result computed on a snapshot
    /// can be stored after later edits elsewhere.
    pub id: u64,
    /// Byte range in the document (after a BOM, if any).
    pub range: Range<usize>,
    /// False for the preamble before the first report (or for a document that holds no report).
    pub is_report: bool,
    pub state: SegmentState,
}

/// The segments of a document; they tile the text after its BOM exactly.
#[derive(Debug, Clone)]
pub struct ReportCache {
    /// Byte length of a leading BOM (the core skips it).
    base: usize,
    segments: Vec<CachedSegment>,
}

/// Segment ids are unique across documents and re-opens, so a cache keyed by id can never mistake a
/// new segment for an old one.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn next_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Runs the core on one segment's text; a panic in the core yields `None` instead of unwinding further.
pub fn analyse_segment(text: &str) -> Option<ReportAnalysis> {
    catch_unwind(AssertUnwindSafe(|| analysis::analyze_report(text))).ok()
}

fn bom_len(rope: &Rope) -> usize {
    match rope.get_char(0) {
        Some(BOM) => BOM.len_utf8(),
        _ => 0,
    }
}

impl ReportCache {
    /// Splits the document when it holds at most `limit` bytes; above, no reports at all.
    pub fn within(rope: &Rope, limit: usize) -> ReportCache {
        if rope.len_bytes() > limit {
            return ReportCache {
                base: bom_len(rope),
                segments: Vec::new(),
            };
        }
        ReportCache::new(rope)
    }

    /// Splits the whole document; every report starts [`SegmentState::Pending`].
    pub fn new(rope: &Rope) -> ReportCache {
        let mut cache = ReportCache {
            base: 0,
            segments: Vec::new(),
        };
        cache.rebuild(rope);
        cache
    }

    fn rebuild(&mut self, rope: &Rope) {
        self.base = bom_len(rope);
        let body = String::from(rope.byte_slice(self.base..));
        let fresh = self.fresh_segments(&body, self.base);
        self.segments = fresh;
    }

    fn fresh_segments(&mut self, text: &str, offset: usize) -> Vec<CachedSegment> {
        analysis::segments(text)
            .into_iter()
            .map(|s| CachedSegment {
                id: next_id(),
                range: s.range.start + offset..s.range.end + offset,
                is_report: s.is_report,
                state: SegmentState::Pending,
            })
            .collect()
    }

    pub fn segments(&self) -> &[CachedSegment] {
        &self.segments
    }

    pub fn reports(&self) -> impl Iterator<Item = &CachedSegment> {
        self.segments.iter().filter(|s| s.is_report)
    }

    /// The report segment holding byte `offset` (the end of the document belongs to the last segment).
    pub fn report_at(&self, offset: usize) -> Option<&CachedSegment> {
        let i = self
            .segments
            .partition_point(|s| s.range.end <= offset)
            .min(self.segments.len().saturating_sub(1));
        self.segments
            .get(i)
            .filter(|s| s.is_report && s.range.start <= offset)
    }

    /// Report segments that still need the core: their ids and ranges.
    pub fn pending(&self) -> Vec<(u64, Range<usize>)> {
        self.reports()
            .filter(|s| matches!(s.state, SegmentState::Pending))
            .map(|s| (s.id, s.range.clone()))
            .collect()
    }

    /// Stores the result of analysing segment `id`; `None` marks a failed analysis. A result for a
    /// segment that has since changed is dropped.
    pub fn store(&mut self, id: u64, result: Option<Arc<ReportAnalysis>>) -> bool {
        let Some(segment) = self.segments.iter_mut().find(|s| s.id == id) else {
            return false;
        };
        segment.state = match result {
            Some(analysis) => SegmentState::Ready(analysis),
            None => SegmentState::Failed,
        };
        true
    }

    /// Analyses every pending report now (for callers without a thread pool: tests and benchmarks).
    pub fn analyse_pending(&mut self, rope: &Rope) {
        self.analyse_pending_with(rope, analyse_segment);
    }

    /// [`Self::analyse_pending`] with another analyser (tests check reuse with one that sees every byte).
    pub fn analyse_pending_with(
        &mut self,
        rope: &Rope,
        analyse: impl Fn(&str) -> Option<ReportAnalysis>,
    ) {
        for (id, range) in self.pending() {
            let text = String::from(rope.byte_slice(range));
            self.store(id, analyse(&text).map(Arc::new));
        }
    }

    /// Every finding with document-absolute spans, or `None` while a report is still pending.
    pub fn findings(&self) -> Option<Findings> {
        let mut out = Findings::default();
        for segment in self.reports() {
            match &segment.state {
                SegmentState::Pending => return None,
                SegmentState::Failed => out.failed += 1,
                SegmentState::Ready(a) => out.findings.extend(
                    a.findings
                        .iter()
                        .map(|f| f.in_document(Frame::report(segment.range.start))),
                ),
            }
        }
        Some(out)
    }

    /// Follows an edit that replaced the bytes `old` with `new_len` bytes; `rope` is the text after it
    /// and `replaced` what the edit's lines were before it.
    pub fn edit(&mut self, rope: &Rope, old: Range<usize>, new_len: usize, replaced: Replaced) {
        if bom_len(rope) != self.base || old.start < self.base || self.segments.is_empty() {
            return self.rebuild(rope);
        }
        let delta = new_len as isize - old.len() as isize;
        let shift = |n: usize| n.checked_add_signed(delta).unwrap_or(0);
        // The cache always holds one segment at least; an empty one is rebuilt rather than trusted.
        let Some(last) = self.segments.len().checked_sub(1) else {
            return self.rebuild(rope);
        };
        let containing = |at: usize| {
            self.segments
                .partition_point(|s| s.range.end <= at)
                .min(last)
        };
        let (first, end) = (containing(old.start), containing(old.end));
        let now = |s: &CachedSegment| s.range.start..shift(s.range.end);
        let new = old.start..old.start + new_len;
        let inside = self
            .segments
            .get(first)
            .is_some_and(|s| first == end && Self::stays_inside(rope, now(s), new, replaced));
        if let (true, Some(segment)) = (inside, self.segments.get_mut(first)) {
            segment.range.end = shift(segment.range.end);
            if segment.is_report {
                segment.id = next_id();
                segment.state = SegmentState::Pending;
            }
            self.shift_from(first + 1, delta);
            return;
        }
        // The boundary at a segment's start is decided by the text since the previous boundary, so the
        // split is redone from the boundary before the edit through the segment after it.
        let lo = first.saturating_sub(1);
        let mut hi = (end + 1).min(last);
        loop {
            let (Some(low), Some(high)) = (self.segments.get(lo), self.segments.get(hi)) else {
                return self.rebuild(rope);
            };
            let (start, high_start) = (low.range.start, high.range.start);
            let region = String::from(rope.byte_slice(start..shift(high.range.end)));
            let fresh = analysis::segments(&region);
            if lo > 0 && fresh.first().is_some_and(|s| !s.is_report) {
                // The region no longer starts at a report boundary: the segmentation contract was broken.
                return self.rebuild(rope);
            }
            let settled = hi == last
                || fresh.last().map(|s| s.range.start + start) == Some(shift(high_start));
            if !settled {
                hi += 1;
                continue;
            }
            let replaced = self.reuse(
                fresh,
                start,
                old.start,
                old.start + new_len,
                delta,
                lo..hi + 1,
            );
            let count = replaced.len();
            self.segments.splice(lo..=hi, replaced);
            self.shift_from(lo + count, delta);
            return;
        }
    }

    /// New segments for the re-split region, keeping the analysis of every segment whose text is untouched.
    fn reuse(
        &mut self,
        fresh: Vec<analysis::Segment>,
        region_start: usize,
        edit_start: usize,
        edit_end: usize,
        delta: isize,
        old: Range<usize>,
    ) -> Vec<CachedSegment> {
        let mut out = Vec::with_capacity(fresh.len());
        for s in fresh {
            let range = s.range.start + region_start..s.range.end + region_start;
            let old_range = if range.end <= edit_start {
                Some(range.clone())
            } else if range.start >= edit_end {
                range
                    .start
                    .checked_add_signed(-delta)
                    .zip(range.end.checked_add_signed(-delta))
                    .map(|(a, b)| a..b)
            } else {
                None
            };
            let kept = old_range.and_then(|r| {
                self.segments
                    .get(old.clone())?
                    .iter()
                    .find(|c| c.range == r && c.is_report == s.is_report)
            });
            out.push(match kept {
                Some(c) => CachedSegment { range, ..c.clone() },
                None => CachedSegment {
                    id: next_id(),
                    range,
                    is_report: s.is_report,
                    state: SegmentState::Pending,
                },
            });
        }
        out
    }

    /// Whether an edit, now at `new` inside a segment now at `segment`, leaves every boundary where it
    /// was (shifted): its lines stay inside the segment, held no landmark before and hold none now, and
    /// it moved no title's continuation. Then the work is proportional to the edit, not to the segment:
    /// a 50 MB document is not re-split per keystroke.
    fn stays_inside(
        rope: &Rope,
        segment: Range<usize>,
        new: Range<usize>,
        replaced: Replaced,
    ) -> bool {
        let (first, last) = lines::line_span(rope, new);
        let bytes = lines::line_bytes(rope, first, last);
        bytes.start >= segment.start
            && bytes.end <= segment.end
            && !replaced.had_landmark
            && !lines::any_landmark(rope, first..last + 1)
            && !lines::moves_titles(rope, first, last, replaced)
    }

    fn shift_from(&mut self, from: usize, delta: isize) {
        for s in self.segments.iter_mut().skip(from) {
            s.range.start = s.range.start.checked_add_signed(delta).unwrap_or(0);
            s.range.end = s.range.end.checked_add_signed(delta).unwrap_or(0);
        }
    }
}

/// The findings of a document once every report is analysed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Findings {
    pub findings: Vec<Finding>,
    /// Reports on which the core panicked.
    pub failed: usize,
}
