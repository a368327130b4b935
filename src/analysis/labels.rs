//! Recognising template labels in a cell's text: exact after normalisation, then a few known
//! confusions (预期/逾期 …), then a bounded edit distance. A cell may hold several labels in a row
//! (`（三）不予公开 1.属于国家秘密`, as copied from PDF). Spans come back in source bytes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::Span;
use super::model::LabelKind;
use super::normalize::{fold_numbering, normal_char, normalize};
use crate::template::{
    Format, GROUP_OTHER, GROUPS, HEADER_TEXTS, ROWS, RowId, SECTIONS, SUB_TABLES, SubTableDef,
    TRIAL_SUB_TABLES,
};

/// A label recognised in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub span: Span,
    pub kind: LabelKind,
    /// The template's text, for the quick fix when `exact` is false.
    pub canonical: &'static str,
    pub exact: bool,
}

/// Misspellings seen in published reports, mapped to the template's words.
pub const CONFUSIONS: &[(&str, &str)] = &[
    ("预期", "逾期"),
    ("其它", "其他"),
    ("事物", "事务"),
    ("重复", "反复"),
    ("帐", "账"),
];

type MatchCache = HashMap<Box<str>, Vec<Match>, BuildHasherDefault<Fnv>>;

/// A fast hash for short trusted keys (template labels and cell texts), where SipHash costs more than the lookup.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // FNV-style mixing eight bytes at a time: label keys are 10–150 bytes of UTF-8.
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(word))
                .wrapping_mul(0x0100_0000_01b3)
                .rotate_left(29);
        }
        for &b in chunks.remainder() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

struct Entry {
    key: Vec<char>,
    kind: LabelKind,
    canonical: &'static str,
}

struct Index {
    exact: HashMap<String, usize, BuildHasherDefault<Fnv>>,
    entries: Vec<Entry>,
    /// Entries that may stand before another label in the same cell (groups, sections).
    prefixes: Vec<usize>,
    /// Entries from this index on are alternative wordings of headings (exact matches only).
    aliased: usize,
}

fn section_heading(i: usize) -> &'static str {
    static HEADINGS: OnceLock<Vec<String>> = OnceLock::new();
    HEADINGS
        .get_or_init(|| SECTIONS.iter().map(|s| s.heading()).collect())
        .get(i)
        .map_or("", String::as_str)
}

/// Labels of both formats, for reading (which text is a heading, a header, a label at all).
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| build(&TRIAL_SUB_TABLES, |_| true, |_| true))
}

/// The labels of one format, for deciding which of its rows a label names.
fn format_index(format: Format) -> &'static Index {
    static Y2021: OnceLock<Index> = OnceLock::new();
    static TRIAL: OnceLock<Index> = OnceLock::new();
    match format {
        Format::Y2021 => {
            Y2021.get_or_init(|| build(&SUB_TABLES, |r| Format::Y2021.has(r), |_| true))
        }
        // The trial format's （六）其他处理 is a row, not a group.
        Format::Trial2019 => TRIAL.get_or_init(|| {
            build(
                &TRIAL_SUB_TABLES,
                |r| Format::Trial2019.has(r),
                |g| g != GROUP_OTHER,
            )
        }),
    }
}

