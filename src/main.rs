//! Entry point: `ogi-lsp` (or `ogi-lsp serve`) speaks LSP on stdio; `ogi-lsp check` runs the batch checker.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match args.get(1).and_then(|a| a.to_str()) {
        None | Some("serve") => ogi_lsp::lsp::run_stdio(),
        _ => ogi_lsp::cli::run(args),
    }
}
