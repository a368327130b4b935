//! One position model: the CLI's JSON ranges and the server's diagnostic ranges are the same for the
//! same text, whatever its line breaks (LF, CRLF, CR, mixed), CJK and astral characters, BOM.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

use ogi_lsp::cli::check::{Options, Summary, check_text};
use ogi_lsp::cli::json::render_run;
use ogi_lsp::document::{Document, Encoding};
use ogi_lsp::lsp::RuleConfig;
use ogi_lsp::lsp::converted::DiagnosticCache;
use ogi_lsp::lsp::to_proto::Target;
use proptest::prelude::*;
use serde_json::{Value, json};
use tower_lsp_server::ls_types::Uri;

const EXAMPLE: &str = include_str!("fixtures/dongsheng-2024.txt");

/// `(code, range, related ranges)` of every diagnostic, sorted.
type Placed = Vec<(String, Value, Vec<Value>)>;

fn range(r: &Value) -> Value {
    json!([
        r["start"]["line"],
        r["start"]["character"],
        r["end"]["line"],
        r["end"]["character"]
    ])
}

fn from_cli(text: &str) -> Placed {
    let file = check_text("r.txt", text, &Options::default());
    let summary = Summary::new(std::slice::from_ref(&file), 0);
    let out: Value = serde_json::from_str(&render_run(&[file], &[], &summary)).expect("JSON");
    let mut placed: Placed = out["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let related = d["related"].as_array().into_iter().flatten();
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                range(&d["range"]),
                related.map(|r| range(&r["range"])).collect(),
            )
        })
        .collect();
    placed.sort_by_key(|p| format!("{p:?}"));
    placed
}

fn from_server(text: &str) -> Placed {
    let uri: Uri = "file:///r.txt".parse().expect("uri");
    let mut document = Document::new(text, 1);
    let (rope, reports) = document.rope_and_reports_mut();
    reports.analyse_pending(rope);
    let target = Target::new(&uri, document.rope(), Encoding::Utf16, Default::default());
    let conversion = DiagnosticCache::default()
        .document(
            target,
            document.rope(),
            document.reports(),
            &RuleConfig::default(),
        )
        .expect("every report analysed");
    let mut placed: Placed = conversion
        .diagnostics
        .iter()
        .map(|d| {
            let value = serde_json::to_value(d).expect("serialise");
            let related = value["relatedInformation"].as_array().into_iter().flatten();
            (
                value["code"].as_str().unwrap_or_default().to_owned(),
                range(&value["range"]),
                related.map(|r| range(&r["location"]["range"])).collect(),
            )
        })
        .collect();
    placed.sort_by_key(|p| format!("{p:?}"));
    placed
}

/// The example with each line break drawn from `breaks`, `prefixes` put before prose lines, and
/// optionally one figure changed (a balance finding with related cells) and a BOM.
fn variant(breaks: &[&str], prefixes: &[&str], broken: bool, bom: bool) -> String {
    let mut out = String::from(if bom { "\u{FEFF}" } else { "" });
    for (i, line) in EXAMPLE.lines().enumerate() {
        if line.contains('。') {
            out.push_str(prefixes[i % prefixes.len()]);
        }
        // 表三's first figure (一、本年新收 自然人) is the line after its label.
        let previous = EXAMPLE.lines().nth(i.wrapping_sub(1)).unwrap_or_default();
        if broken && previous.starts_with("一、本年新收") {
            out.push_str("9 |");
        } else {
            out.push_str(line);
        }
        out.push_str(breaks[i % breaks.len()]);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn json_ranges_are_the_servers_ranges(
        breaks in prop::collection::vec(prop::sample::select(vec!["\n", "\r\n", "\r"]), 1..4),
        prefixes in prop::collection::vec(
            prop::sample::select(vec!["", "𠀀", "预期", "😀a", "\u{3000}", "\t"]),
            1..5,
        ),
        broken in any::<bool>(),
        bom in any::<bool>(),
    ) {
        let text = variant(&breaks, &prefixes, broken, bom);
        let cli = from_cli(&text);
        prop_assert!(cli.len() >= 2, "{cli:?}");
        prop_assert_eq!(cli, from_server(&text));
    }
}

#[test]
fn a_broken_copy_places_its_equation_the_same_way_in_both() {
    let text = variant(&["\r\n"], &["𠀀"], true, true);
    let cli = from_cli(&text);
    assert!(
        cli.iter()
            .any(|(code, _, related)| code == "balance/row-total" && !related.is_empty()),
        "{cli:?}"
    );
    assert_eq!(cli, from_server(&text));
}
