//! The benchmark corpus: copies of the example report in each layout (L1 the example itself, L2–L5
//! from tests/fixtures/layouts), each under its own numbered agency title with its own figures, either
//! balanced (clean) or with one total off by one (errors). Shared by the corpus writer
//! (benches/corpus.rs), the server harness (benches/server_stdio.rs) and the test that the corpus reads
//! the same however it reaches `check` (tests/bench_corpus.rs).
//!
//! Pure text: it knows the fixtures and the figures it changes, not how the checker reads them, so a
//! change in the checker cannot change the corpus. The same copy number always gives the same bytes.
// Each target uses a different part of the generator.
#![allow(dead_code)]

use std::ops::Range;

/// The example's title as its web page shows it; L2–L5 carry it, L1 (the fixture) starts without one.
const TITLE: &str = "东胜区行政审批政务服务与数据管理局2024年政府信息公开工作年度报告";

/// Bumped whenever a copy's bytes change, so a corpus written by an older generator is rewritten.
pub const GENERATOR_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    L1,
    L2,
    L3,
    L4,
    L5,
}

impl Layout {
    pub const ALL: [Layout; 5] = [Layout::L1, Layout::L2, Layout::L3, Layout::L4, Layout::L5];

    /// The stem of the corpus files: `l1` … `l5`.
    pub fn name(self) -> &'static str {
        match self {
            Layout::L1 => "l1",
            Layout::L2 => "l2",
            Layout::L3 => "l3",
            Layout::L4 => "l4",
            Layout::L5 => "l5",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Layout::L1 => "L1 one cell per line (the example)",
            Layout::L2 => "L2 Markdown tables",
            Layout::L3 => "L3 tab-separated",
            Layout::L4 => "L4 HTML",
            Layout::L5 => "L5 PDF text",
        }
    }

    /// The extension a directory walk of `check` picks up for this layout.
    pub fn extension(self) -> &'static str {
        match self {
            Layout::L2 => "md",
            Layout::L4 => "html",
            Layout::L1 | Layout::L3 | Layout::L5 => "txt",
        }
    }

    pub fn fixture(self) -> &'static str {
        match self {
            Layout::L1 => include_str!("../../tests/fixtures/dongsheng-2024.txt"),
            Layout::L2 => include_str!("../../tests/fixtures/layouts/l2-markdown.md"),
            Layout::L3 => include_str!("../../tests/fixtures/layouts/l3-tabs.txt"),
            Layout::L4 => include_str!("../../tests/fixtures/layouts/l4-html.html"),
            Layout::L5 => include_str!("../../tests/fixtures/layouts/l5-pdf.txt"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Every equation holds.
    Clean,
    /// The 总计 of （七）总计 in 表三 is one too many.
    Errors,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Clean, Kind::Errors];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Clean => "clean",
            Kind::Errors => "errors",
        }
    }

    /// What `check` reports for each copy: the example's two nonstandard labels (预期 for 逾期), and in
    /// an error copy the three equations the wrong total breaks (row total, result total, intake and
    /// outcome). tests/bench_corpus.rs asserts it, so the corpus manifest can state the expected count.
    pub fn findings_per_copy(self) -> usize {
        match self {
            Kind::Clean => 2,
            Kind::Errors => 5,
        }
    }
}

/// How copy `n` rewrites a figure of the example.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// A figure of the equations of 表三 (or the prose stating one): raised by the same amount in
    /// every place, so every equation stays true.
    Raised,
    /// The 总计 of （七）总计: raised like the others, and one more in an error copy.
    Total,
    /// 行政许可 in 表二, held by no equation: numbered per copy.
    Free,
}

/// A place in the fixture that each copy writes its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// The report's title, numbered per copy.
    Title,
    /// A figure: its value in the example, and how a copy changes it.
    Figure(u32, Change),
}

