//! Random reports with random errors, for the property tests of quick fixes: a copy of the benchmark
//! corpus (any layout, its figures numbered per copy) with figures changed, labels mistyped as real
//! reports mistype them, a character dropped from a label, or a row's line deleted.
// Each test file uses a different part of this module.
#![allow(dead_code)]

#[path = "../../benches/support/corpus.rs"]
mod corpus;

use ogi_lsp::template::ROWS;
use proptest::prelude::*;

pub use corpus::{Kind, Layout, Template};

/// One error put into a report; the numbers pick the place among the candidates, modulo their count.
#[derive(Debug, Clone)]
pub enum Mutation {
    /// A figure raised by `by` (1–20).
    Figure { pick: usize, by: u32 },
    /// A template word replaced by the word reports mistype it as (逾期 → 预期, 其他 → 其它).
    Confuse { pick: usize },
    /// One character dropped from a row label.
    DropChar { pick: usize, at: usize },
    /// The line holding a row label deleted.
    DropLine { pick: usize },
}

/// Words of the template and how reports mistype them.
const CONFUSED: [(&str, &str); 4] = [
    ("逾期", "预期"),
    ("其他", "其它"),
    ("反复", "重复"),
    ("事务", "事物"),
];

pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), 1u32..20).prop_map(|(pick, by)| Mutation::Figure { pick, by }),
        2 => any::<usize>().prop_map(|pick| Mutation::Confuse { pick }),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(pick, at)| Mutation::DropChar { pick, at }),
        1 => any::<usize>().prop_map(|pick| Mutation::DropLine { pick }),
    ]
}

/// A copy of the corpus in one of its layouts, and the errors to put into it.
pub fn case() -> impl Strategy<Value = (usize, usize, bool, Vec<Mutation>)> {
    (
        0..Layout::ALL.len(),
        1usize..200,
        any::<bool>(),
        prop::collection::vec(mutation(), 1..4),
    )
}

/// The text of a case.
pub fn text(layout: usize, copy: usize, errors: bool, mutations: &[Mutation]) -> String {
    let kind = if errors { Kind::Errors } else { Kind::Clean };
    let mut text = Template::new(Layout::ALL[layout]).copy(copy, kind).text;
    for m in mutations {
        apply(&mut text, m);
    }
    text
}

/// Byte ranges of the standalone ASCII figures outside HTML tags.
fn figures(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut in_tag) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            b'0'..=b'9' if !in_tag => {
                let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                let glued =
                    |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.');
                if !glued(i.checked_sub(1).map(|p| &bytes[p])) && !glued(bytes.get(end)) {
                    out.push(i..end);
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Byte ranges of the row labels of the template as the text writes them.
fn labels(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<_> = ROWS
        .iter()
        .filter(|r| r.label.chars().count() >= 4)
        .flat_map(|r| text.match_indices(r.label).map(|(i, l)| i..i + l.len()))
        .collect();
    out.sort_by_key(|r| r.start);
    out
}

fn apply(text: &mut String, mutation: &Mutation) {
    match *mutation {
        Mutation::Figure { pick, by } => {
            let all = figures(text);
            if all.is_empty() {
                return;
            }
            let range = all[pick % all.len()].clone();
            let value: u64 = text[range.clone()].parse().unwrap_or(0);
            text.replace_range(range, &(value + u64::from(by)).to_string());
        }
        Mutation::Confuse { pick } => {
            let all: Vec<(usize, &str, &str)> = CONFUSED
                .iter()
                .flat_map(|(right, wrong)| {
                    text.match_indices(right)
                        .map(move |(i, _)| (i, *right, *wrong))
                })
                .collect();
            if all.is_empty() {
                return;
            }
            let (at, right, wrong) = all[pick % all.len()];
            text.replace_range(at..at + right.len(), wrong);
        }
        Mutation::DropChar { pick, at } => {
            let all = labels(text);
            if all.is_empty() {
                return;
            }
            let range = all[pick % all.len()].clone();
            let chars: Vec<(usize, char)> = text[range.clone()].char_indices().collect();
            let (i, c) = chars[at % chars.len()];
            let start = range.start + i;
            text.replace_range(start..start + c.len_utf8(), "");
        }
        Mutation::DropLine { pick } => {
            let all = labels(text);
            if all.is_empty() {
                return;
            }
            let at = all[pick % all.len()].start;
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
            text.replace_range(start..end, "");
        }
    }
}
