//! The command line as clap sees it, and its help text (the user's documentation of `check`).
//! Knows nothing of what checking does.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "ogi-lsp",
    version,
    about = "Checks 政府信息公开工作年度报告 (annual reports on open government information) against the national format",
    after_help = "With no arguments, or `serve`, ogi-lsp speaks the Language Server Protocol on stdio."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check report files and directories and print the diagnostics.
    #[command(after_long_help = CHECK_DETAILS)]
    Check(CheckArgs),
    /// Write the text view of a .docx or .pdf file: the text `check` reads, to open in an editor.
    #[command(after_long_help = EXTRACT_DETAILS)]
    Extract(ExtractArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The .docx or .pdf file; `-` reads stdin (its kind is told by its first bytes).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Write the text to FILE instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and directories to check; `-` reads stdin. Default: the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Language of messages.
    #[arg(long, value_enum, default_value_t = LocaleArg::Zh)]
    pub locale: LocaleArg,

    /// Rule configuration file (TOML, or JSON when the name ends in .json); see --help.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// When to colour text output: auto colours only a terminal, and never when NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Write the output to FILE instead of stdout (any format; `-` is stdout). See --help.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Compiler-style: file:line:column, the source line and a caret (1-based, columns in characters).
    Text,
    /// One JSON document (0-based lines, UTF-16 columns, as in LSP).
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// One self-contained HTML page to review: a summary, each report's tables with failing cells
    /// marked, and its findings; prints on A4.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LocaleArg {
    /// 简体中文
    Zh,
    /// English
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

const EXTRACT_DETAILS: &str = "\
The text view:
  .docx  each paragraph a line; each table a Markdown pipe table on the document's grid: a merged
         cell is written where it starts, and the columns and rows it covers are empty cells.
  .pdf   the text of each page in reading order, as `check` reads it.
  Findings of `check` on a .docx or .pdf give lines and columns in this text view, and name the
  page (PDF) or the table and row (.docx) they are on.

Exit status:
  0  the text was written
  2  the file could not be read, is not a .docx or .pdf, is encrypted, has no text layer (a scan),
     or is damaged; or the output could not be written";

const CHECK_DETAILS: &str = "\
Inputs:
  A directory is walked recursively for *.txt, *.md, *.html, *.htm, *.docx and *.pdf files (hidden
  files and directories are skipped); a file named on the command line is checked whatever its
  extension. Text files must be UTF-8 (a byte-order mark is accepted). A .docx or .pdf (by its
  name, or by its first bytes) is checked through its text view (see `ogi-lsp extract --help`):
  positions refer to that text, and each finding also names its page (PDF) or table and row
  (.docx). An encrypted PDF, a PDF without a text layer (a scan) or a damaged file is reported
  like an unreadable file. A file reached twice is checked once, and
  output is in path order, whatever order the files were checked in. A file that cannot be read
  is reported on stderr and left out of the JSON file list and summary (SARIF lists it as a tool
  execution notification, the HTML page under its summary).

HTML review page (--format html):
  One page for all the files checked, with no external assets: a summary (files, reports, errors,
  warnings), then per file and report its tables as the template lays them out (merged headers,
  group labels, 表二's sub-tables under their captions), each figure as written. Cells of an
  equation that does not hold are marked, and a cell's tooltip gives the equations that hold it,
  evaluated; blank, unreadable and absent cells are marked too (see the page's legend). Each
  report's findings follow its tables with file:line:column. It prints on A4. The page's fixed
  texts follow --locale; template labels stay Chinese.
      ogi-lsp check --format html -o review.html reports/

Output (-o FILE, --output FILE):
  Writes any format to FILE instead of stdout (the file is created or replaced before checking
  starts; `-` is stdout). A file that cannot be created is an error (exit status 2) before
  anything is checked, and so is one that cannot be written at the end. The output file is never checked itself when a directory walk reaches
  it; naming it as an input too is a usage error (it would be overwritten). Text written to a
  file is not coloured unless --color always.

Configuration (--config FILE):
  Switches rules off or changes their severity. TOML:
      [rules]
      \"label/nonstandard\" = \"off\"
      \"value/missing\" = \"error\"
  or JSON (a file name ending in .json):
      { \"rules\": { \"label/nonstandard\": \"off\", \"value/missing\": \"error\" } }
  Values: off, error, warning, information, hint. Unknown rule codes are an error.
  Inside a report, a comment line `<!-- ogi-disable CODE -->` (or `# ogi-disable CODE`) switches a
  rule off for the next table.

Exit status:
  0  no error-level diagnostic
  1  at least one error-level diagnostic
  2  usage error, bad config, an output file that cannot be written, or an input that could not
     be read or is not UTF-8 (it is reported on stderr and the other files are still checked;
     2 wins over 1)";