/// Figures the corpus changes after one row label (as each layout spells it; it must occur once):
/// which figure after the label (0-based), the example's value there, and how copies rewrite it.
struct Place {
    labels: &'static [&'static str],
    figures: &'static [(usize, u32, Change)],
}

/// 自然人 is the first figure of a 表三 row, 总计 the seventh.
const PLACES: [Place; 5] = [
    // The prose states the year's applications (全年共受理政府信息公开申请8件); it must equal the table.
    Place {
        labels: &["全年共受理政府信息公开申请"],
        figures: &[(0, 8, Change::Raised)],
    },
    Place {
        labels: &["一、本年新收政府信息公开申请数量"],
        figures: &[(0, 8, Change::Raised), (6, 8, Change::Raised)],
    },
    Place {
        labels: &["（一）予以公开", "(一)予以公开"],
        figures: &[(0, 7, Change::Raised), (6, 7, Change::Raised)],
    },
    Place {
        labels: &["（七）总计", "(七)总计"],
        figures: &[(0, 7, Change::Raised), (6, 7, Change::Total)],
    },
    Place {
        labels: &["行政许可"],
        figures: &[(0, 52425, Change::Free)],
    },
];

/// One layout's fixture cut at the places a copy rewrites: text, slot, text, slot, …, text.
pub struct Template {
    layout: Layout,
    /// Each piece of fixture text and the slot after it (`None` after the last piece).
    pieces: Vec<(String, Option<Slot>)>,
    /// Where the error total is in the fixture itself.
    fixture_total: Range<usize>,
}

/// A copy of the example and where its （七）总计 · 总计 figure is (the wrong one in an error copy).
pub struct ReportCopy {
    pub text: String,
    pub total: Range<usize>,
}

/// Whether `b` may border a figure: digits glued to letters, digits or a decimal point belong to
/// something else (`1.属于国家秘密`, `colspan="3"` is skipped as a tag).
fn borders_figure(b: Option<&u8>) -> bool {
    b.is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'.'))
}