fn build(
    anchors: &[SubTableDef],
    has_row: impl Fn(RowId) -> bool,
    has_group: impl Fn(usize) -> bool,
) -> Index {
    {
        let mut entries = Vec::new();
        let mut prefixes = Vec::new();
        for i in 0..SECTIONS.len() {
            entries.push((section_heading(i), LabelKind::Section(i)));
        }
        // Other known wordings of a heading (the 2019 format's, the regulation's, no numbering) are
        // the same heading: recognised exactly, with the template's heading as canonical text.
        let mut aliases = Vec::new();
        for (i, section) in SECTIONS.iter().enumerate() {
            for alias in std::iter::once(section.title).chain(section.aliases.iter().copied()) {
                aliases.push((i, section.numeral, alias));
            }
        }
        for (i, s) in anchors.iter().enumerate() {
            entries.push((s.anchor, LabelKind::Anchor(i)));
        }
        // Groups before rows: where both formats disagree (（六）其他处理 is a group in one, a row in
        // the other), the reader treats the text as a group, a fragment of what follows it.
        for (i, g) in GROUPS.iter().enumerate().filter(|(i, _)| has_group(*i)) {
            prefixes.push(entries.len());
            entries.push((g.label, LabelKind::Group(i)));
        }
        for r in ROWS.iter().filter(|r| !r.label.is_empty() && has_row(r.id)) {
            entries.push((r.label, LabelKind::Row(r.id)));
        }
        for &(t, text) in HEADER_TEXTS {
            entries.push((text, LabelKind::Header(t)));
        }
        let mut entries: Vec<Entry> = entries
            .into_iter()
            .map(|(canonical, kind)| Entry {
                key: normalize(canonical).chars().collect(),
                kind,
                canonical,
            })
            .collect();
        let aliased = entries.len();
        for (i, numeral, alias) in aliases {
            let numbered = format!("{numeral}、{alias}");
            for text in [numbered.as_str(), alias] {
                entries.push(Entry {
                    key: normalize(text).chars().collect(),
                    kind: LabelKind::Section(i),
                    canonical: section_heading(i),
                });
            }
        }
        let mut exact: HashMap<String, usize, BuildHasherDefault<Fnv>> = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            // Header texts repeat across tables (总计); the first entry wins, the parser re-reads the table.
            exact.entry(e.key.iter().collect::<String>()).or_insert(i);
        }
        Index {
            exact,
            entries,
            prefixes,
            aliased,
        }
    }
}

/// The normalised characters of a text with the source byte range of each.
struct Normal {
    chars: Vec<char>,
    ranges: Vec<(usize, usize)>,
}

fn normal(text: &str, base: usize, html: bool) -> Normal {
    let mut chars = Vec::with_capacity(text.len() / 3 + 1);
    let mut ranges = Vec::with_capacity(text.len() / 3 + 1);
    let mut in_tag = false;
    let mut iter = text.char_indices();
    while let Some((i, c)) = iter.next() {
        if html {
            if c == '<' {
                in_tag = true;
                continue;
            }
            if in_tag {
                in_tag = c != '>';
                continue;
            }
            if c == '&'
                && text
                    .get(i..)
                    .and_then(|rest| rest.find(';'))
                    .is_some_and(|j| j <= 8)
            {
                for (_, d) in iter.by_ref() {
                    if d == ';' {
                        break;
                    }
                }
                continue;
            }
        }
        if matches!(c, '#' | '*' | '>' | '`') {
            continue;
        }
        if let Some(n) = normal_char(c) {
            chars.push(n);
            ranges.push((base + i, base + i + c.len_utf8()));
        }
    }
    fold_numbering(&mut chars);
    Normal { chars, ranges }
}

impl Normal {
    fn span(&self, from: usize, to: usize) -> Span {
        match (
            self.ranges.get(from),
            to.checked_sub(1).and_then(|t| self.ranges.get(t)),
        ) {
            (Some(a), Some(b)) if to > from => a.0..b.1,
            _ => 0..0,
        }
    }
}

/// Labels are short; longer text is prose and never a label, which keeps the batch path cheap.
const MAX_LABEL_CHARS: usize = 90;

fn lookup(key: &[char]) -> Option<&'static Entry> {
    lookup_in(index(), key)
}

fn lookup_in<'i>(idx: &'i Index, key: &[char]) -> Option<&'i Entry> {
    if key.len() > MAX_LABEL_CHARS {
        return None;
    }
    let mut buf = [0u8; MAX_LABEL_CHARS * 4];
    let mut len = 0;
    for c in key {
        let room = buf.get_mut(len..len + c.len_utf8())?;
        len += c.encode_utf8(room).len();
    }
    let text = std::str::from_utf8(buf.get(..len)?).ok()?;
    idx.exact.get(text).and_then(|&i| idx.entries.get(i))
}

