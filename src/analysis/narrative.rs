//! Figures stated in the prose that the tables also hold: applications received (表三 本年新收),
//! carried over from last year and forward to next, administrative reviews and lawsuits.
//!
//! A figure read wrongly becomes a false `narrative/mismatch`, while a figure not read costs
//! nothing, so each claim is read by a narrow grammar around a keyword:
//! - Received: a verb (受理, 收到, 接收, 接到, 新收), then within the clause the object
//!   信息公开申请 or 依申请公开申请, then the figure with only words such as 共计 or 为 between
//!   (全区受理政府信息公开申请22件, 接收…各类政府信息公开申请共计81件). A bare 申请 right after the
//!   verb counts only when the sentence is already about 信息公开, so that 受理行政许可申请 is not
//!   read. 未收到 / 未接到 / 没有收到 … 申请 closing a clause is a stated 0.
//! - 上年(度)结转, 结转下年度, 行政复议, 行政诉讼: the figure right after the keyword, with only
//!   filler such as 申请 or 案件 between, so that 行政复议 351件，其中结果维持 72件 gives 351.
//!   A negation just before (未产生行政复议和诉讼, 未结转下年度) is a stated 0.
//! - Parts and other periods are not read: 其中…, 网上受理…, 上半年…, 尚未审结的行政复议…, and
//!   办理行政复议案件 (the body as the reviewer, not as the party reviewed).
//!
//! PDF text breaks sentences across lines. A prose line that does not end a sentence (。；！？)
//! continues on the next prose line when that is the next physical line and does not start a new
//! item (一、, （二）, 3.). Matching runs on the line itself; only a keyword whose grammar reaches
//! the break, or which the break splits, is matched again on the two lines joined in a buffer
//! (and a keyword near a line's start sees the tail of the line it continues). Spans always
//! point into the original text; a number the break splits is not read.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use memchr::memmem::Finder;

use super::Span;
use super::model::{Claim, NarrativeFigure};

const UNITS: [char; 5] = ['件', '起', '宗', '个', '次'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A verb of receiving, whose object must be an application for government information.
    Receive,
    /// A keyword the figure directly follows.
    Direct(Claim),
}

/// Every keyword, with the longer of two sharing a stem hit first (接收 before 收到 in 接收到).
const KEYWORDS: &[(&str, Kind)] = &[
    ("受理", Kind::Receive),
    ("接收", Kind::Receive),
    ("新收", Kind::Receive),
    ("收到", Kind::Receive),
    ("接到", Kind::Receive),
    ("上一年度结转", Kind::Direct(Claim::CarriedIn)),
    ("上年度结转", Kind::Direct(Claim::CarriedIn)),
    ("上年结转", Kind::Direct(Claim::CarriedIn)),
    ("结转下一年度", Kind::Direct(Claim::CarriedOut)),
    ("结转下年度", Kind::Direct(Claim::CarriedOut)),
    ("结转至下年度", Kind::Direct(Claim::CarriedOut)),
    ("结转到下年度", Kind::Direct(Claim::CarriedOut)),
    ("行政复议", Kind::Direct(Claim::Reviews)),
    ("行政诉讼", Kind::Direct(Claim::Lawsuits)),
];

/// Every keyword contains one of these stems: one SIMD substring search per stem finds every
/// candidate, and the keyword is then read around the hit. On CJK prose this beats an automaton.
const STEMS: [&str; 5] = ["受理", "收", "接到", "结转", "行政"];
static FINDERS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| STEMS.iter().map(Finder::new).collect());
/// For each stem, the keywords holding it and where: (keyword index, byte offset of the stem).
static STEMMED: LazyLock<Vec<Vec<(usize, usize)>>> = LazyLock::new(|| {
    STEMS
        .iter()
        .map(|stem| {
            KEYWORDS
                .iter()
                .enumerate()
                .filter_map(|(k, (word, _))| Some((k, word.find(stem)?)))
                .collect()
        })
        .collect()
});

/// The objects that make a verb of receiving an application for government information.
const OBJECTS: [&str; 3] = ["政府信息公开申请", "信息公开申请", "依申请公开申请"];
/// Before the object, these narrow the applications to a part (by applicant or by channel), unless
/// the words list them all (通过邮寄、网络提交的各类).
const PARTS: &[&str] = &[
    "自然人",
    "法人",
    "企业",
    "组织",
    "律师",
    "公民",
    "个人",
    "网上",
    "网络",
    "当面",
    "信函",
    "邮寄",
    "传真",
    "邮件",
    "线上",
    "现场",
    "电话",
];
/// In the clause before a verb of receiving: a part of the total, or another year.
const RECEIVE_QUALIFIERS: &[&str] = &[
    "其中",
    "上年",
    "上一年",
    "去年",
    "同期",
    "累计",
    "以来",
    "网上",
    "网络",
    "当面",
    "信函",
    "邮寄",
    "传真",
    "邮件",
    "线上",
    "现场",
];
/// Just before 行政复议 / 行政诉讼: a part of the total (by result, stage or route), another year,
/// or the body as the reviewer or court rather than as the party.
const APPEAL_QUALIFIERS: &[&str] = &[
    "直接",
    "复议后",
    "一审",
    "二审",
    "再审",
    "上诉",
    "维持",
    "纠正",
    "纠错",
    "败诉",
    "胜诉",
    "撤诉",
    "审结",
    "办理",
    "审理",
    "受理",
    "办结",
    "上年",
    "去年",
    "同期",
    "累计",
    "以来",
];
/// Just before a carry-over keyword, a verb of handling: 办结上年结转申请5件 counts those finished,
/// which may be fewer than those carried over.
const CARRY_QUALIFIERS: &[&str] = &["办结", "办理", "答复", "处理", "完成"];
/// A sentence about part of the year.
const PERIODS: &[&str] = &["上半年", "下半年", "季度", "月份"];

/// What may stand between a keyword (or the object) and its figure; longer first.
const RECEIVE_FILLER: &[&str] = &[
    "共计", "合计", "总计", "总数", "数量", "共", "计", "数", "为", "达",
];
const CARRY_FILLER: &[&str] = &[
    "政府信息公开申请",
    "信息公开申请",
    "继续办理",
    "申请",
    "办理",
    "共计",
    "合计",
    "总计",
    "数量",
    "的",
    "共",
    "计",
    "数",
    "为",
];
const APPEAL_FILLER: &[&str] = &[
    "案件", "申请", "共计", "合计", "总计", "数量", "案", "共", "计", "数", "为",
];
/// What may follow a negated keyword before the clause ends (未产生行政复议案件。).
const ZERO_TAIL: &[&str] = &[
    "政府信息公开申请",
    "信息公开申请",
    "继续办理的情况",
    "继续办理",
    "的情况",
    "情况",
    "案件",
    "申请",
    "案",
];