/// The byte range of the `nth` figure (a standalone run of ASCII digits, outside HTML tags) at or
/// after `from`.
fn figure_after(text: &str, from: usize, nth: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut seen = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => i += bytes[i..].iter().position(|&b| b == b'>')?,
            b'0'..=b'9' => {
                let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                if borders_figure(i.checked_sub(1).map(|p| &bytes[p]))
                    && borders_figure(bytes.get(end))
                {
                    if seen == nth {
                        return Some(i..end);
                    }
                    seen += 1;
                }
                i = end - 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Where the figures of `place` are in `text`, each checked against the example's value.
fn locate(layout: Layout, text: &str, place: &Place) -> Vec<(Range<usize>, Slot)> {
    let found: Vec<usize> = place
        .labels
        .iter()
        .flat_map(|label| text.match_indices(label).map(|(i, l)| i + l.len()))
        .collect();
    let [after] = found[..] else {
        panic!(
            "{}: expected one {:?} in the fixture, found {}",
            layout.description(),
            place.labels,
            found.len()
        );
    };
    let locate_figure = |&(nth, value, change): &(usize, u32, Change)| {
        let range = figure_after(text, after, nth).unwrap_or_else(|| {
            panic!(
                "{}: no figure {nth} after {:?}",
                layout.description(),
                place.labels
            )
        });
        assert_eq!(
            text[range.clone()],
            value.to_string(),
            "{}: figure {nth} after {:?} changed in the fixture",
            layout.description(),
            place.labels
        );
        (range, Slot::Figure(value, change))
    };
    place.figures.iter().map(locate_figure).collect()
}

impl Template {
    pub fn new(layout: Layout) -> Template {
        let fixture = layout.fixture();
        let mut cuts: Vec<(Range<usize>, Slot)> = fixture
            .match_indices(TITLE)
            .map(|(i, t)| (i..i + t.len(), Slot::Title))
            .collect();
        for place in &PLACES {
            cuts.extend(locate(layout, fixture, place));
        }
        cuts.sort_by_key(|(range, _)| range.start);
        let fixture_total = cuts
            .iter()
            .find(|(_, slot)| matches!(slot, Slot::Figure(_, Change::Total)))
            .map(|(range, _)| range.clone())
            .expect("the total is a place");

        let mut pieces = Vec::new();
        // L1 starts without a title: each copy gets one on a line of its own.
        if cuts.first().is_none_or(|(_, slot)| *slot != Slot::Title) {
            push_slot(&mut pieces, Slot::Title);
            push_text(&mut pieces, "\n");
        }
        let mut at = 0;
        for (range, slot) in cuts {
            push_text(&mut pieces, &fixture[at..range.start]);
            push_slot(&mut pieces, slot);
            at = range.end;
        }
        push_text(&mut pieces, &fixture[at..]);
        // Copies follow each other in a compilation: each must end its last line.
        if !fixture.ends_with('\n') {
            push_text(&mut pieces, "\n");
        }
        Template {
            layout,
            pieces,
            fixture_total,
        }
    }

    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// Where the （七）总计 · 总计 figure is in the unchanged fixture.
    pub fn fixture_total(&self) -> Range<usize> {
        self.fixture_total.clone()
    }

    /// Appends copy `n` (numbered from 1) to `out`; returns where its （七）总计 · 总计 figure went.
    pub fn write(&self, out: &mut String, n: usize, kind: Kind) -> Range<usize> {
        use std::fmt::Write;
        // Figures rise by 0–49 with the copy number: copies differ, yet stay small like real ones.
        let raise = (n % 50) as u32;
        let wrong = u32::from(kind == Kind::Errors);
        let mut total = 0..0;
        for (text, slot) in &self.pieces {
            out.push_str(text);
            let start = out.len();
            // Writing to a String cannot fail.
            let _ = match *slot {
                None => Ok(()),
                Some(Slot::Title) => write!(out, "第{n}局2024年政府信息公开工作年度报告"),
                Some(Slot::Figure(v, Change::Raised)) => write!(out, "{}", v + raise),
                Some(Slot::Figure(v, Change::Total)) => {
                    let written = write!(out, "{}", v + raise + wrong);
                    total = start..out.len();
                    written
                }
                Some(Slot::Figure(v, Change::Free)) => write!(out, "{}", v + n as u32),
            };
        }
        total
    }

    pub fn copy(&self, n: usize, kind: Kind) -> ReportCopy {
        let mut text = String::new();
        let total = self.write(&mut text, n, kind);
        ReportCopy { text, total }
    }

    /// Copies 1, 2, … until the text holds at least `bytes`; returns the text and the number of copies.
    pub fn compilation(&self, bytes: usize, kind: Kind) -> (String, usize) {
        let mut text = String::with_capacity(bytes + 16 * 1024);
        let mut n = 0;
        while text.len() < bytes {
            n += 1;
            self.write(&mut text, n, kind);
        }
        (text, n)
    }
}

/// Appends fixture text to the last piece when no slot follows it yet, else starts a piece.
fn push_text(pieces: &mut Vec<(String, Option<Slot>)>, text: &str) {
    match pieces.last_mut() {
        Some((last, None)) => last.push_str(text),
        _ => pieces.push((text.to_owned(), None)),
    }
}

/// Puts `slot` after the last piece of text, or after an empty one when the last already has a slot.
fn push_slot(pieces: &mut Vec<(String, Option<Slot>)>, slot: Slot) {
    match pieces.last_mut() {
        Some((_, after @ None)) => *after = Some(slot),
        _ => pieces.push((String::new(), Some(slot))),
    }
}

/// FNV-1a over the fixtures and the generator version: a corpus on disk is current when it was
/// written from the same inputs.
pub fn fingerprint() -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let version = GENERATOR_VERSION.to_le_bytes();
    let inputs = Layout::ALL.iter().map(|l| l.fixture().as_bytes());
    for bytes in std::iter::once(&version[..]).chain(inputs) {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