/// Edit distance, giving up (None) beyond `bound`.
fn distance(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    // prev[j]: the distance between the first i characters of `a` and the first j of `b`.
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = Vec::with_capacity(b.len() + 1);
    for (i, &ca) in a.iter().enumerate() {
        cur.clear();
        let mut left = i + 1;
        cur.push(left);
        let mut row_min = left;
        for (&cb, (&diagonal, &up)) in b.iter().zip(prev.iter().zip(prev.iter().skip(1))) {
            left = (diagonal + usize::from(ca != cb)).min(up + 1).min(left + 1);
            cur.push(left);
            row_min = row_min.min(left);
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().filter(|&d| d <= bound)
}

fn fuzzy(key: &[char]) -> Option<&'static Entry> {
    if key.len() < 2 {
        return None;
    }
    let text: String = key.iter().collect();
    for &(wrong, right) in CONFUSIONS {
        if text.contains(wrong)
            && let Some(e) = lookup(&text.replace(wrong, right).chars().collect::<Vec<_>>())
        {
            return Some(e);
        }
    }
    let idx = index();
    let mut best: Option<(usize, &Entry)> = None;
    for e in idx.entries.iter().take(idx.aliased) {
        let bound = e.key.len() / 6;
        if bound == 0 {
            continue;
        }
        // Sections keep their numeral: 四、结转下年度… must never become 四、政府信息公开行政复议….
        if matches!(e.kind, LabelKind::Section(_)) && key.get(..2) != e.key.get(..2) {
            continue;
        }
        if let Some(d) = distance(key, &e.key, bound)
            && best.is_none_or(|(bd, _)| d < bd)
        {
            best = Some((d, e));
        }
    }
    best.map(|(_, e)| e)
}

fn hit(
    n: &Normal,
    text: &str,
    base: usize,
    from: usize,
    to: usize,
    e: &Entry,
    exact: bool,
) -> Match {
    let mut span = n.span(from, to);
    // Quotes fold away in normalisation; a closing quote still belongs to the label (3.危及“三安全一稳定”).
    if let Some(rest) = text.get(span.end.saturating_sub(base)..) {
        let quotes: usize = rest
            .chars()
            .take_while(|c| matches!(c, '"' | '”' | '’' | '\'' | '」' | '』'))
            .map(char::len_utf8)
            .sum();
        span.end += quotes;
    }
    Match {
        span,
        kind: e.kind,
        canonical: e.canonical,
        exact,
    }
}

/// Recognises the labels in `text` (which starts at byte `base`). Empty when the text is no label.
///
/// The same label texts recur in every report of a batch, so results are memoised per thread
/// (bounded; the key is the raw text, so the result is exactly what a fresh match would give).
pub fn recognise(text: &str, base: usize, html: bool) -> Vec<Match> {
    let mut out = Vec::new();
    recognise_into(text, base, html, &mut out);
    out
}

/// [`recognise`] into a reused buffer (cleared first): the reader calls it for every text line.
pub fn recognise_into(text: &str, base: usize, html: bool, out: &mut Vec<Match>) {
    out.clear();
    if !html && text.len() > MAX_LABEL_CHARS * 3 {
        return;
    }
    thread_local! {
        static CACHE: RefCell<[MatchCache; 2]> = RefCell::default();
    }
    const CAPACITY: usize = 4096;
    let shift = |found: &[Match], out: &mut Vec<Match>| {
        out.extend(found.iter().map(|m| Match {
            span: m.span.start + base..m.span.end + base,
            ..m.clone()
        }));
    };
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let [plain, marked_up] = &mut *cache;
        let map = if html { marked_up } else { plain };
        if let Some(found) = map.get(text) {
            shift(found, out);
            return;
        }
        let found = recognise_uncached(text, 0, html);
        if map.len() >= CAPACITY {
            map.clear();
        }
        shift(&found, out);
        map.insert(text.into(), found);
    })
}

