//! The core never panics and never reports a span outside the text or inside a character, whatever
//! it is fed: truncated, shuffled and byte-mangled versions of every fixture, and arbitrary text.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod core_support;

use proptest::prelude::*;

const FIXTURES: &[&str] = &[
    include_str!("fixtures/dongsheng-2024.txt"),
    include_str!("fixtures/layouts/l2-markdown.md"),
    include_str!("fixtures/layouts/l3-tabs.txt"),
    include_str!("fixtures/layouts/l4-html.html"),
    include_str!("fixtures/layouts/l5-pdf.txt"),
];

/// Analyses `text` and checks every span of every finding; returns the number of findings.
fn spans_are_sound(text: &str) -> usize {
    let mut n = 0;
    for f in core_support::findings(text) {
        n += 1;
        core_support::assert_spans_sound(text, &f);
    }
    n
}

/// A small deterministic generator, so failures reproduce without a seed file.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn truncations_of_every_fixture() {
    for text in FIXTURES {
        let mut cut = 0;
        while cut < text.len() {
            if text.is_char_boundary(cut) {
                spans_are_sound(&text[..cut]);
            }
            cut += 97;
        }
    }
}

#[test]
fn shuffled_lines_of_every_fixture() {
    let mut rng = Lcg(7);
    for text in FIXTURES {
        let lines: Vec<&str> = text.split('\n').collect();
        for _ in 0..20 {
            let mut l = lines.clone();
            for i in (1..l.len()).rev() {
                l.swap(i, rng.next() % (i + 1));
            }
            spans_are_sound(&l.join("\n"));
        }
    }
}

#[test]
fn byte_mangled_fixtures() {
    let mut rng = Lcg(11);
    for text in FIXTURES {
        for round in 0..30 {
            let mut bytes = text.as_bytes().to_vec();
            for _ in 0..(1 + round * 5) {
                let i = rng.next() % bytes.len();
                bytes[i] = match rng.next() % 4 {
                    0 => b'|',
                    1 => b'\n',
                    2 => b'\t',
                    _ => (rng.next() % 256) as u8,
                };
            }
            spans_are_sound(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn a_mangled_table_still_reports_findings() {
    // Replacing every value line's digit with text must be reported, not silently dropped.
    let text = FIXTURES[0].replace("\n0 |\n", "\n零 |\n");
    assert!(spans_are_sound(&text) > 10);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_is_safe(s in "(一、总体情况\n|三、收到和处理政府信息公开申请情况\n|（七）总计 \\||[0-9]{1,3} \\||<td>|</tr>|\t|\\| |𠀀|\r|[\\PC]{0,8}){0,60}") {
        spans_are_sound(&s);
    }
}