/// Negations that state a 0 when they directly precede a verb of receiving or a carry-over.
const RECEIVE_NEGATIONS: [&str; 3] = ["没有", "未", "没"];
const CARRY_NEGATIONS: [&str; 3] = ["没有", "无", "未"];
/// Negations that state no review or lawsuit when they stand shortly before the keyword.
const APPEAL_NEGATIONS: [&str; 6] = ["未发生", "未产生", "未收到", "未出现", "未涉及", "无"];
/// 无 is common inside words (无法, 无论); it negates 行政复议 only directly or through these.
const BARE_NEGATION_GAPS: [&str; 6] = ["", "发生", "产生", "出现", "被申请", "提起"];

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?')
}

fn is_clause_stop(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':' | '（' | '(' | '）' | ')')
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{3000}' | '\t')
}

/// `s` starts with `word`. The words tested on every keyword hit are CJK: comparing their first
/// and last characters as fixed arrays first turns most misses away without a `memcmp` call.
fn starts(s: &str, word: &str) -> bool {
    let (s, w) = (s.as_bytes(), word.as_bytes());
    let Some(s) = s.get(..w.len()) else {
        return false;
    };
    let ends_agree = w.len() < 3
        || (s.first_chunk::<3>() == w.first_chunk::<3>()
            && s.last_chunk::<3>() == w.last_chunk::<3>());
    ends_agree && s == w
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// A guard list as one automaton: a guard scans up to a sentence for up to 22 words at once, where
/// a substring search per word would set up a searcher per word.
struct Guard {
    words: &'static [&'static str],
    /// The words are plain strings, so the automaton builds; were it not to, the words are searched
    /// one by one.
    automaton: Option<AhoCorasick>,
}

impl Guard {
    fn new(words: &'static [&'static str]) -> Self {
        Guard {
            words,
            automaton: AhoCorasick::new(words).ok(),
        }
    }

    fn is_match(&self, s: &str) -> bool {
        match &self.automaton {
            Some(automaton) => automaton.is_match(s),
            None => contains_any(s, self.words),
        }
    }
}

static RECEIVE_GUARD: LazyLock<Guard> = LazyLock::new(|| Guard::new(RECEIVE_QUALIFIERS));
static APPEAL_GUARD: LazyLock<Guard> = LazyLock::new(|| Guard::new(APPEAL_QUALIFIERS));
static CARRY_GUARD: LazyLock<Guard> = LazyLock::new(|| Guard::new(CARRY_QUALIFIERS));
static PERIOD_GUARD: LazyLock<Guard> = LazyLock::new(|| Guard::new(PERIODS));
static PART_GUARD: LazyLock<Guard> = LazyLock::new(|| Guard::new(PARTS));

/// `s` from byte `p` on (empty if `p` is past the end).
fn rest_of(s: &str, p: usize) -> &str {
    s.get(p..).unwrap_or_default()
}

/// `s` up to byte `i`.
fn head_of(s: &str, i: usize) -> &str {
    s.get(..i).unwrap_or_default()
}

/// Up to `n` characters before `i`, back to (not including) the first `stop`.
fn before(s: &str, i: usize, n: usize, stop: fn(char) -> bool) -> &str {
    let head = head_of(s, i);
    let mut start = head.len();
    for (j, c) in head.char_indices().rev().take(n) {
        if stop(c) {
            break;
        }
        start = j;
    }
    rest_of(head, start)
}

/// The sentence before `i`, or a run-in heading just before it (2.依申请公开。), is about
/// applications for government information.
fn about_disclosure(w: &Window, i: usize) -> bool {
    const TOPIC: &[&str] = &["信息公开", "依申请公开"];
    let s = &*w.buf;
    let sentence = before(s, i, 80, is_sentence_end);
    if contains_any(sentence, TOPIC) {
        return true;
    }
    let start = i - sentence.len();
    if start == 0 {
        w.short.set(true);
    }
    let Some(stop) = head_of(s, start)
        .chars()
        .next_back()
        .filter(|&c| is_sentence_end(c))
    else {
        return false;
    };
    let end = start - stop.len_utf8();
    let heading = before(s, end, 13, is_sentence_end);
    let whole = heading.len() == end
        || head_of(s, end - heading.len())
            .chars()
            .next_back()
            .is_some_and(is_sentence_end);
    whole && heading.chars().count() <= 12 && contains_any(heading, TOPIC)
}