fn recognise_uncached(text: &str, base: usize, html: bool) -> Vec<Match> {
    let n = normal(text, base, html);
    if n.chars.len() > MAX_LABEL_CHARS {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    let len = n.chars.len();
    if len == 0 {
        return out;
    }
    loop {
        let rest = n.chars.get(from..).unwrap_or_default();
        if let Some(e) = lookup(rest) {
            out.push(hit(&n, text, base, from, len, e, true));
            return out;
        }
        // A group label standing before its first row in the same cell.
        let idx = index();
        let prefix = idx
            .prefixes
            .iter()
            .filter_map(|&p| idx.entries.get(p))
            .find(|e| rest.len() > e.key.len() && rest.starts_with(&e.key));
        match prefix {
            Some(e) => {
                let k = e.key.len();
                out.push(hit(&n, text, base, from, from + k, e, true));
                from += k;
            }
            None => break,
        }
    }
    let rest = n.chars.get(from..).unwrap_or_default();
    if let Some(e) = fuzzy(rest) {
        out.push(hit(&n, text, base, from, len, e, false));
    } else if text.contains([' ', '\u{3000}']) {
        // Fields of a PDF row split by spaces: each field may be a label of its own.
        out.truncate(0);
        let mut pos = 0;
        for field in text.split([' ', '\u{3000}']) {
            if !field.is_empty() {
                out.extend(
                    recognise_uncached(field, base + pos, html)
                        .into_iter()
                        .filter(|m| m.exact),
                );
            }
            pos += field.len()
                + if text
                    .get(pos + field.len()..)
                    .is_some_and(|rest| rest.starts_with('\u{3000}'))
                {
                    3
                } else {
                    1
                };
        }
    }
    out
}

/// What a candidate row's label most likely stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct RowGuess {
    pub row: RowId,
    /// The characters taken as the label (after any group label or page furniture before it).
    pub span: Span,
    /// Equal to the template's label after normalisation.
    pub exact: bool,
    /// 1 for an exact label; lower the more it differs.
    pub score: f32,
    /// A group label standing before the row label in the same fragments (`（三）不予公开`).
    pub group: Option<(usize, Span)>,
}

/// Labels wrapped over more lines than this are not labels any more.
const MAX_FRAGMENT_CHARS: usize = 3 * MAX_LABEL_CHARS;

fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Where a numbered label may start inside normalised text: `1.`, `(一)`, `一、` (not `第(一)项`).
fn is_numbering_at(chars: &[char], p: usize) -> bool {
    let prev = p.checked_sub(1).and_then(|q| chars.get(q)).copied();
    let Some((&c, after)) = chars.get(p..).and_then(<[char]>::split_first) else {
        return false;
    };
    if c.is_ascii_digit() {
        if prev.is_some_and(|q| q.is_ascii_digit() || q == '.') {
            return false;
        }
        let end = after
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(chars.len(), |k| p + 1 + k);
        return chars.get(end) == Some(&'.')
            && chars.get(end + 1).is_some_and(|c| !c.is_ascii_digit());
    }
    if c == '(' {
        return prev != Some('第')
            && chars.get(p + 1).is_some_and(|&c| is_cjk_numeral(c))
            && chars.get(p + 2) == Some(&')');
    }
    is_cjk_numeral(c)
        && chars.get(p + 1) == Some(&'、')
        && !prev.is_some_and(|q| is_cjk_numeral(q) || q == '第')
}

impl Entry {
    fn row(&self) -> Option<RowId> {
        match self.kind {
            LabelKind::Row(r) => Some(r),
            _ => None,
        }
    }
}

/// The template row that a candidate's label fragments (in reading order) stand for, if any.
///
/// The label is the end of the fragments: text before it is a group label, a vertical group label
/// one character per line, or page furniture. Exact matches are tried first from every place a
/// label may start (each fragment, each numbering); then known confusions and a bounded edit
/// distance against the rows of the template.
pub fn guess_row(text: &str, fragments: &[Span], html: bool, format: Format) -> Option<RowGuess> {
    // The same labels recur in every report of a batch: memoise per thread on the raw text the
    // fragments cover and where they lie in it, with spans kept relative to that text.
    let base = fragments.iter().map(|f| f.start).min()?;
    let end = fragments.iter().map(|f| f.end).max()?;
    let raw = text.get(base..end)?;
    if raw.len() > MAX_FRAGMENT_CHARS * 4 {
        return guess_uncached(text, fragments, html, format);
    }
    let mut key: Vec<u8> = Vec::with_capacity(raw.len() + 8 * fragments.len() + 2);
    key.push(u8::from(html));
    key.push(u8::from(format == Format::Y2021));
    for f in fragments {
        key.extend_from_slice(&((f.start - base) as u32).to_le_bytes());
        key.extend_from_slice(&((f.end - base) as u32).to_le_bytes());
    }
    key.extend_from_slice(raw.as_bytes());
    thread_local! {
        static CACHE: RefCell<HashMap<Vec<u8>, Option<RowGuess>, BuildHasherDefault<Fnv>>> =
            RefCell::default();
    }
    let shift = |g: &RowGuess, by: isize| {
        let mv = |s: &Span| (s.start as isize + by) as usize..(s.end as isize + by) as usize;
        RowGuess {
            span: mv(&g.span),
            group: g.group.as_ref().map(|(i, s)| (*i, mv(s))),
            ..g.clone()
        }
    };
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(found) = cache.get(&key) {
            return found.as_ref().map(|g| shift(g, base as isize));
        }
        let found = guess_uncached(text, fragments, html, format);
        if cache.len() >= 4096 {
            cache.clear();
        }
        cache.insert(key, found.as_ref().map(|g| shift(g, -(base as isize))));
        found
    })
}

