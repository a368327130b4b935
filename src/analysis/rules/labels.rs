//! `label/nonstandard`: a label recognised only after fuzzy matching or by its place in the table.
//! The finding covers the characters that differ from the template (预期 in 预期不补正), and its quick
//! fix replaces only those, so the rest of the line is never touched.

use super::row_name;
use crate::analysis::labels::CONFUSIONS;
use crate::analysis::model::Report;
use crate::analysis::normalize::{fold_numbering, normal_char};
use crate::analysis::{Finding, Fix, Message, Rule, Span};
use crate::template::{TableId, row_def};

pub fn check(text: &str, report: &Report, out: &mut Vec<Finding>) {
    for label in report.labels.iter().filter(|l| !l.exact) {
        let (span, replacement) = narrowed_cached(text, &label.span, label.canonical);
        let message = Message::new(
            format!("标签与模板不一致，应为“{}”", label.canonical),
            format!(
                "Label differs from the template; expected “{}”",
                label.canonical
            ),
        );
        let fix = Fix {
            title: Message::new(
                format!("改为“{replacement}”（模板：“{}”）", label.canonical),
                format!(
                    "Replace with “{replacement}” (template: “{}”)",
                    label.canonical
                ),
            ),
            span: span.clone(),
            replacement,
        };
        out.push(Finding::new(Rule::Nonstandard, span, message).with_fix(fix));
    }
    // A row read by its place in the table, its label cell blank or lost.
    for hit in report.rows.iter().filter(|h| h.label.is_none()) {
        if row_def(hit.row).table == TableId::Appeals {
            continue;
        }
        let Some(span) = report.row_span(hit) else {
            continue;
        };
        out.push(Finding::new(
            Rule::Nonstandard,
            span,
            Message::new(
                format!(
                    "此行没有行标签，按模板位置读作“{}”",
                    row_name(hit.row, false)
                ),
                format!(
                    "This row has no label; by its place it is read as “{}”",
                    row_name(hit.row, true)
                ),
            ),
        ));
    }
}

/// [`narrowed`], memoised per thread: the same misspellings (预期 for 逾期) recur across reports.
fn narrowed_cached(text: &str, span: &Span, canonical: &'static str) -> (Span, String) {
    type Narrowed = std::collections::HashMap<(String, &'static str), (Span, String)>;
    thread_local! {
        static CACHE: std::cell::RefCell<Narrowed> = std::cell::RefCell::default();
    }
    let Some(written) = text.get(span.clone()) else {
        return narrowed(text, span, canonical);
    };
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = (written.to_string(), canonical);
        if let Some((s, r)) = cache.get(&key) {
            return (s.start + span.start..s.end + span.start, r.clone());
        }
        let (s, r) = narrowed(text, span, canonical);
        if cache.len() >= 1024 {
            cache.clear();
        }
        cache.insert(key, (s.start - span.start..s.end - span.start, r.clone()));
        (s, r)
    })
}

/// Labels are short: their normalised characters fit a fixed buffer (no allocation per finding).
const MAX_CHARS: usize = 128;

/// The characters of a label with their byte ranges, as label matching sees them; `None` when the
/// label is too long to narrow.
fn normal_chars<'b>(
    text: &str,
    base: usize,
    out: &'b mut [(char, usize, usize); MAX_CHARS],
) -> Option<&'b [(char, usize, usize)]> {
    let mut n = 0;
    for (i, c) in text.char_indices() {
        if let Some(m) = normal_char(c) {
            *out.get_mut(n)? = (m, base + i, base + i + c.len_utf8());
            n += 1;
        }
    }
    let found = out.get_mut(..n)?;
    // `1、` is `1.` (R5): numbering punctuation is never a difference.
    let mut chars = [' '; MAX_CHARS];
    for (c, p) in chars.iter_mut().zip(found.iter()) {
        *c = p.0;
    }
    fold_numbering(chars.get_mut(..n)?);
    for (p, c) in found.iter_mut().zip(chars) {
        p.0 = c;
    }
    Some(&*found)
}

/// The byte range that characters of [`normal_chars`] cover.
fn extent(chars: &[(char, usize, usize)]) -> Option<Span> {
    Some(chars.first()?.1..chars.last()?.2)
}

