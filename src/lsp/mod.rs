//! The language server. STUB.

use std::process::ExitCode;

pub fn run_stdio() -> ExitCode {
    eprintln!("ogi-lsp: the language server is not built yet");
    ExitCode::from(2)
}