/// A line that starts a new item (一、, （二）, 3., a Markdown heading) does not continue the one
/// before, nor does one that is itself such a heading (an item marker and no punctuation).
fn item_marker(line: &str) -> bool {
    let numeral = |c: char| {
        matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    };
    let mut chars = line.chars();
    match chars.next() {
        Some('#') => true,
        Some('（' | '(') => {
            let numeral = |c: char| numeral(c) || c.is_ascii_digit();
            chars.clone().next().is_some_and(numeral)
                && chars
                    .find(|&c| !numeral(c))
                    .is_some_and(|c| matches!(c, '）' | ')'))
        }
        Some(c) if numeral(c) => chars.find(|&c| !numeral(c)).is_some_and(|c| c == '、'),
        Some(c) if c.is_ascii_digit() => {
            let mut rest = chars.skip_while(char::is_ascii_digit);
            matches!(rest.next(), Some('.' | '．' | '、'))
                && !rest.next().is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Whether prose line `li` goes on, in the same sentence, on prose line `li + 1`.
fn continues(text: &str, prose: &[Span], li: usize) -> bool {
    let (Some(cur), Some(next)) = (prose.get(li), prose.get(li + 1)) else {
        return false;
    };
    // Only the very next physical line: a table or a blank line between ends the paragraph.
    if !matches!(text.get(cur.end..next.start), Some("\n" | "\r\n" | "\r")) {
        return false;
    }
    let (Some(line), Some(next)) = (text.get(cur.clone()), text.get(next.clone())) else {
        return false;
    };
    let (line, next) = (line.trim(), next.trim_start());
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    // A heading (a marker and none of the punctuation of running text) ends where it ends.
    let heading = item_marker(line) && !line.contains(['，', ',', '。', '；', ';', '：', ':']);
    !is_sentence_end(last) && !next.is_empty() && !heading && !item_marker(next)
}

/// The keyword standing around a hit of stem `stem` at byte `i` of `line`.
fn keyword_at(line: &str, i: usize, stem: usize) -> Option<(usize, usize)> {
    STEMMED.get(stem)?.iter().find_map(|&(k, offset)| {
        let start = i.checked_sub(offset)?;
        starts(line.get(start..)?, KEYWORDS.get(k)?.0).then_some((start, k))
    })
}

/// Whether some keyword has `c` before its last character: a line ending in none of them splits no
/// keyword, which spares most lines the search below. A `matches!` rather than a `str::contains`,
/// as it runs on every prose line.
fn keyword_head(c: char) -> bool {
    matches!(
        c,
        '受' | '接'
            | '收'
            | '新'
            | '上'
            | '一'
            | '年'
            | '度'
            | '结'
            | '转'
            | '下'
            | '至'
            | '到'
            | '行'
            | '政'
            | '复'
            | '诉'
    )
}

/// A keyword the break splits: its start in `line` (trimmed) and its index.
fn straddling(line: &str, next: &str) -> Option<(usize, usize)> {
    KEYWORDS.iter().enumerate().find_map(|(k, &(word, _))| {
        word.char_indices()
            .skip(1)
            .find(|&(cut, _)| {
                word.split_at_checked(cut)
                    .is_some_and(|(head, tail)| line.ends_with(head) && next.starts_with(tail))
            })
            .map(|(cut, _)| (line.len() - cut, k))
    })
}

fn cached(cell: &Cell<Option<bool>>, work: impl FnOnce() -> bool) -> bool {
    cell.get().unwrap_or_else(|| {
        let value = work();
        cell.set(Some(value));
        value
    })
}

/// A prose line with its neighbours, and whether the sentence runs across either break (worked
/// out on first need: most lines have no keyword and never ask).
struct Line<'a, 'p> {
    text: &'a str,
    prose: &'p [Span],
    li: usize,
    continues: Cell<Option<bool>>,
    continued: Cell<Option<bool>>,
}

impl<'a, 'p> Line<'a, 'p> {
    fn new(text: &'a str, prose: &'p [Span], li: usize) -> Self {
        Line {
            text,
            prose,
            li,
            continues: Cell::new(None),
            continued: Cell::new(None),
        }
    }

    fn str(&self) -> &'a str {
        prose_line(self.text, self.prose, self.li)
    }

    /// The sentence goes on on the next line.
    fn continues(&self) -> bool {
        cached(&self.continues, || {
            continues(self.text, self.prose, self.li)
        })
    }

    /// The sentence began on the line before.
    fn continued(&self) -> bool {
        cached(&self.continued, || {
            self.li > 0 && continues(self.text, self.prose, self.li - 1)
        })
    }
}

/// The text of prose line `li` (empty if there is none).
fn prose_line<'a>(text: &'a str, prose: &[Span], li: usize) -> &'a str {
    prose
        .get(li)
        .and_then(|span| text.get(span.clone()))
        .unwrap_or_default()
}

/// The text a keyword is matched in: its line, or (near a break) the line joined with the tail of
/// the line before or with the line after.
struct Window<'a> {
    buf: Cow<'a, str>,
    pieces: Pieces,
    /// Where the keyword's line starts in `buf`, and how much of its leading space was left out.
    line_at: (usize, usize),
    /// The keyword's line, and whether the sentence goes on past the line after when that is
    /// joined (otherwise past the keyword's line, asked only when the grammar reaches the end).
    line: &'a Line<'a, 'a>,
    next_more: Option<bool>,
    /// Whether a look-back reached the start of `buf` and found nothing there, while the sentence
    /// began on the line before, which `buf` left out.
    short: Cell<bool>,
}

impl<'a> Window<'a> {
    fn new(at: &'a Line<'a, 'a>, prev: bool, next: bool) -> Self {
        let (text, prose, li) = (at.text, at.prose, at.li);
        let start = prose.get(li).map_or(0, |span| span.start);
        let line = at.str();
        if !prev && !next {
            return Window {
                buf: Cow::Borrowed(line),
                pieces: Pieces::one((0, start)),
                line_at: (0, 0),
                line: at,
                next_more: None,
                short: Cell::new(false),
            };
        }
        let mut buf = String::with_capacity(256);
        let mut pieces = Pieces::default();
        if prev && let Some(p) = li.checked_sub(1).and_then(|q| prose.get(q)) {
            let tail = text.get(p.clone()).unwrap_or_default().trim_end();
            // The sentence's part on the line before, at most 32 characters of it.
            let part = before(tail, tail.len(), 32, is_sentence_end);
            pieces.push((0, p.start + tail.len() - part.len()));
            buf.push_str(part);
        }
        let lead = if prev {
            line.len() - line.trim_start().len()
        } else {
            0
        };
        let end = if next {
            line.trim_end().len()
        } else {
            line.len()
        };
        pieces.push((buf.len(), start + lead));
        let line_at = (buf.len(), lead);
        buf.push_str(line.get(lead..end.max(lead)).unwrap_or_default());
        let next_more = match prose.get(li + 1) {
            Some(n) if next => {
                let after = text.get(n.clone()).unwrap_or_default();
                let rest = after.trim_start();
                pieces.push((buf.len(), n.start + after.len() - rest.len()));
                buf.push_str(rest);
                Some(continues(text, prose, li + 1))
            }
            _ => None,
        };
        Window {
            buf: Cow::Owned(buf),
            pieces,
            line_at,
            line: at,
            next_more,
            short: Cell::new(false),
        }
    }

    /// Whether the sentence goes on past the end of `buf`.
    fn more(&self) -> bool {
        self.next_more.unwrap_or_else(|| self.line.continues())
    }

    /// Where byte `i` of the keyword's line stands in `buf`.
    fn at(&self, i: usize) -> usize {
        self.line_at.0 + i - self.line_at.1
    }

    /// The text span of `buf[a..b]`; a figure (`phrase` false) may not run across a break.
    fn span(&self, a: usize, b: usize, phrase: bool) -> Option<Span> {
        let (first, at) = self.pieces.holding(a);
        let (last, end) = self.pieces.holding(b - 1);
        (phrase || first == last).then(|| at + a - first..end + b - last)
    }
}

/// Where each piece joined in a window's buffer starts, in the buffer and in the text: the line
/// before, the keyword's line, the line after.
#[derive(Default)]
struct Pieces {
    starts: [(usize, usize); 3],
    count: usize,
}

impl Pieces {
    fn one(start: (usize, usize)) -> Self {
        Pieces {
            starts: [start; 3],
            count: 1,
        }
    }

    fn push(&mut self, start: (usize, usize)) {
        if let Some(slot) = self.starts.get_mut(self.count) {
            *slot = start;
            self.count += 1;
        }
    }

    /// The piece that holds byte `p` of the buffer.
    fn holding(&self, p: usize) -> (usize, usize) {
        self.starts
            .iter()
            .take(self.count)
            .rev()
            .find(|&&(start, _)| start <= p)
            .copied()
            .unwrap_or(self.starts[0])
    }
}

