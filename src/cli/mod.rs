//! `ogi-lsp check`. STUB.

use std::process::ExitCode;

pub fn run(_args: Vec<std::ffi::OsString>) -> ExitCode {
    eprintln!("ogi-lsp: check is not built yet");
    ExitCode::from(2)
}
