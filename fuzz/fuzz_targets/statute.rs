//! The statute-reference recogniser on arbitrary text: no panic; references in order, each inside the
//! text on character boundaries and ending in 条, 款 or 项; every citation resolves or says what is
//! missing; a citation written back in the regulation's style is recognised as itself; numerals
//! round-trip.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_lsp::statute::{
    cn_numeral, find_references, parse_numeral, parse_numeral_prefix, regulation,
};
use ogi_lsp_fuzz::assert_span;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let references = find_references(&text);
    for reference in &references {
        assert_span(&text, &reference.span, "reference");
        let written = &text[reference.span.clone()];
        assert!(written.contains('第'), "{written:?} holds no 第");
        assert!(
            written.ends_with(['条', '款', '项']),
            "{written:?} does not end a citation"
        );
        let citation = reference.citation;
        match regulation().resolve(citation) {
            Ok(resolved) => assert_eq!(resolved.citation, citation),
            Err(_) => assert!(regulation().quote(citation).is_none()),
        }
        let again = find_references(&citation.to_string());
        assert_eq!(
            again.iter().map(|r| r.citation).collect::<Vec<_>>(),
            vec![citation],
            "{citation} read back"
        );
    }
    for pair in references.windows(2) {
        assert!(
            pair[0].span.end <= pair[1].span.end,
            "references out of order: {:?}",
            pair
        );
    }
    if let Some((value, len)) = parse_numeral_prefix(&text) {
        assert!(value > 0 && text.is_char_boundary(len) && len > 0);
        assert_eq!(parse_numeral(&text[..len]), Some(value));
    }
    if let [a, b, ..] = data {
        let n = u16::from_le_bytes([*a, *b]);
        assert_eq!(
            parse_numeral(&cn_numeral(n)),
            (n > 0).then_some(n),
            "{n} as {}",
            cn_numeral(n)
        );
    }
});
