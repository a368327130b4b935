//! A document above the size limit is kept and edited but not analysed: one clear diagnostic instead
//! of exhausting memory; under the limit again (by an edit or a new setting) it is checked as usual.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod support;

use serde_json::json;
use support::*;

#[test]
fn an_oversized_document_gets_one_diagnostic_until_it_fits() {
    let (mut server, _) = Server::start(json!({
        "initializationOptions": { "maxDocumentBytes": 4096 },
        "locale": "en"
    }));
    let doc = uri("big.txt");
    server.open(&doc, years::EXAMPLE, 1);
    let diagnostics = server.diagnostics(&doc, 1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    let size = years::EXAMPLE.len().div_ceil(1024);
    assert_eq!(
        diagnostics[0].message,
        format!(
            "The document is too large to check here ({size} KB, over the 4 KB limit). Check it with `ogi-lsp check`, or raise the limit with the maxDocumentBytes setting."
        )
    );
    assert!(diagnostics[0].code.is_none());
    // No reports: no symbols, no hover.
    assert!(server.document_symbols(&doc).is_empty());

    // Raising the limit checks it as usual: the example's two label typos.
    server.notify_raw(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "ogi": { "maxDocumentBytes": 1_000_000 } } }),
    );
    let diagnostics = server.diagnostics(&doc, 1);
    assert_eq!(
        example::codes(&diagnostics),
        ["label/nonstandard", "label/nonstandard"]
    );

    // Lowered again, then cut below it by an edit: checked again without reopening.
    server.notify_raw(
        "workspace/didChangeConfiguration",
        json!({ "settings": { "maxDocumentBytes": 4096 } }),
    );
    assert_eq!(server.diagnostics(&doc, 1).len(), 1);
    let small = "一、总体情况\n按照要求开展工作。\n二、主动公开政府信息情况\n";
    server.notify_raw(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": doc, "version": 2 }, "contentChanges": [{ "text": small }] }),
    );
    let diagnostics = server.diagnostics(&doc, 2);
    assert!(
        diagnostics.iter().all(|d| d.code.is_some()),
        "{diagnostics:#?}"
    );
    server.shutdown();
}
