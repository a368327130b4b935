//! `ogi-lsp check`: the batch checker — arguments, inputs, parallel checking and the text, JSON,
//! SARIF and HTML outputs — and `ogi-lsp extract`, the text view of a .docx or .pdf. Calls the core
//! through `analysis::check`, and for the HTML page through its per-report analysis and table view;
//! reads .docx and .pdf through `extract`; knows nothing of LSP.

mod args;
pub mod carryover;
pub mod check;
pub mod config;
pub mod html;
mod html_report;
mod html_tables;
pub mod inputs;
pub mod json;
mod output;
pub mod sarif;
pub mod text;

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use self::args::{CheckArgs, Cli, ColorChoice, Command, ExtractArgs, Format, LocaleArg};
use self::check::{Options, Summary};
use self::config::RuleConfig;
use self::inputs::{Failure, Input};
use self::output::Sink;
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
    let options = Options {
        locale,
        rules,
        snippets: args.format == Format::Text,
    };

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let collected = inputs::collect(&paths);
    let mut sink = match Sink::open(args.output.as_deref(), &paths) {
        Ok(sink) => sink,
        Err(e) => {
            eprintln!("error: {e:#}");
            return USAGE_OR_IO;
        }
    };
    // A directory walk that reaches the page written last time does not check it.
    let inputs: Vec<Input> = collected
        .inputs
        .into_iter()
        .filter(|input| !sink.is(input))
        .collect();

    let mut failures = collected.errors;
    let (summary, output) = if args.format == Format::Html {
        let results = check::each_input(&inputs, |index, input| {
            html::check_input(index, input, &options)
        });
        let mut pages = succeeded(results, &mut failures);
        for (f, report, d) in carryover::find(pages.iter().map(|p| &p.file), &options) {
            let Some(page) = pages.get_mut(f) else {
                continue;
            };
            page.file.diagnostics.push(d.clone());
            if let Some(r) = page.reports.get_mut(report) {
                r.diagnostics.push(d);
                r.diagnostics
                    .sort_by_key(|d| (d.region.start.line, d.region.start.chars));
            }
        }
        let summary = Summary::new(pages.iter().map(|p| &p.file), failures.len());
        (summary, html::render(&pages, &summary, &failures, locale))
    } else {
        let mut files = succeeded(check::check_all(&inputs, &options), &mut failures);
        carryover::link(&mut files, &options);
        let summary = Summary::new(&files, failures.len());
        let output = match args.format {
            Format::Json => {
                let written =
                    sink.write_with(|out| json::write_run(out, &files, &failures, &summary));
                return finish(written, &summary);
            }
            Format::Sarif => sarif::render(&files, &failures, locale),
            Format::Text | Format::Html => {
                let color = use_color(args.color, sink.is_stdout());
                text::render(&files, &summary, locale, color)
            }
        };
        (summary, output)
    };
    finish(sink.write(output.as_bytes()), &summary)
}

/// The exit code of a check run once its output is written.
fn finish(written: anyhow::Result<()>, summary: &Summary) -> u8 {
    match written {
        Ok(()) => summary.exit_code(),
        Err(e) => {
            eprintln!("error: {e:#}");
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
    // The output file is created only once there is a text to write into it.
    let written =
        Sink::open(args.output.as_deref(), &paths).and_then(|mut sink| sink.write(text.as_bytes()));
    match written {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e:#}");
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

/// The results that succeeded; the others join `failures`, and every failure is reported on stderr.
fn succeeded<T>(results: Vec<Result<T, Failure>>, failures: &mut Vec<Failure>) -> Vec<T> {
    let mut done = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(t) => done.push(t),
            Err(failure) => failures.push(failure),
        }
    }
    for failure in failures.iter() {
        eprintln!("error: {failure}");
    }
    done
}

/// Colour only for a person at a terminal, unless asked otherwise.
fn use_color(choice: ColorChoice, to_stdout: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_stdout
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