enum Outcome {
    /// The digits of a figure, in the window's buffer.
    Figure(Claim, i64, usize, usize),
    /// A phrase stating 0, and whether it covers the lawsuits too (未产生行政复议和诉讼).
    Zero(Claim, usize, usize, bool),
    /// The grammar reached the end of the buffer while the sentence goes on.
    Open,
    Nothing,
}

fn open(w: &Window) -> Outcome {
    if w.more() {
        Outcome::Open
    } else {
        Outcome::Nothing
    }
}

fn skip_space(s: &str, mut p: usize) -> usize {
    while let Some(c) = rest_of(s, p).chars().next().filter(|&c| is_space(c)) {
        p += c.len_utf8();
    }
    p
}

/// The figure at `from`, after filler words: digits, then a unit.
fn figure(w: &Window, from: usize, filler: &[&str], claim: Claim) -> Outcome {
    let s = &*w.buf;
    let mut p = skip_space(s, from);
    for _ in 0..6 {
        let Some(f) = filler.iter().find(|f| starts(rest_of(s, p), f)) else {
            break;
        };
        p = skip_space(s, p + f.len());
    }
    if p == s.len() || filler.iter().any(|f| f.starts_with(rest_of(s, p))) {
        // The break falls at or inside the filler (申 / 请 34件).
        return open(w);
    }
    let start = p;
    let mut value = 0i64;
    while let Some((c, d)) = rest_of(s, p)
        .chars()
        .next()
        .and_then(|c| Some((c, digit(c)?)))
    {
        value = value.saturating_mul(10).saturating_add(i64::from(d));
        p += c.len_utf8();
    }
    if p == start {
        return Outcome::Nothing;
    }
    let unit = skip_space(s, p);
    if unit == s.len() {
        return open(w);
    }
    let mut after = rest_of(s, unit).chars();
    let counted = match after.next() {
        // 个 also counts days and months (20个工作日内): it counts applications only when no word
        // follows it.
        Some('个') => !after.next().is_some_and(is_han),
        Some(c) => UNITS.contains(&c),
        None => false,
    };
    if counted {
        Outcome::Figure(claim, value, start, p)
    } else {
        Outcome::Nothing
    }
}

/// After a negated keyword (or object), the clause must end: 未收到政府信息公开申请。
fn clause_ends(w: &Window, from: usize, tail: &[&str]) -> Option<bool> {
    let s = &*w.buf;
    let mut p = from;
    if let Some(t) = tail.iter().find(|t| rest_of(s, p).starts_with(**t)) {
        p += t.len();
    }
    p = skip_space(s, p);
    match rest_of(s, p).chars().next() {
        None => (!w.more()).then_some(true),
        Some(c) => Some(is_clause_stop(c) || c == '、'),
    }
}

/// 受理 … 政府信息公开申请 N 件, or 未收到 … 申请.
fn received(w: &Window, i: usize, end: usize) -> Outcome {
    let s = &*w.buf;
    let head = head_of(s, i);
    // 不予受理 and 未予受理 are refusals, not receipts.
    if head.ends_with(['不', '予']) {
        return Outcome::Nothing;
    }
    let negation = RECEIVE_NEGATIONS
        .iter()
        .find(|n| head.ends_with(**n))
        .map(|n| i - n.len());
    let mut p = end;
    for _ in 0..=20 {
        let rest = rest_of(s, p);
        let Some(c) = rest.chars().next() else {
            return open(w);
        };
        let between = s.get(end..p).unwrap_or_default();
        // Every object starts with 政, 信 or 依 (a bare 申请 with 申): the others need no test.
        let object = matches!(c, '政' | '信' | '依')
            .then(|| OBJECTS.iter().find(|o| rest.starts_with(**o)))
            .flatten();
        if let Some(object) = object {
            return application(w, negation, between, p + object.len());
        }
        // A bare 申请 right after the verb: only in a sentence about information disclosure.
        if c == '申'
            && matches!(between, "" | "各类")
            && rest.starts_with("申请")
            && !rest.starts_with("申请人")
            && about_disclosure(w, i)
        {
            let outcome = application(w, negation, between, p + "申请".len());
            if !matches!(outcome, Outcome::Nothing) {
                return outcome;
            }
        }
        if is_clause_stop(c) || digit(c).is_some() {
            return Outcome::Nothing;
        }
        p += c.len_utf8();
    }
    Outcome::Nothing
}

/// The figure (or the stated 0) after the object of a verb of receiving, which ends at `end`.
fn application(w: &Window, negation: Option<usize>, between: &str, end: usize) -> Outcome {
    if let Some(at) = negation {
        if !matches!(
            between.trim(),
            "" | "任何" | "过" | "过任何" | "各类" | "到" | "到任何"
        ) {
            return Outcome::Nothing;
        }
        return match clause_ends(w, end, &["情况"]) {
            None => Outcome::Open,
            Some(true) => Outcome::Zero(Claim::Received, at, end, false),
            Some(false) => Outcome::Nothing,
        };
    }
    let lists = between.contains('、') || between.contains("各类") || between.contains("各种");
    if contains_any(between, &["其中", "上年", "去年"]) || (!lists && PART_GUARD.is_match(between))
    {
        return Outcome::Nothing;
    }
    figure(w, end, RECEIVE_FILLER, Claim::Received)
}

/// 上年结转 N 件 / 结转下年度 N 件, or 无上年结转 / 未结转下年度.
fn carried(w: &Window, i: usize, end: usize, claim: Claim) -> Outcome {
    let s = &*w.buf;
    if let Some(n) = CARRY_NEGATIONS
        .iter()
        .find(|n| head_of(s, i).ends_with(**n))
    {
        return match clause_ends(w, end, ZERO_TAIL) {
            None => Outcome::Open,
            Some(true) => Outcome::Zero(claim, i - n.len(), end, false),
            Some(false) => Outcome::Nothing,
        };
    }
    figure(w, end, CARRY_FILLER, claim)
}

/// A negation such as 未产生 standing shortly before the keyword at `i`.
fn appeal_negation(s: &str, i: usize) -> Option<usize> {
    let window = before(s, i, 8, |_| false);
    if !window.contains(['未', '无']) {
        return None;
    }
    let window_start = i - window.len();
    // The earliest negation that reaches the keyword: 未产生 rather than the 无 of a later word.
    window.char_indices().find_map(|(at, c)| {
        if !matches!(c, '未' | '无') {
            return None;
        }
        let negation = window.get(at..)?;
        let n = APPEAL_NEGATIONS.iter().find(|n| starts(negation, n))?;
        let gap = negation.get(n.len()..)?;
        let plain = !gap.chars().any(|c| digit(c).is_some() || is_clause_stop(c));
        let close = *n != "无" || BARE_NEGATION_GAPS.contains(&gap);
        (plain && close).then_some(window_start + at)
    })
}