/// The part of `span` that differs from `canonical`, and the template's text for it.
///
/// Common leading and trailing characters are left out; a difference inside a known confusion
/// (预期 for 逾期) covers the whole word. When most of the label differs, the whole label is replaced.
fn narrowed(text: &str, span: &Span, canonical: &str) -> (Span, String) {
    let whole = (span.clone(), canonical.to_string());
    let Some(written) = text.get(span.clone()) else {
        return whole;
    };
    let mut seen_buf = [('\0', 0, 0); MAX_CHARS];
    let mut want_buf = [('\0', 0, 0); MAX_CHARS];
    let (Some(seen), Some(want)) = (
        normal_chars(written, span.start, &mut seen_buf),
        normal_chars(canonical, 0, &mut want_buf),
    ) else {
        return whole;
    };
    let prefix = seen
        .iter()
        .zip(want)
        .take_while(|(a, b)| a.0 == b.0)
        .count();
    let room = seen.len().min(want.len()) - prefix;
    let suffix = seen
        .iter()
        .rev()
        .zip(want.iter().rev())
        .take(room)
        .take_while(|(a, b)| a.0 == b.0)
        .count();
    let (mut a, mut b) = (prefix, seen.len() - suffix);
    let (mut c, mut d) = (prefix, want.len() - suffix);
    // Widen to a known confusion written in place of the template's word (same length).
    for (wrong, right) in CONFUSIONS {
        let (wn, rn) = (wrong.chars().count(), right.chars().count());
        if wn != rn || a >= seen.len() {
            continue;
        }
        for start in a.saturating_sub(wn - 1)..=a.min(seen.len().saturating_sub(wn)) {
            let hits = seen
                .get(start..start + wn)
                .is_some_and(|x| x.iter().map(|y| y.0).eq(wrong.chars()));
            // `a` moves back when a confusion is found; later starts past it are no longer before it.
            let Some(shift) = a.checked_sub(start) else {
                break;
            };
            if hits
                && c >= shift
                && want
                    .get(c - shift..c - shift + rn)
                    .is_some_and(|x| x.iter().map(|y| y.0).eq(right.chars()))
            {
                a = start;
                c -= shift;
                b = b.max(start + wn);
                d = d.max(c + rn);
                // The word starts at `a` now: a later start would lie past it.
                break;
            }
        }
    }
    if b - a > seen.len() / 2 || (a == b && c == d) {
        return whole;
    }
    // A pure deletion (`…已获` for `…已获取信息`): take the character before, to have a place.
    if a == b {
        if a == 0 {
            return whole;
        }
        a -= 1;
        c -= 1;
    }
    let Some(differs) = seen.get(a..b).and_then(extent) else {
        return whole;
    };
    // Nothing of the template's text for a pure insertion.
    let replacement = want
        .get(c..d)
        .and_then(extent)
        .and_then(|r| canonical.get(r))
        .unwrap_or_default();
    (differs, replacement.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn narrow(written: &str, canonical: &str) -> (String, String) {
        let (span, replacement) = narrowed(written, &(0..written.len()), canonical);
        (written[span].to_string(), replacement)
    }

    #[test]
    fn a_known_confusion_covers_its_word() {
        assert_eq!(
            narrow(
                "1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请",
                "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
            ),
            ("预期".into(), "逾期".into())
        );
    }

    #[test]
    fn a_confusion_sharing_its_first_character_covers_its_word() {
        // 其它 for 其他: the difference starts at 它, and the word one character before it.
        assert_eq!(
            narrow(
                "（二）部分公开（区分处理的，只计这一情形，不计其它情形）",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
            ),
            ("其它".into(), "其他".into())
        );
        assert_eq!(narrow("3.其它", "3.其他"), ("其它".into(), "其他".into()));
    }

    #[test]
    fn a_damaged_label_covers_the_characters_that_differ() {
        assert_eq!(
            narrow("2.其他法律行政止公开", "2.其他法律行政法规禁止公开"),
            ("政".into(), "政法规禁".into())
        );
        // Truncated: the last character written takes the missing rest.
        assert_eq!(
            narrow(
                "5.要求行政机关确认或重新出具已获",
                "5.要求行政机关确认或重新出具已获取信息"
            ),
            ("获".into(), "获取信息".into())
        );
        // Numbering punctuation is no difference.
        assert_eq!(
            narrow(
                "1、申请人无正当理由预期不补正",
                "1.申请人无正当理由逾期不补正"
            ),
            ("预期".into(), "逾期".into())
        );
        // Width and spaces are no difference.
        assert_eq!(
            narrow(
                "五、存在的主要问题及改进措施",
                "五、存在的主要问题及改进情况"
            ),
            ("措施".into(), "情况".into())
        );
    }

    #[test]
    fn a_label_mostly_different_is_replaced_whole() {
        assert_eq!(narrow("其他", "3.其他"), ("其他".into(), "3.其他".into()));
    }
}
