//! Recognising template labels in a cell's text: exact after normalisation, then a few known
//! confusions (预期/逾期 …), then a bounded edit distance. A cell may hold several labels in a row
//! (`（三）不予公开 1.属于国家秘密`, as copied from PDF). Spans come back in source bytes.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::Span;
use super::model::LabelKind;
use super::normalize::{normal_char, normalize};
use crate::template::{GROUPS, HEADER_TEXTS, ROWS, SECTIONS, SUB_TABLES};

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
const CONFUSIONS: &[(&str, &str)] = &[
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
}

fn section_heading(i: usize) -> &'static str {
    static HEADINGS: OnceLock<Vec<String>> = OnceLock::new();
    HEADINGS.get_or_init(|| SECTIONS.iter().map(|s| s.heading()).collect())[i].as_str()
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut entries = Vec::new();
        let mut prefixes = Vec::new();
        for i in 0..SECTIONS.len() {
            entries.push((section_heading(i), LabelKind::Section(i)));
        }
        for (i, s) in SUB_TABLES.iter().enumerate() {
            entries.push((s.anchor, LabelKind::Anchor(i)));
        }
        for r in ROWS.iter().filter(|r| !r.label.is_empty()) {
            entries.push((r.label, LabelKind::Row(r.id)));
        }
        for (i, g) in GROUPS.iter().enumerate() {
            prefixes.push(entries.len());
            entries.push((g.label, LabelKind::Group(i)));
        }
        for &(t, text) in HEADER_TEXTS {
            entries.push((text, LabelKind::Header(t)));
        }
        let entries: Vec<Entry> = entries
            .into_iter()
            .map(|(canonical, kind)| Entry {
                key: normalize(canonical).chars().collect(),
                kind,
                canonical,
            })
            .collect();
        let mut exact: HashMap<String, usize, BuildHasherDefault<Fnv>> = HashMap::default();
        for (i, e) in entries.iter().enumerate() {
            // Header texts repeat across tables (总计); the first entry wins, the parser re-reads the table.
            exact.entry(e.key.iter().collect::<String>()).or_insert(i);
        }
        Index {
            exact,
            entries,
            prefixes,
        }
    })
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
            if c == '&' && text[i..].find(';').is_some_and(|j| j <= 8) {
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

fn lookup(key: &[char]) -> Option<usize> {
    let mut buf = [0u8; MAX_LABEL_CHARS * 4];
    let mut len = 0;
    for c in key {
        len += c.encode_utf8(&mut buf[len..]).len();
    }
    std::str::from_utf8(&buf[..len])
        .ok()
        .and_then(|s| index().exact.get(s).copied())
}

/// Edit distance, giving up (None) beyond `bound`.
fn distance(a: &[char], b: &[char], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[b.len()]).filter(|&d| d <= bound)
}

fn fuzzy(key: &[char]) -> Option<usize> {
    if key.len() < 2 {
        return None;
    }
    let text: String = key.iter().collect();
    for &(wrong, right) in CONFUSIONS {
        if text.contains(wrong)
            && let Some(i) = lookup(&text.replace(wrong, right).chars().collect::<Vec<_>>())
        {
            return Some(i);
        }
    }
    let idx = index();
    let mut best: Option<(usize, usize)> = None;
    for (i, e) in idx.entries.iter().enumerate() {
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
            best = Some((d, i));
        }
    }
    best.map(|(_, i)| i)
}

fn hit(
    n: &Normal,
    text: &str,
    base: usize,
    from: usize,
    to: usize,
    entry: usize,
    exact: bool,
) -> Match {
    let e = &index().entries[entry];
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
    if !html && text.len() > MAX_LABEL_CHARS * 3 {
        return Vec::new();
    }
    thread_local! {
        static CACHE: RefCell<[MatchCache; 2]> = RefCell::default();
    }
    const CAPACITY: usize = 4096;
    let shift = |found: &[Match]| -> Vec<Match> {
        found
            .iter()
            .map(|m| Match {
                span: m.span.start + base..m.span.end + base,
                ..m.clone()
            })
            .collect()
    };
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let map = &mut cache[usize::from(html)];
        if let Some(found) = map.get(text) {
            return shift(found);
        }
        let found = recognise_uncached(text, 0, html);
        if map.len() >= CAPACITY {
            map.clear();
        }
        let out = shift(&found);
        map.insert(text.into(), found);
        out
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
        let rest = &n.chars[from..];
        if let Some(i) = lookup(rest) {
            out.push(hit(&n, text, base, from, len, i, true));
            return out;
        }
        // A group label standing before its first row in the same cell.
        let idx = index();
        let prefix = idx.prefixes.iter().copied().find(|&p| {
            let k = &idx.entries[p].key;
            rest.len() > k.len() && rest.starts_with(k)
        });
        match prefix {
            Some(p) => {
                let k = idx.entries[p].key.len();
                out.push(hit(&n, text, base, from, from + k, p, true));
                from += k;
            }
            None => break,
        }
    }
    let rest = &n.chars[from..];
    if let Some(i) = fuzzy(rest) {
        out.push(hit(&n, text, base, from, len, i, false));
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
                + if text[pos + field.len()..].starts_with('\u{3000}') {
                    3
                } else {
                    1
                };
        }
    }
    out
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