/// 行政复议 N 件 / 行政诉讼 N 起, or 未产生行政复议和诉讼.
fn appeals(w: &Window, i: usize, end: usize, claim: Claim) -> Outcome {
    let s = &*w.buf;
    if let Some(at) = appeal_negation(s, i) {
        let mut p = end;
        if let Some(t) = ZERO_TAIL.iter().find(|t| rest_of(s, p).starts_with(**t)) {
            p += t.len();
        }
        let mut rest = rest_of(s, p).chars();
        if rest.next().is_some_and(|c| "和及、或与".contains(c)) {
            let other = rest.as_str();
            if w.more() && other.len() < "诉讼".len() && "诉讼".starts_with(other) {
                // The break falls before or inside what the negation may also cover.
                return Outcome::Open;
            }
            // 未产生行政复议和诉讼: a bare 诉讼 shares the negation (行政诉讼 is a keyword of
            // its own and is read at its own hit).
            let lawsuits = claim == Claim::Reviews && other.starts_with("诉讼");
            return Outcome::Zero(claim, at, end, lawsuits);
        }
        return match clause_ends(w, end, ZERO_TAIL) {
            None => Outcome::Open,
            Some(true) => Outcome::Zero(claim, at, end, false),
            Some(false) => Outcome::Nothing,
        };
    }
    figure(w, end, APPEAL_FILLER, claim)
}

/// Matches keyword `k` at byte `i` of the window's buffer.
fn read(w: &Window, i: usize, k: usize) -> Outcome {
    let Some(&(word, kind)) = KEYWORDS.get(k) else {
        return Outcome::Nothing;
    };
    let end = i + word.len();
    let outcome = match kind {
        Kind::Receive => received(w, i, end),
        Kind::Direct(claim @ (Claim::CarriedIn | Claim::CarriedOut)) => carried(w, i, end, claim),
        Kind::Direct(claim) => appeals(w, i, end, claim),
    };
    // The look-back guards run only on a match: most keyword hits match nothing.
    if !matches!(outcome, Outcome::Figure(..) | Outcome::Zero(..)) {
        return outcome;
    }
    let s = &*w.buf;
    let sentence = before(s, i, 80, is_sentence_end);
    let qualified = match kind {
        Kind::Receive => RECEIVE_GUARD.is_match(before(s, i, 40, is_clause_stop)),
        // A negation stands right before the keyword: nothing qualifies it there.
        Kind::Direct(Claim::CarriedIn | Claim::CarriedOut) => {
            matches!(outcome, Outcome::Figure(..))
                && CARRY_GUARD.is_match(before(s, i, 3, is_clause_stop))
        }
        Kind::Direct(_) => {
            APPEAL_GUARD.is_match(before(s, i, 6, |c| is_clause_stop(c) || c == '、'))
        }
    };
    if qualified || PERIOD_GUARD.is_match(sentence) {
        return Outcome::Nothing;
    }
    if sentence.len() == i {
        w.short.set(true);
    }
    outcome
}

fn push(out: &mut Vec<NarrativeFigure>, figure: NarrativeFigure) {
    // Two keywords may reach one figure (接收 and 收到 over a break); it is stated once.
    if !out.iter().rev().take(4).any(|f| *f == figure) {
        out.push(figure);
    }
}

/// Matches keyword `k` at byte `i` of prose line `li` in the line, joined with the sentence's part
/// on the line before if `prev`, and with the next line if `split` (the break splits the keyword)
/// or if the grammar runs into the break.
fn read_around<'a>(
    line: &'a Line<'a, 'a>,
    i: usize,
    k: usize,
    prev: bool,
    split: bool,
) -> (Window<'a>, Outcome) {
    let w = Window::new(line, prev, split);
    let outcome = read(&w, w.at(i), k);
    if matches!(outcome, Outcome::Open) && !split && w.more() {
        let w = Window::new(line, prev, true);
        let outcome = read(&w, w.at(i), k);
        return (w, outcome);
    }
    (w, outcome)
}

/// Reads keyword `k` at byte `i` of prose line `li`; `split` when the break splits the keyword.
fn read_keyword(line: &Line, i: usize, k: usize, split: bool, out: &mut Vec<NarrativeFigure>) {
    let (w, outcome) = read_around(line, i, k, false, split);
    // A keyword in a sentence begun on the line before may need that start: a negation just
    // before it (未 / 收到), the clause that qualifies a match, the topic of a bare 申请. The line
    // before is joined only when that can matter (a negation within reach on it, or a look-back
    // that ran into the start of the line), which keeps most keyword hits from allocating.
    let head = head_of(line.str(), i);
    let negation = || {
        let prev = line
            .li
            .checked_sub(1)
            .map_or("", |li| prose_line(line.text, line.prose, li));
        head.chars().nth(8).is_none()
            && prev
                .trim_end()
                .chars()
                .rev()
                .take(8)
                .any(|c| matches!(c, '未' | '无' | '没'))
    };
    let (w, outcome) = if line.continued() && (w.short.get() || negation()) {
        read_around(line, i, k, true, split)
    } else {
        (w, outcome)
    };
    match outcome {
        Outcome::Figure(claim, value, a, b) => {
            if let Some(span) = w.span(a, b, false) {
                push(out, NarrativeFigure { claim, value, span });
            }
        }
        Outcome::Zero(claim, a, b, lawsuits) => {
            let Some(span) = w.span(a, b, true) else {
                return;
            };
            push(
                out,
                NarrativeFigure {
                    claim,
                    value: 0,
                    span: span.clone(),
                },
            );
            if lawsuits {
                push(
                    out,
                    NarrativeFigure {
                        claim: Claim::Lawsuits,
                        value: 0,
                        span,
                    },
                );
            }
        }
        Outcome::Open | Outcome::Nothing => {}
    }
}

/// The hits after the first `n`.
fn rest_after(hits: &[usize], n: usize) -> &[usize] {
    hits.get(n..).unwrap_or_default()
}

/// Prose lines closer than this (in bytes) are searched as one stretch.
const STRETCH_GAP: usize = 256;

