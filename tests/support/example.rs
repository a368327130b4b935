//! The example report as the tests see it: where its typos and figures are, and a server that has it open.

use serde_json::{Value, json};
use tower_lsp_server::ls_types::{Diagnostic, NumberOrString, Uri};

use super::{FIXTURE, Server, uri};

/// 0-based lines of the two label typos (预期 for 逾期) in the example report.
pub const TYPO_LINES: [u32; 2] = [248, 257];
/// 0-based line of 本年新收 · 自然人 (`8 |`).
pub const INTAKE_PERSONS: u32 = 64;

pub fn code(d: &Diagnostic) -> &str {
    match &d.code {
        Some(NumberOrString::String(code)) => code,
        other => panic!("diagnostic without a string code: {other:?}"),
    }
}

pub fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
    let mut codes: Vec<_> = diagnostics.iter().map(code).collect();
    codes.sort_unstable();
    codes
}

/// Client parameters offering UTF-8 positions, or only the default UTF-16.
pub fn client(utf8: bool) -> Value {
    if utf8 {
        json!({"capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}})
    } else {
        json!({})
    }
}

pub fn opened(params: Value) -> (Server, Vec<Diagnostic>) {
    let (mut server, _) = Server::start(params);
    let doc = example_uri();
    server.open(&doc, FIXTURE, 1);
    let diagnostics = server.diagnostics(&doc, 1);
    (server, diagnostics)
}

/// The URI the example is opened under.
pub fn example_uri() -> Uri {
    uri("dongsheng-2024.txt")
}
