//! Figures stated in the prose that the tables also hold: applications received, carried over and
//! forward, administrative reviews and lawsuits (a stated "none" counts as 0).

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::Span;
use super::model::{Claim, NarrativeFigure};

/// How far after a keyword its figure may stand, in characters.
const REACH: usize = 24;
const UNITS: [char; 5] = ['件', '起', '宗', '个', '次'];
const NEGATIONS: [&str; 6] = ["未发生", "未产生", "未收到", "未出现", "未涉及", "无"];

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The figure after a keyword: digits followed by a unit, within the same clause.
fn figure_after(line: &str, from: usize, need: Option<&str>) -> Option<(i64, Span)> {
    let rest = &line[from..];
    let mut seen_need = need.is_none();
    let mut chars = rest.char_indices().peekable();
    let mut count = 0;
    while let Some((i, c)) = chars.next() {
        count += 1;
        if count > REACH
            || matches!(c, '。' | '；' | ';' | '，' | ',') && seen_need && i > 0 && count > 12
        {
            return None;
        }
        if matches!(c, '。' | '；' | ';') {
            return None;
        }
        if let Some(n) = need
            && rest[i..].starts_with(n)
        {
            seen_need = true;
        }
        if let Some(first) = digit(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            let mut value = i64::from(first);
            while let Some(&(j, d)) = chars.peek() {
                let Some(v) = digit(d) else { break };
                value = value.saturating_mul(10).saturating_add(i64::from(v));
                end = j + d.len_utf8();
                chars.next();
            }
            let after = rest[end..].trim_start_matches([' ', '\u{3000}']);
            if seen_need && after.starts_with(UNITS) {
                return Some((value, from + start..from + end));
            }
        }
    }
    None
}

/// A negation such as 未产生 standing shortly before `at`.
fn negated(line: &str, at: usize) -> Option<usize> {
    let head = &line[..at];
    let window_start = head.char_indices().rev().nth(7).map_or(0, |(i, _)| i);
    let window = &head[window_start..];
    NEGATIONS
        .iter()
        .filter_map(|n| window.rfind(n).map(|i| window_start + i))
        .min()
        .filter(|&i| {
            !line[i..at]
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '。' | '，' | ',' | '；'))
        })
}

const KEYWORDS: &[(&str, Claim, Option<&str>)] = &[
    ("共受理", Claim::Received, Some("申请")),
    ("共收到", Claim::Received, Some("申请")),
    ("共接收", Claim::Received, Some("申请")),
    ("上年结转", Claim::CarriedIn, None),
    ("结转下年度", Claim::CarriedOut, None),
    ("结转下一年度", Claim::CarriedOut, None),
    ("行政复议", Claim::Reviews, None),
    ("行政诉讼", Claim::Lawsuits, None),
];

/// The keywords share three stems (共, 结转, 行政): one SIMD substring search per stem finds every
/// candidate, and the keyword is then read at the hit. On CJK prose this beats an automaton.
const STEMS: [&str; 3] = ["共", "结转", "行政"];
static FINDERS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| STEMS.iter().map(Finder::new).collect());

/// The keyword standing at byte `i` of `line` (上年结转 is found through its 结转).
fn keyword_at(line: &str, i: usize) -> Option<(usize, usize)> {
    KEYWORDS.iter().enumerate().find_map(|(k, &(word, _, _))| {
        let start = if word.starts_with("上年") {
            i.checked_sub("上年".len())?
        } else {
            i
        };
        line.get(start..)?.starts_with(word).then_some((start, k))
    })
}

pub fn extract(text: &str, prose: &[Span]) -> Vec<NarrativeFigure> {
    let mut out = Vec::new();
    for span in prose {
        let line = &text[span.clone()];
        let mut hits: Vec<(usize, usize)> = Vec::new();
        for finder in FINDERS.iter() {
            hits.extend(
                finder
                    .find_iter(line.as_bytes())
                    .filter_map(|i| keyword_at(line, i)),
            );
        }
        hits.sort_unstable();
        for (i, k) in hits {
            let (keyword, claim, need) = KEYWORDS[k];
            let from = i + keyword.len();
            {
                if let Some(at) = negated(line, i) {
                    out.push(NarrativeFigure {
                        claim,
                        value: 0,
                        span: span.start + at..span.start + from,
                    });
                    // 未产生行政复议和诉讼: the negation covers the lawsuits too.
                    if claim == Claim::Reviews
                        && line[from..].starts_with(['和', '及', '、'])
                        && line[from..].contains("诉讼")
                    {
                        out.push(NarrativeFigure {
                            claim: Claim::Lawsuits,
                            value: 0,
                            span: span.start + at..span.start + from,
                        });
                    }
                    continue;
                }
                if let Some((value, at)) = figure_after(line, from, need) {
                    out.push(NarrativeFigure {
                        claim,
                        value,
                        span: span.start + at.start..span.start + at.end,
                    });
                }
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
    fn reviews_and_lawsuits() {
        assert_eq!(
            figures("发生行政复议案件2件，行政诉讼1起。"),
            vec![(Claim::Reviews, 2, "2"), (Claim::Lawsuits, 1, "1")]
        );
    }

    #[test]
    fn unrelated_numbers_are_ignored() {
        assert!(figures("发布政务服务事项1774项，即办件比率59.89%").is_empty());
        assert!(figures("共收到群众来电300次").is_empty());
    }
}