pub fn extract(text: &str, prose: &[Span]) -> Vec<NarrativeFigure> {
    let mut out = Vec::new();
    // One search per stem over the stretch of text the prose lines cover, rather than one per
    // line: on a line of a few dozen characters a search call costs more than the bytes it reads.
    // The hits outside prose (in tables) are passed over below.
    // Prose comes in stretches (section 一 before the tables, 五 and 六 after them): search each
    // stretch, not the tables between them.
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    for p in prose {
        match stretches.last_mut() {
            Some(last) if p.start >= last.1 && p.start - last.1 <= STRETCH_GAP => {
                last.1 = last.1.max(p.end)
            }
            _ => stretches.push((p.start, p.end)),
        }
    }
    // Each stem's hits, in text order, one stem after the other.
    let mut found: Vec<usize> = Vec::new();
    let mut counts = [0; STEMS.len()];
    for (finder, count) in FINDERS.iter().zip(&mut counts) {
        let before = found.len();
        for &(lo, hi) in &stretches {
            let stretch = text.as_bytes().get(lo..hi).unwrap_or_default();
            found.extend(finder.find_iter(stretch).map(|j| lo + j));
        }
        *count = found.len() - before;
    }
    let mut unsplit: &[usize] = &found;
    let per_stem = counts.map(|count| {
        let (hits, rest) = unsplit.split_at_checked(count).unwrap_or((unsplit, &[]));
        unsplit = rest;
        hits
    });
    // A cursor per stem (the hits not passed yet) walks them along the lines.
    let mut cursors = per_stem;
    // Reused across lines: most lines have no hit, and none should pay for an allocation.
    let mut hits: Vec<(usize, usize)> = Vec::new();
    let mut last_start = 0;
    for (li, span) in prose.iter().enumerate() {
        let at = Line::new(text, prose, li);
        let line = at.str();
        hits.clear();
        let stems = cursors.iter_mut().zip(per_stem).zip(STEMS).enumerate();
        for (stem, ((cursor, all), word)) in stems {
            if span.start < last_start {
                // Lines out of text order (not what the parser gives): search afresh.
                *cursor = rest_after(all, all.partition_point(|&j| j < span.start));
            }
            *cursor = rest_after(
                cursor,
                cursor.iter().take_while(|&&j| j < span.start).count(),
            );
            for &j in cursor.iter().take_while(|&&j| j + word.len() <= span.end) {
                hits.extend(keyword_at(line, j - span.start, stem));
            }
        }
        last_start = span.start;
        hits.sort_unstable();
        hits.dedup();
        for &(i, k) in &hits {
            read_keyword(&at, i, k, false, &mut out);
        }
        let line_end = line.trim_end();
        if line_end.ends_with(keyword_head) && at.continues() {
            let next = prose_line(text, prose, li + 1).trim_start();
            if let Some((i, k)) = straddling(line_end, next) {
                read_keyword(&at, i, k, true, &mut out);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(line: &str) -> Vec<(Claim, i64, &str)> {
        extract(line, std::slice::from_ref(&(0..line.len())))
            .into_iter()
            .map(|f| (f.claim, f.value, &line[f.span]))
            .collect()
    }

    /// `text` whose prose is the given byte ranges.
    fn figures_in<'a>(text: &'a str, prose: &[Span]) -> Vec<(Claim, i64, &'a str)> {
        extract(text, prose)
            .into_iter()
            .map(|f| (f.claim, f.value, &text[f.span]))
            .collect()
    }

    /// Lines joined by `\n`, every one of them prose.
    fn paragraph(lines: &[&str]) -> (String, Vec<Span>) {
        let text = lines.join("\n");
        let mut spans = Vec::new();
        let mut at = 0;
        for line in lines {
            spans.push(at..at + line.len());
            at += line.len() + 1;
        }
        (text, spans)
    }

    fn across(lines: &[&str]) -> Vec<(Claim, i64, String)> {
        let (text, spans) = paragraph(lines);
        figures_in(&text, &spans)
            .into_iter()
            .map(|(c, v, s)| (c, v, s.to_owned()))
            .collect()
    }

    fn owned(figures: &[(Claim, i64, &str)]) -> Vec<(Claim, i64, String)> {
        figures
            .iter()
            .map(|&(c, v, s)| (c, v, s.to_owned()))
            .collect()
    }

    #[test]
    fn received_applications() {
        assert_eq!(
            figures("全年共受理政府信息公开申请8件，均未产生行政复议和诉讼。"),
            vec![
                (Claim::Received, 8, "8"),
                (Claim::Reviews, 0, "未产生行政复议"),
                (Claim::Lawsuits, 0, "未产生行政复议"),
            ]
        );
        assert_eq!(
            figures("本年度共收到政府信息公开申请 12 件"),
            vec![(Claim::Received, 12, "12")]
        );
    }

    #[test]
    fn received_without_gong() {
        assert_eq!(
            figures("全区受理政府信息公开申请22件"),
            vec![(Claim::Received, 22, "22")]
        );
        assert_eq!(
            figures("本年度,共受理政府信息公开申请2件"),
            vec![(Claim::Received, 2, "2")]
        );
        assert_eq!(
            figures("全年共收到政府信息公开申请 12 件"),
            vec![(Claim::Received, 12, "12")]
        );
        assert_eq!(
            figures("本年新收政府信息公开申请１５件。"),
            vec![(Claim::Received, 15, "１５")]
        );
        assert_eq!(
            figures("共受理依申请公开申请5件。"),
            vec![(Claim::Received, 5, "5")]
        );
    }

    #[test]
    fn received_is_the_total_not_its_breakdown() {
        assert_eq!(
            figures(
                "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。"
            ),
            vec![(Claim::Received, 81, "81")]
        );
        // Two verbs over one figure state it once.
        assert_eq!(
            figures("全年接收到政府信息公开申请6件。"),
            vec![(Claim::Received, 6, "6")]
        );
    }

    #[test]
    fn received_and_carried_in_in_one_sentence() {
        assert_eq!(
            figures("受理政府信息公开申请8件，其中上年结转2件"),
            vec![(Claim::Received, 8, "8"), (Claim::CarriedIn, 2, "2")]
        );
        assert_eq!(
            figures("上年结转政府信息公开申请3件，结转下年度继续办理1件。"),
            vec![(Claim::CarriedIn, 3, "3"), (Claim::CarriedOut, 1, "1")]
        );
        assert!(figures("答复 3050件").is_empty());
    }

    #[test]
    fn sentence_across_a_line_break() {
        let lines = [
            "和针对性。2024年，全市共受理政府信息公开申请 3119件，答",
            "复 3050件（含上年度结转申请 34件，另有 103件顺延到下年度",
        ];
        assert_eq!(
            across(&lines),
            owned(&[
                (Claim::Received, 3119, "3119"),
                (Claim::CarriedIn, 34, "34")
            ])
        );
        let (text, spans) = paragraph(&lines);
        let got = extract(&text, &spans);
        assert_eq!(
            got[1].span.start,
            spans[1].start + "复 3050件（含上年度结转申请 ".len()
        );
    }

    #[test]
    fn break_inside_the_object_or_before_the_unit() {
        let want = owned(&[(Claim::Received, 3119, "3119")]);
        assert_eq!(
            across(&["全市共受理政府信息公开申", "请 3119件，答复"]),
            want
        );
        assert_eq!(
            across(&["全市共受理政府信息公开申请 3119", "件，答复"]),
            want
        );
        assert_eq!(
            across(&["全市共受理政府信息公开申请", "3119件，答复"]),
            want
        );
        assert_eq!(across(&["全市共受理", "政府信息公开申请3119件"]), want);
        assert_eq!(
            across(&["（含上年度结转政府信息公开申", "请 34件）"]),
            owned(&[(Claim::CarriedIn, 34, "34")])
        );
    }

    #[test]
    fn keyword_split_by_the_break() {
        assert_eq!(
            across(&["2024年，全市共受", "理政府信息公开申请3119件。"]),
            owned(&[(Claim::Received, 3119, "3119")])
        );
        assert_eq!(
            across(&["本年度政府信息公开行政复", "议 351件，其中结果维持 72件。"]),
            owned(&[(Claim::Reviews, 351, "351")])
        );
        assert_eq!(
            across(&["另含上年", "结转申请4件，结转下", "年度继续办理2件。"]),
            owned(&[(Claim::CarriedIn, 4, "4"), (Claim::CarriedOut, 2, "2")])
        );
    }

    #[test]
    fn negation_on_the_line_before() {
        assert_eq!(
            across(&["本年度，我局未", "收到政府信息公开申请。"]),
            owned(&[(Claim::Received, 0, "未\n收到政府信息公开申请")])
        );
        assert_eq!(
            across(&["全年均未产生行政复议和", "诉讼。"]),
            owned(&[
                (Claim::Reviews, 0, "未产生行政复议"),
                (Claim::Lawsuits, 0, "未产生行政复议"),
            ])
        );
        assert_eq!(
            across(&["全年均未产生", "行政复议和诉讼。"]),
            owned(&[
                (Claim::Reviews, 0, "未产生\n行政复议"),
                (Claim::Lawsuits, 0, "未产生\n行政复议"),
            ])
        );
    }

    #[test]
    fn what_the_break_does_not_join() {
        // A number the break splits is not read: 31 and 19 may be two numbers.
        assert!(across(&["全市共受理政府信息公开申请 31", "19件。"]).is_empty());
        // A line that ends its sentence, or is followed by a new item, closes the clause: the 0
        // stands. Followed by the rest of its sentence, it does not.
        let zero = owned(&[(Claim::Received, 0, "未收到政府信息公开申请")]);
        assert_eq!(
            across(&["本年度未收到政府信息公开申请", "二、主动公开情况"]),
            zero
        );
        assert_eq!(
            across(&["本年度未收到政府信息公开申请", "（三）主动公开情况"]),
            zero
        );
        assert_eq!(
            across(&["本年度未收到政府信息公开申请", "3.主动公开情况"]),
            zero
        );
        assert!(across(&["对未收到政府信息公开申请", "答复的情况进行核查。"]).is_empty());
        assert!(across(&["全市共受理政府信息公开申请；", "8件"]).is_empty());
        // The next prose line is not the next physical line (a table row stands between).
        let text = "全市共受理政府信息公开申请\n| 1 | 2 |\n8件，答复";
        let first = "全市共受理政府信息公开申请".len();
        let second = text.len() - "8件，答复".len();
        assert!(figures_in(text, &[0..first, second..text.len()]).is_empty());
        // A heading does not run into its paragraph.
        assert!(across(&["四、政府信息公开行政复议、行政诉讼情况", "2件均已办结。"]).is_empty());
        assert!(across(&["四、行政复议和行政诉讼", "2件均已办结。"]).is_empty());
        assert!(across(&["（四）行政复议和行政诉讼", "2件均已办结。"]).is_empty());
    }

    #[test]
    fn reviews_and_lawsuits() {
        assert_eq!(
            figures("发生行政复议案件2件，行政诉讼1起。"),
            vec![(Claim::Reviews, 2, "2"), (Claim::Lawsuits, 1, "1")]
        );
    }

    #[test]
    fn reviews_and_lawsuits_first_figure_only() {
        assert_eq!(
            figures("政府信息公开行政复议 351件，其中结果维持 72件，结果纠正 64件"),
            vec![(Claim::Reviews, 351, "351")]
        );
        assert_eq!(
            figures("政府信息公开行政诉讼 46件，其中结果维持 25件"),
            vec![(Claim::Lawsuits, 46, "46")]
        );
        assert_eq!(
            figures("因政府信息公开引起的行政复议案件2件、行政诉讼案件7件"),
            vec![(Claim::Reviews, 2, "2"), (Claim::Lawsuits, 7, "7")]
        );
    }

    #[test]
    fn zero_stated_in_words() {
        assert_eq!(
            figures("本年度未收到政府信息公开申请。"),
            vec![(Claim::Received, 0, "未收到政府信息公开申请")]
        );
        assert_eq!(
            figures("2023年,未收到政府信息公开申请情况。"),
            vec![(Claim::Received, 0, "未收到政府信息公开申请")]
        );
        assert_eq!(
            figures("全年未接到信息公开申请"),
            vec![(Claim::Received, 0, "未接到信息公开申请")]
        );
        assert_eq!(
            figures("本年度未发生行政复议、行政诉讼。"),
            vec![
                (Claim::Reviews, 0, "未发生行政复议"),
                (Claim::Lawsuits, 0, "未发生行政复议、行政诉讼"),
            ]
        );
        assert_eq!(
            figures("所有申请均已按时办结，未结转下年度。"),
            vec![(Claim::CarriedOut, 0, "未结转下年度")]
        );
        // Not a stated 0: the negation is about something else.
        assert!(figures("对申请人未收到政府信息公开申请答复的情况进行核查").is_empty());
        assert!(figures("本年度无行政复议纠错案件。").is_empty());
    }

    #[test]
    fn unrelated_numbers_are_ignored() {
        assert!(figures("发布政务服务事项1774项，即办件比率59.89%").is_empty());
        assert!(figures("共收到群众来电300次").is_empty());
        assert!(figures("发布政务服务事项1774项").is_empty());
        assert!(figures("共处理群众留言92条").is_empty());
        assert!(figures("办结依申请公开81件").is_empty());
        assert!(figures("涉及自然人80件、商业企业1件").is_empty());
        assert!(figures("主动公开政府信息13561条").is_empty());
        assert!(figures("我局高度重视依申请公开事项的答复").is_empty());
    }

    #[test]
    fn no_review_figure_from_a_distant_negation() {
        assert!(figures("全年没有因政府信息公开工作被申请行政复议、提起诉讼").is_empty());
    }

    #[test]
    fn applications_of_another_kind() {
        assert!(figures("共受理行政许可申请500件").is_empty());
        assert!(figures("本年度共收到申请12件").is_empty());
        // A bare 申请 in a sentence about information disclosure, or under a run-in heading.
        assert_eq!(
            figures("在政府信息公开工作中，全年共受理申请8件。"),
            vec![(Claim::Received, 8, "8")]
        );
        assert_eq!(
            figures("2.依申请公开。本年度共收到申请5件。"),
            vec![(Claim::Received, 5, "5")]
        );
        // The topic named after the figure does not make it one.
        assert!(figures("共受理申请8件，其中政府信息公开申请5件").is_empty());
    }

    #[test]
    fn parts_and_other_periods_are_not_read() {
        assert_eq!(
            figures("全年共受理政府信息公开申请20件，其中网上受理政府信息公开申请15件。"),
            vec![(Claim::Received, 20, "20")]
        );
        assert!(figures("受理自然人提出的政府信息公开申请80件").is_empty());
        assert!(figures("上半年共受理政府信息公开申请5件").is_empty());
        assert!(figures("上年度共受理政府信息公开申请5件").is_empty());
        assert!(figures("对不予受理政府信息公开申请3件进行复核").is_empty());
        assert!(figures("尚未审结的行政复议2件").is_empty());
        assert!(figures("全年办理行政复议案件120件").is_empty());
        assert!(figures("不服复议决定，经行政复议后提起行政诉讼2件").is_empty());
        assert!(figures("办结上年结转申请5件").is_empty());
        assert!(figures("行政复议决定书3份").is_empty());
        // 个 counting days, not applications.
        assert!(figures("在政府信息公开工作中，收到申请20个工作日内答复。").is_empty());
        assert_eq!(
            figures("上年结转政府信息公开申请2个。"),
            vec![(Claim::CarriedIn, 2, "2")]
        );
    }

    #[test]
    fn keyword_heads_cover_every_keyword() {
        for (word, _) in KEYWORDS {
            let last = word.chars().next_back().map_or(0, char::len_utf8);
            assert!(
                word[..word.len() - last].chars().all(keyword_head),
                "{word}"
            );
        }
        assert_eq!(STEMS.len(), FINDERS.len(), "one finder per stem");
        for (word, _) in KEYWORDS {
            assert!(STEMS.iter().any(|s| word.contains(s)), "{word}");
        }
    }

    /// Every prose line of `text` (lines end at \n, \r\n or \r), blank ones left out.
    fn lines_of(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i <= bytes.len() {
            if i == bytes.len() || matches!(bytes[i], b'\n' | b'\r') {
                if !text[start..i].trim().is_empty() {
                    spans.push(start..i);
                }
                if i + 1 < bytes.len() && bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
                    i += 1;
                }
                start = i + 1;
            }
            i += 1;
        }
        spans
    }

    const PIECES: &[&str] = &[
        "受理",
        "收到",
        "接",
        "收",
        "政府信息公开申",
        "请",
        "申请",
        "共计",
        "3",
        "19",
        "０",
        "件",
        "个",
        "工作日",
        "，",
        "。",
        "、",
        "未",
        "无",
        "上年",
        "度",
        "结转",
        "下年度",
        "行政复",
        "议",
        "行政诉讼",
        "和诉讼",
        "其中",
        "二、",
        "（一）",
        " ",
        "\u{3000}",
        "\n",
        "\r\n",
        "\r",
        "é",
    ];

    const SENTENCES: &[&str] = &[
        "2024年，全市共受理政府信息公开申请 3119件，答复 3050件（含上年度结转申请 34件，另有 103件顺延到下年度。",
        "2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件、商业企业1件。",
        "全年共受理政府信息公开申请8件，均未产生行政复议和诉讼。",
        "政府信息公开行政复议 351件，其中结果维持 72件，结果纠正 64件；政府信息公开行政诉讼 46件。",
        "因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。本年度未收到政府信息公开申请。",
        "上年结转政府信息公开申请3件，结转下年度继续办理1件，本年度未发生行政复议、行政诉讼。",
        "2.依申请公开。本年度共收到申请5件，全年没有因政府信息公开工作被申请行政复议、提起诉讼。",
    ];

    /// `sentence` with line breaks at the given character positions (after the first character).
    fn broken(sentence: &str, cuts: &[usize]) -> String {
        let mut out = String::new();
        let count = sentence.chars().count();
        for (n, c) in sentence.chars().enumerate() {
            if n > 0 && cuts.iter().any(|&cut| cut % count == n) {
                out.push('\n');
            }
            out.push(c);
        }
        out
    }

    proptest::proptest! {
        /// A line break inside a sentence never makes a figure the unbroken sentence does not
        /// state, and the span still holds the figure's digits.
        #[test]
        fn breaks_make_no_new_figures(
            which in 0..SENTENCES.len(),
            cuts in proptest::collection::vec(0..200usize, 0..4)
        ) {
            let sentence = SENTENCES[which];
            let whole: Vec<(Claim, i64)> = extract(sentence, std::slice::from_ref(&(0..sentence.len())))
                .into_iter()
                .map(|f| (f.claim, f.value))
                .collect();
            let text = broken(sentence, &cuts);
            let mut left = whole.clone();
            for f in extract(&text, &lines_of(&text)) {
                let at = left.iter().position(|&w| w == (f.claim, f.value));
                proptest::prop_assert!(at.is_some(), "{:?} from {:?}, whole {:?}", f, text, whole);
                left.remove(at.unwrap_or(0));
                let stated = &text[f.span.clone()];
                if f.value != 0 {
                    proptest::prop_assert_eq!(stated.parse::<i64>().ok(), Some(f.value));
                }
            }
        }


        /// Whatever the text, a figure's span holds exactly its digits and a stated 0 starts with
        /// its negation (and slicing the text at a span never splits a character).
        #[test]
        fn spans_point_at_what_they_state(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..48)
        ) {
            let text = pieces.concat();
            for f in extract(&text, &lines_of(&text)) {
                let stated = &text[f.span.clone()];
                if stated.chars().all(|c| digit(c).is_some()) {
                    let value = stated
                        .chars()
                        .filter_map(digit)
                        .fold(0i64, |v, d| v * 10 + i64::from(d));
                    proptest::prop_assert_eq!(value, f.value, "{:?}", text);
                } else {
                    proptest::prop_assert_eq!(f.value, 0, "{:?}", text);
                    proptest::prop_assert!(stated.starts_with(['未', '无', '没']), "{:?}", text);
                }
            }
        }
    }
}
