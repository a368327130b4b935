//! Which files `check` reads: the paths given, directories walked for report files, stdin, duplicates
//! removed, in a stable order; and decoding their bytes. Knows nothing of analysis or output formats.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::extract::Kind;

/// Extensions a directory walk picks up; a file named explicitly is checked whatever its name.
pub const REPORT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "docx", "pdf"];

/// The name stdin is shown under.
pub const STDIN_NAME: &str = "<stdin>";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Stdin is read up front, on the main thread, so workers only ever see bytes or files.
    Stdin(Vec<u8>),
    File(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path as given or as walked, for display.
    pub name: String,
    pub source: Source,
}

/// An input that could not be listed, read or decoded; shown as `name: reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub name: String,
    pub reason: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.reason)
    }
}

impl Failure {
    fn new(name: impl std::fmt::Display, reason: impl std::fmt::Display) -> Failure {
        Failure {
            name: name.to_string(),
            reason: reason.to_string(),
        }
    }
}

/// The inputs to check and the paths that could not be listed.
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    pub errors: Vec<Failure>,
}

/// Expands `paths` into inputs: stdin first, then files sorted by path, each file once however
/// often it was named or reached.
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut out = Collected::default();
    let mut seen = HashSet::new();
    let mut stdin_taken = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if !std::mem::replace(&mut stdin_taken, true) {
                read_stdin(&mut out);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => out.errors.push(Failure::new(path.display(), e)),
            Ok(meta) if meta.is_dir() => walk(path, &mut seen, &mut out),
            Ok(_) => push_file(path.to_path_buf(), &mut seen, &mut out),
        }
    }
    out.inputs.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
    out
}

fn sort_key(input: &Input) -> (bool, &Path) {
    match &input.source {
        Source::Stdin(_) => (false, Path::new("")),
        Source::File(path) => (true, path.as_path()),
    }
}

fn read_stdin(out: &mut Collected) {
    let mut bytes = Vec::new();
    match std::io::stdin().lock().read_to_end(&mut bytes) {
        Ok(_) => out.inputs.push(Input {
            name: STDIN_NAME.to_string(),
            source: Source::Stdin(bytes),
        }),
        Err(e) => out.errors.push(Failure::new(STDIN_NAME, e)),
    }
}

fn push_file(path: PathBuf, seen: &mut HashSet<PathBuf>, out: &mut Collected) {
    // `a.txt` and `./a.txt` are one file; a path that cannot be resolved is kept as written
    // and fails, with its reason, when it is read.
    let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if seen.insert(key) {
        out.inputs.push(Input {
            name: path.display().to_string(),
            source: Source::File(path),
        });
    }
}

fn walk(root: &Path, seen: &mut HashSet<PathBuf>, out: &mut Collected) {
    // Following links lets a folder of links to reports be checked; walkdir reports link loops as
    // errors instead of looping. Hidden entries (.git, .vscode) are never reports.
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()))
    {
        match entry {
            Err(e) => out.errors.push(walk_error(root, &e)),
            Ok(entry) if entry.file_type().is_file() && has_report_extension(entry.path()) => {
                push_file(entry.into_path(), seen, out)
            }
            Ok(_) => {}
        }
    }
}

fn walk_error(root: &Path, e: &walkdir::Error) -> Failure {
    let path = e.path().unwrap_or(root).display();
    match e.io_error() {
        Some(io) => Failure::new(path, io),
        None => Failure::new(path, e),
    }
}

fn is_hidden(name: &OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

pub fn has_report_extension(path: &Path) -> bool {
    path.extension().and_then(OsStr::to_str).is_some_and(|ext| {
        REPORT_EXTENSIONS
            .iter()
            .any(|r| ext.eq_ignore_ascii_case(r))
    })
}

/// The bytes of an input, or the reason they cannot be read.
pub fn read(input: &Input) -> Result<Vec<u8>, String> {
    match &input.source {
        Source::Stdin(bytes) => Ok(bytes.clone()),
        Source::File(path) => std::fs::read(path).map_err(|e| e.to_string()),
    }
}

/// The kind of document an input is when it is not text: by its name, else by its first bytes.
pub fn document_kind(input: &Input, bytes: &[u8]) -> Option<Kind> {
    let named = match &input.source {
        Source::File(path) => Kind::of_path(path),
        Source::Stdin(_) => None,
    };
    named.or_else(|| Kind::sniff(bytes))
}

/// UTF-8 text without its byte-order mark, or the reason it is not text.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let mut text = utf8(bytes)?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

/// The bytes as a `String`, validated with SIMD (std's validation was a tenth of a check run); std
/// is asked again only for a file that fails, to name the first bad byte.
fn utf8(bytes: Vec<u8>) -> Result<String, String> {
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just validated exactly these bytes as UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(bytes) });
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_strips_the_bom_and_names_the_first_bad_byte() {
        assert_eq!(
            decode("\u{FEFF}一、总体情况".as_bytes().to_vec()),
            Ok("一、总体情况".to_string())
        );
        let mut bytes = "abc".as_bytes().to_vec();
        bytes.extend([0xB1, 0xA8]); // 报 in GBK
        assert_eq!(decode(bytes), Err("not valid UTF-8 (byte 3)".to_string()));
    }

    #[test]
    fn report_extensions_ignore_case() {
        assert!(has_report_extension(Path::new("a/报告.TXT")));
        assert!(has_report_extension(Path::new("a.htm")));
        assert!(has_report_extension(Path::new("a.PDF")));
        assert!(has_report_extension(Path::new("a.docx")));
        assert!(!has_report_extension(Path::new("a.doc")));
        assert!(!has_report_extension(Path::new("txt")));
    }
}
