//! `ogi-lsp check`: the batch checker — arguments, inputs, parallel checking and the text, JSON and
//! SARIF outputs — and `ogi-lsp extract`, the text view of a .docx or .pdf. Calls the core through
//! `analysis::check` and `extract` only; knows nothing of LSP.

mod args;
pub mod check;
pub mod config;
pub mod inputs;
pub mod json;
pub mod line_index;
pub mod sarif;
pub mod text;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use self::args::{CheckArgs, Cli, ColorChoice, Command, ExtractArgs, Format, LocaleArg};
use self::check::{FileReport, Options, Summary};
use self::config::RuleConfig;
use crate::analysis::Locale;

/// Exit status for usage errors and unreadable inputs.
const USAGE_OR_IO: u8 = 2;

/// Runs the command line (`args` includes the program name).
pub fn run(args: Vec<OsString>) -> ExitCode {
    match Cli::try_parse_from(args) {
        Ok(Cli {
            command: Command::Check(check),
        }) => ExitCode::from(run_check(&check)),
        Ok(Cli {
            command: Command::Extract(extract),
        }) => ExitCode::from(run_extract(&extract)),
        Err(e) => {
            // --help and --version are not errors; clap knows which is which.
            let _ = e.print();
            ExitCode::from(if e.use_stderr() { USAGE_OR_IO } else { 0 })
        }
    }
}

fn run_check(args: &CheckArgs) -> u8 {
    let rules = match &args.config {
        None => RuleConfig::default(),
        Some(path) => match config::load(path) {
            Ok(rules) => rules,
            Err(e) => {
                eprintln!("error: {e:#}");
                return USAGE_OR_IO;
            }
        },
    };
    let locale = match args.locale {
        LocaleArg::Zh => Locale::Zh,
        LocaleArg::En => Locale::En,
    };
    let options = Options { locale, rules };

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let collected = inputs::collect(&paths);
    let mut failures = collected.errors;
    let mut files: Vec<FileReport> = Vec::with_capacity(collected.inputs.len());
    for result in check::check_all(&collected.inputs, &options) {
        match result {
            Ok(file) => files.push(file),
            Err(failure) => failures.push(failure),
        }
    }
    for failure in &failures {
        eprintln!("error: {failure}");
    }

    let summary = Summary::new(&files, failures.len());
    let output = match args.format {
        Format::Text => text::render(&files, &summary, locale, use_color(args.color)),
        Format::Json => json::render(&files, &summary),
        Format::Sarif => sarif::render(&files, &failures, locale),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => summary.exit_code(),
        // A reader that stopped early (`| head`) has what it wanted.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => summary.exit_code(),
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            USAGE_OR_IO
        }
    }
}

/// `extract FILE [-o OUT]`: the text view of a .docx or .pdf.
fn run_extract(args: &ExtractArgs) -> u8 {
    let paths = [args.file.clone()];
    let collected = inputs::collect(&paths);
    let failure = collected.errors.into_iter().next();
    let view = match (collected.inputs.first(), failure) {
        (_, Some(failure)) => Err(failure.to_string()),
        (None, None) => Err(format!("{}: nothing to read", args.file.display())),
        (Some(input), None) => extract_input(input),
    };
    let text = match view {
        Ok(text) => text,
        Err(message) => {
            eprintln!("error: {message}");
            return USAGE_OR_IO;
        }
    };
    let written = match &args.output {
        Some(path) => std::fs::write(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(format!("cannot write output: {e}"))
                }
                _ => Ok(()),
            }
        }
    };
    match written {
        Ok(()) => 0,
        Err(message) => {
            eprintln!("error: {message}");
            USAGE_OR_IO
        }
    }
}

/// The text view of one input that must be a .docx or .pdf.
fn extract_input(input: &inputs::Input) -> Result<String, String> {
    let bytes = inputs::read(input).map_err(|e| format!("{}: {e}", input.name))?;
    let kind = inputs::document_kind(input, &bytes).ok_or_else(|| {
        format!(
            "{}: not a .docx or .pdf file (text files need no extraction)",
            input.name
        )
    })?;
    crate::extract::extract(kind, &bytes)
        .map(|view| view.text)
        .map_err(|e| format!("{}: {e}", input.name))
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