fn guess_uncached(text: &str, fragments: &[Span], html: bool, format: Format) -> Option<RowGuess> {
    let idx = format_index(format);
    let parts: Vec<Normal> = fragments
        .iter()
        .filter_map(|f| {
            let part = text.get(f.clone())?;
            Some(normal(part, f.start, html || part.contains('<')))
        })
        .collect();
    if let Some(exact) = exact_guess(idx, &parts, None) {
        return Some(exact);
    }
    // PDF text interleaves a vertical group label with a wrapped row label (`2、…通知要` /
    // `他处理` / `求缴纳费用…`): without one fragment, the rest may be the label exactly.
    if parts.len() >= 3 {
        for skip in 0..parts.len() - 1 {
            if let Some(mut g) = exact_guess(idx, &parts, Some(skip)) {
                // The label is as the template writes it; only the reading skipped text inside it.
                g.score = 0.95;
                return Some(g);
            }
        }
    }
    let (n, starts) = assemble(&parts, None)?;
    let len = n.chars.len();
    // Damaged labels: the latest few starts, each against every row label.
    let mut best: Option<(f32, &Entry, usize)> = None;
    for &s in starts.iter().rev().take(4) {
        let Some(key) = n.chars.get(s..) else {
            continue;
        };
        if key.len() < 3 || key.len() > MAX_LABEL_CHARS {
            continue;
        }
        if let Some((score, entry)) = fuzzy_row(idx, key)
            && best.is_none_or(|b| score > b.0)
        {
            best = Some((score, entry, s));
            // A known confusion from the latest start is as good as it gets.
            if score >= 0.95 {
                break;
            }
        }
    }
    let (score, entry, s) = best?;
    Some(RowGuess {
        row: entry.row()?,
        span: n.span(s, len),
        exact: false,
        score,
        group: group_before(idx, &n, &starts, s),
    })
}

/// The fragments' normalised text (leaving out fragment `skip`) and the places a label may start.
fn assemble(parts: &[Normal], skip: Option<usize>) -> Option<(Normal, Vec<usize>)> {
    let mut n = Normal {
        chars: Vec::new(),
        ranges: Vec::new(),
    };
    let mut starts: Vec<usize> = Vec::with_capacity(parts.len() + 2);
    for (k, p) in parts.iter().enumerate() {
        if Some(k) == skip {
            continue;
        }
        starts.push(n.chars.len());
        n.chars.extend_from_slice(&p.chars);
        n.ranges.extend_from_slice(&p.ranges);
    }
    let len = n.chars.len();
    if len == 0 || len > MAX_FRAGMENT_CHARS {
        return None;
    }
    for p in 0..len {
        if is_numbering_at(&n.chars, p) {
            starts.push(p);
        }
    }
    starts.sort_unstable();
    starts.dedup();
    Some((n, starts))
}

/// A group label standing before the row label that starts at `s`.
fn group_before(idx: &Index, n: &Normal, starts: &[usize], s: usize) -> Option<(usize, Span)> {
    starts.iter().filter(|&&t| t < s).find_map(|&t| {
        match lookup_in(idx, n.chars.get(t..s)?)?.kind {
            LabelKind::Group(g) => Some((g, n.span(t, s))),
            _ => None,
        }
    })
}

/// The row whose label the fragments end with exactly, from the earliest place it can start.
fn exact_guess(idx: &Index, parts: &[Normal], skip: Option<usize>) -> Option<RowGuess> {
    let (n, starts) = assemble(parts, skip)?;
    let len = n.chars.len();
    for &s in &starts {
        let Some(key) = n.chars.get(s..) else {
            continue;
        };
        if key.len() > MAX_LABEL_CHARS {
            continue;
        }
        if let Some(row) = lookup_in(idx, key).and_then(Entry::row) {
            return Some(RowGuess {
                row,
                span: n.span(s, len),
                exact: true,
                score: 1.0,
                group: group_before(idx, &n, &starts, s),
            });
        }
    }
    None
}

