//! The document store under arbitrary edit scripts, in UTF-8 and UTF-16: after every edit its text is
//! the model's (positions resolved independently, clamped as documented) and it says whether it
//! clamped; at the end its report segments and findings, kept incrementally, are those of a full
//! analysis of the final text, and positions round-trip.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_lsp::analysis;
use ogi_lsp::document::{
    Document, Encoding, Position, ReportCache, TextChange, offset_to_position, position_to_offset,
};
use ogi_lsp_fuzz::edits::{Model, Script, Step};

fuzz_target!(|data: &[u8]| {
    let Some(script) = Script::decode(data) else {
        return;
    };
    let encoding = if script.utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    let mut model = Model {
        text: script.text,
        utf8: script.utf8,
    };
    let mut doc = Document::new(&model.text, 1);
    for step in &script.steps {
        match step {
            Step::Whole(text) => {
                doc.apply(
                    &TextChange {
                        range: None,
                        text: text.clone(),
                    },
                    encoding,
                );
                model.text.clone_from(text);
            }
            Step::Replace { start, end, text } => {
                let (a, b) = (model.place(*start), model.place(*end));
                let change = TextChange {
                    range: Some((Position::new(a.0, a.1), Position::new(b.0, b.1))),
                    text: text.clone(),
                };
                let applied = doc.apply(&change, encoding);
                let (replaced, clamped) = model.replace(a, b, text);
                assert_eq!(applied.replaced, replaced, "bytes replaced by {change:?}");
                assert_eq!(applied.clamped, clamped, "clamped flag of {change:?}");
            }
            Step::Analyse => {
                let (rope, reports) = doc.rope_and_reports_mut();
                reports.analyse_pending(rope);
            }
        }
        assert_eq!(doc.rope().len_bytes(), model.text.len());
        assert!(
            doc.rope() == model.text.as_str(),
            "the store's text differs from the model's after {step:?}"
        );
    }
    let (rope, reports) = doc.rope_and_reports_mut();
    reports.analyse_pending(rope);
    let fresh = ReportCache::new(rope);
    let ranges = |cache: &ReportCache| {
        cache
            .segments()
            .iter()
            .map(|s| (s.range.clone(), s.is_report))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ranges(doc.reports()),
        ranges(&fresh),
        "segments differ from a fresh split"
    );
    let kept = doc.reports().findings().expect("every report analysed");
    assert_eq!(kept.failed, 0);
    assert_eq!(
        kept.findings,
        analysis::check(&model.text).findings,
        "findings differ from a full analysis"
    );
    // Positions of character boundaries round-trip (a boundary inside `\r\n` is no position).
    let rope = doc.rope();
    for fraction in [0, 1, 3, 7] {
        let mut offset = model.text.len() * fraction / 7;
        while !model.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if model.text[..offset].ends_with('\r') && model.text[offset..].starts_with('\n') {
            continue;
        }
        let position = offset_to_position(rope, offset, encoding);
        assert_eq!(model.position(offset), (position.line, position.character));
        let back = position_to_offset(rope, position, encoding);
        assert_eq!(
            (back.offset, back.clamped),
            (offset, false),
            "round trip of {offset} via {position:?}"
        );
    }
});
