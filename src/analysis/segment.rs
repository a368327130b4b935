//! Where reports start. A document is tiled into segments: an optional preamble, then one segment
//! per report. A report starts at a title line (…政府信息公开工作年度报告) or, without a title, at the
//! heading 一、总体情况. The decision at a boundary depends only on text after the previous boundary,
//! so an editor can re-split just the segments around an edit.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::normalize::normal_char;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    /// False for text before the first report (a preamble or a document that is no report at all).
    pub is_report: bool,
}

/// What a line means for report boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landmark {
    Title,
    FirstSection,
}

const TITLE_PHRASE: &str = "政府信息公开工作年度报告";
const FIRST_PHRASE: &str = "总体情况";
/// Titles are short; a sentence that mentions the annual report in passing is no title.
const TITLE_MAX_CHARS: usize = 80;
/// A title split over several lines (an HTML `<title>` and `<h1>`, a two-line heading), or repeated
/// by a web page's header above the report (R8, with 字号 / 发布时间 / 来源 lines between), is one
/// report when the titles stand this close together and no 一、总体情况 came between them.
pub const TITLE_CONTINUATION_LINES: usize = 24;

/// The visible text of a line: markup (`#`, `*`, `>`, HTML tags, table pipes) removed, normalised.
fn visible(line: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '#' | '*' | '|' | '>' | '_' => {}
            _ => {
                if let Some(n) = normal_char(c) {
                    out.push(n);
                }
            }
        }
    }
    out
}

pub fn landmark(line: &str) -> Option<Landmark> {
    // Cheap rejections first: this runs on every line of a batch.
    static TITLE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(TITLE_PHRASE));
    static FIRST: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(FIRST_PHRASE));
    let has_title = TITLE.find(line.as_bytes()).is_some();
    let has_first = FIRST.find(line.as_bytes()).is_some();
    if !has_title && !has_first {
        return None;
    }
    let text = visible(line);
    if has_title
        && text.chars().count() <= TITLE_MAX_CHARS
        && !text.ends_with('.')
        && !text.contains(',')
    {
        return Some(Landmark::Title);
    }
    if has_first && (text == "一、总体情况" || text == "一、总体情况." || text == "一.总体情况")
    {
        return Some(Landmark::FirstSection);
    }
    None
}

/// Iterates lines with their byte ranges (terminators included in the range, as LSP counts them).
pub fn lines_with_ranges(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(pos..).filter(|rest| !rest.is_empty())?;
        let start = pos;
        let content_end = memchr::memchr2(b'\n', b'\r', rest).map_or(bytes.len(), |i| pos + i);
        let end = match bytes.get(content_end..) {
            Some([b'\r', b'\n', ..]) => content_end + 2,
            Some([_, ..]) => content_end + 1,
            _ => content_end,
        };
        pos = end;
        Some((start..end, text.get(start..content_end).unwrap_or_default()))
    })
}

/// Splits `text` into segments that tile it exactly.
///
/// Only lines holding a landmark phrase matter, so the text is searched once for the phrases
/// (a batch of megabytes is not walked line by line here).
pub fn segments(text: &str) -> Vec<Segment> {
    static TITLE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(TITLE_PHRASE));
    static FIRST: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(FIRST_PHRASE));
    let mut out: Vec<Segment> = Vec::new();
    let mut current_start = 0usize;
    let mut current_is_report = false;
    // The line start of the last title while the report has not reached 一、总体情况 yet.
    let mut titled_awaiting_first: Option<usize> = None;
    let mut last_line = usize::MAX;
    let bytes = text.as_bytes();
    // Both phrases, in text order (SIMD substring search beats an automaton on CJK text).
    let mut hits: Vec<(usize, usize)> = TITLE
        .find_iter(bytes)
        .map(|i| (i, i + TITLE_PHRASE.len()))
        .collect();
    hits.extend(FIRST.find_iter(bytes).map(|i| (i, i + FIRST_PHRASE.len())));
    hits.sort_unstable();
    for (hit_start, hit_end) in hits {
        let before = bytes.get(..hit_start).unwrap_or_default();
        let start = memchr::memrchr2(b'\n', b'\r', before).map_or(0, |i| i + 1);
        if start == last_line {
            continue;
        }
        last_line = start;
        let after = bytes.get(hit_end..).unwrap_or_default();
        let end = memchr::memchr2(b'\n', b'\r', after).map_or(text.len(), |i| hit_end + i);
        let starts_report = match text.get(start..end).and_then(landmark) {
            None => false,
            Some(Landmark::Title) => {
                let continues = titled_awaiting_first.is_some_and(|at| {
                    line_breaks(
                        bytes.get(at..start).unwrap_or_default(),
                        TITLE_CONTINUATION_LINES + 1,
                    ) <= TITLE_CONTINUATION_LINES
                });
                titled_awaiting_first = Some(start);
                !continues
            }
            Some(Landmark::FirstSection) => {
                let starts = titled_awaiting_first.is_none();
                titled_awaiting_first = None;
                starts
            }
        };
        if starts_report {
            if start > current_start || current_is_report {
                out.push(Segment {
                    range: current_start..start,
                    is_report: current_is_report,
                });
            }
            current_start = start;
            current_is_report = true;
        }
    }
    if text.len() > current_start || out.is_empty() || current_is_report {
        out.push(Segment {
            range: current_start..text.len(),
            is_report: current_is_report,
        });
    }
    out
}

/// Line breaks in `bytes` (`\r\n` counts once), counting no further than `limit`.
fn line_breaks(bytes: &[u8], limit: usize) -> usize {
    let mut n = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i > 0 && bytes.get(i - 1..=i) == Some(b"\r\n".as_slice()) {
            continue;
        }
        n += 1;
        if n >= limit {
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report_texts(text: &str) -> Vec<&str> {
        segments(text)
            .into_iter()
            .filter(|s| s.is_report)
            .map(|s| &text[s.range])
            .collect()
    }

    #[test]
    fn tiles_exactly() {
        let text =
            "前言\n某局2024年政府信息公开工作年度报告\n一、总体情况\n正文\n一、总体情况\n乙\n";
        let segs = segments(text);
        assert_eq!(segs.first().map(|s| s.range.start), Some(0));
        assert_eq!(segs.last().map(|s| s.range.end), Some(text.len()));
        for w in segs.windows(2) {
            assert_eq!(w[0].range.end, w[1].range.start);
        }
        assert_eq!(
            report_texts(text),
            vec![
                "某局2024年政府信息公开工作年度报告\n一、总体情况\n正文\n",
                "一、总体情况\n乙\n"
            ]
        );
    }

    #[test]
    fn a_title_mentioned_in_prose_starts_nothing() {
        let text = "一、总体情况\n我局按时发布了政府信息公开工作年度报告，接受社会监督。\n";
        assert_eq!(report_texts(text).len(), 1);
    }

    #[test]
    fn title_over_two_lines_is_one_report() {
        let text = "<title>某局政府信息公开工作年度报告</title>\n<h1>某局2024年政府信息公开工作年度报告</h1>\n<h2>一、总体情况</h2>\n";
        assert_eq!(report_texts(text).len(), 1);
    }

    #[test]
    fn no_landmark_no_report() {
        let segs = segments("# README\nnothing here\n");
        assert_eq!(segs.len(), 1);
        assert!(!segs[0].is_report);
        assert_eq!(segments("").len(), 1);
    }
}