/// The row label closest to `key`: a known confusion, or an edit distance of at most a quarter of
/// the label (never for labels of fewer than four characters, where one edit is another label).
fn fuzzy_row<'i>(idx: &'i Index, key: &[char]) -> Option<(f32, &'i Entry)> {
    let text: String = key.iter().collect();
    for &(wrong, right) in CONFUSIONS {
        if text.contains(wrong)
            && let Some(entry) =
                lookup_in(idx, &text.replace(wrong, right).chars().collect::<Vec<_>>())
            && entry.row().is_some()
        {
            return Some((0.95, entry));
        }
    }
    let mut best: Option<(f32, &Entry)> = None;
    for e in idx.entries.iter().take(idx.aliased) {
        if !matches!(e.kind, LabelKind::Row(_)) || e.key.len() < 4 {
            continue;
        }
        let bound = e.key.len() / 4;
        if let Some(d) = distance(key, &e.key, bound) {
            let score = 1.0 - d as f32 / e.key.len().max(key.len()) as f32;
            if best.is_none_or(|b| score > b.0) {
                best = Some((score, e));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::TableId;

    fn kinds(text: &str) -> Vec<(LabelKind, bool, &str)> {
        recognise(text, 0, false)
            .into_iter()
            .map(|m| (m.kind, m.exact, &text[m.span]))
            .collect()
    }

    #[test]
    fn exact_after_normalisation() {
        assert_eq!(
            kinds("(一)予以公开"),
            vec![(LabelKind::Row(8), true, "(一)予以公开")]
        );
        assert_eq!(
            kinds("3.危及\"三安全一稳定\""),
            vec![(LabelKind::Row(12), true, "3.危及\"三安全一稳定\"")]
        );
        assert_eq!(
            kinds("第二十条第(五)项"),
            vec![(LabelKind::Anchor(1), true, "第二十条第(五)项")]
        );
        assert_eq!(
            kinds("## 二、主动公开政府信息情况"),
            vec![(LabelKind::Section(1), true, "二、主动公开政府信息情况")]
        );
        assert_eq!(
            kinds("总计"),
            vec![(LabelKind::Header(TableId::Requests), true, "总计")]
        );
    }

    #[test]
    fn known_confusions_are_recognised_but_not_exact() {
        let text = "1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请";
        assert_eq!(kinds(text), vec![(LabelKind::Row(26), false, text)]);
        assert_eq!(kinds("3.其它"), vec![(LabelKind::Row(28), false, "3.其它")]);
        assert_eq!(
            kinds("4.无正当理由大量重复申请"),
            vec![(LabelKind::Row(24), false, "4.无正当理由大量重复申请")]
        );
        assert_eq!(
            kinds("2.重复申请"),
            vec![(LabelKind::Row(22), true, "2.重复申请")]
        );
    }

    #[test]
    fn group_before_row_in_one_cell() {
        assert_eq!(
            kinds("（三）不予公开 1.属于国家秘密"),
            vec![
                (LabelKind::Group(1), true, "（三）不予公开"),
                (LabelKind::Row(10), true, "1.属于国家秘密")
            ]
        );
        assert_eq!(
            kinds("三、本年度办理结果 （一）予以公开"),
            vec![
                (LabelKind::Group(0), true, "三、本年度办理结果"),
                (LabelKind::Row(8), true, "（一）予以公开")
            ]
        );
    }

    #[test]
    fn headers_split_by_spaces() {
        let got = kinds("结果维持 结果纠正 其他结果");
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].2, "其他结果");
    }

    #[test]
    fn prose_and_other_rows_are_not_labels() {
        assert!(
            kinds("四、结转下年度继续办理")
                .iter()
                .all(|k| k.0 == LabelKind::Row(30))
        );
        assert!(kinds("本机关全年共受理政府信息公开申请8件，均已按时答复。").is_empty());
        assert!(kinds("规定").is_empty());
    }

    #[test]
    fn html_tags_are_skipped_with_exact_spans() {
        let text = "<b>规章</b>";
        let got = recognise(text, 10, true);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].span, 13..19);
    }
}
