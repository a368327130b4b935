//! The workspace folders: their report files' carry-over ledgers, indexed in the background after
//! `initialized` (`$/progress`, cancellable) and kept fresh from watched-file events; and the
//! `ogi.checkWorkspace` command, which checks every report file and publishes the diagnostics of those
//! not open. Files are found and read as the batch checker finds and reads them (text, .docx, .pdf).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use ls_types::{
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions, FileChangeType,
    FileSystemWatcher, GlobPattern, InitializeParams, NumberOrString, ProgressToken, Range,
    Registration, Uri,
};
use serde::Serialize;
use tower_lsp_server::{Bounded, Cancellable, OngoingProgress, ls_types};

use super::ledgers::{Key, Side};
use super::publish::Publisher;
use super::session::Cancels;
use super::to_proto::{self, Target};
use crate::analysis::carryover::Ledger;
use crate::analysis::{self, Locale, Rule};
use crate::cli::check::read_text;
use crate::cli::inputs::{self, Input, Source};
use crate::document::{Encoding, LineIndex};

/// The files the batch checker reads, as a watcher's glob.
pub const WATCHED: &str = "**/*.{txt,md,html,htm,docx,pdf}";

/// The folders of `initialize`: its workspace folders, else its root.
pub fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    #[allow(deprecated)] // `rootUri` is how single-folder clients still say it
    let root = params.root_uri.iter();
    match &params.workspace_folders {
        Some(folders) if !folders.is_empty() => folders
            .iter()
            .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
            .collect(),
        _ => root
            .filter_map(|u| u.to_file_path().map(|p| p.into_owned()))
            .collect(),
    }
}

/// A progress report to the client, when it takes them, and whether the user cancelled it.
struct Progress {
    ongoing: Option<OngoingProgress<Bounded, Cancellable>>,
    token: Option<ProgressToken>,
    cancel: Option<Arc<AtomicBool>>,
    cancels: Arc<Cancels>,
    percent: u32,
}

static TOKENS: AtomicU64 = AtomicU64::new(1);

impl Progress {
    /// Begins a report under the client's token, or a new one when the client takes progress.
    async fn begin(publisher: &Publisher, title: &str, given: Option<ProgressToken>) -> Progress {
        let client = &publisher.session.client;
        let supported = publisher.session.lock().settings.progress;
        let token = match given {
            Some(token) => Some(token),
            None if supported => {
                let n = TOKENS.fetch_add(1, Ordering::Relaxed);
                let token = NumberOrString::String(format!("ogi-lsp/{n}"));
                match client.create_work_done_progress(token.clone()).await {
                    Ok(()) => Some(token),
                    Err(err) => {
                        log!("window/workDoneProgress/create failed: {err}");
                        None
                    }
                }
            }
            None => None,
        };
        // Listening for the cancel before the report begins: a cancel cannot arrive too early.
        let cancels = publisher.session.cancels.clone();
        let cancel = token.as_ref().map(|t| cancels.register(t));
        let ongoing = match &token {
            Some(token) => Some(
                client
                    .progress(token.clone(), title)
                    .with_percentage(0)
                    .with_cancel_button()
                    .begin()
                    .await,
            ),
            None => None,
        };
        Progress {
            ongoing,
            token,
            cancel,
            cancels,
            percent: 0,
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel
            .as_ref()
            .is_some_and(|c| c.load(Ordering::SeqCst))
    }

    async fn report(&mut self, done: usize, of: usize) {
        let percent = u32::try_from(done * 100 / of.max(1)).unwrap_or(100);
        if percent == self.percent {
            return;
        }
        self.percent = percent;
        if let Some(p) = &self.ongoing {
            p.report_with_message(format!("{done}/{of}"), percent, None)
                .await;
        }
    }

    async fn finish(self, message: String) {
        if let Some(token) = &self.token {
            self.cancels.forget(token);
        }
        if let Some(p) = self.ongoing {
            p.finish_with_message(message).await;
        }
    }
}

/// The report files under `folders`, and the paths that could not be listed.
async fn report_files(folders: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<(String, String)>) {
    let collected = tokio::task::spawn_blocking(move || inputs::collect(&folders)).await;
    let Ok(collected) = collected else {
        return (Vec::new(), Vec::new());
    };
    let files = collected
        .inputs
        .into_iter()
        .filter_map(|i| match i.source {
            Source::File(path) => Some(path),
            Source::Stdin(_) => None,
        })
        .collect();
    let failures = collected
        .errors
        .into_iter()
        .map(|f| (f.name, f.reason))
        .collect();
    (files, failures)
}

/// One file as the batch checker sees it, in the server's units.
struct Checked {
    reports: usize,
    diagnostics: Vec<ls_types::Diagnostic>,
    ledgers: Vec<Ledger<Range>>,
}

/// Reads and checks one file (off the async threads); `Err` says why it cannot be read.
async fn check_file(
    path: PathBuf,
    uri: Uri,
    encoding: Encoding,
    locale: Locale,
    rules: super::config::RuleConfig,
) -> Result<Checked, String> {
    let job = move || {
        let input = Input {
            name: path.display().to_string(),
            source: Source::File(path),
        };
        let text = read_text(&input).map_err(|f| f.reason)?.text;
        let checked = analysis::check(&text);
        let lines = LineIndex::new(&text);
        let target = Target::new(&uri, &lines, encoding, locale);
        let diagnostics = checked
            .findings
            .iter()
            .filter_map(|f| {
                let severity = rules.severity(f.rule, f.severity)?;
                Some(to_proto::diagnostic(target, f, severity))
            })
            .collect();
        let ledgers = checked
            .ledgers
            .into_iter()
            .map(|l| l.map(|span| target.range(&span)))
            .collect();
        Ok(Checked {
            reports: checked.reports,
            diagnostics,
            ledgers,
        })
    };
    tokio::task::spawn_blocking(job)
        .await
        .unwrap_or_else(|err| Err(format!("the check did not finish: {err}")))
}

fn file_uri(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path)
}

/// Indexes the carry-over ledgers of every report file in the workspace folders, then re-publishes
/// the open documents whose previous-year report turned up.
pub fn start_indexing(publisher: &Publisher) {
    let publisher = publisher.clone();
    tokio::spawn(async move {
        let folders = publisher.session.lock().folders.clone();
        if folders.is_empty() {
            return;
        }
        let (files, _) = report_files(folders).await;
        let mut progress = Progress::begin(&publisher, "ogi-lsp: indexing reports", None).await;
        let mut changed: Vec<Key> = Vec::new();
        let mut indexed = 0;
        for (i, path) in files.iter().enumerate() {
            if progress.cancelled() {
                break;
            }
            changed.extend(reindex(&publisher, path).await);
            indexed = i + 1;
            progress.report(indexed, files.len()).await;
        }
        let message = if indexed == files.len() {
            format!("{indexed} files")
        } else {
            format!("cancelled after {indexed} of {} files", files.len())
        };
        changed.sort_unstable();
        changed.dedup();
        // Decided before the end is reported: a document opened once the client has seen the end is
        // not re-published for figures it was first published with.
        publisher.dependents_changed(&changed);
        progress.finish(message).await;
    });
}

/// Reads one file's ledgers from disk into the book (none when it is gone or unreadable); returns the
/// keys that changed.
async fn reindex(publisher: &Publisher, path: &Path) -> Vec<Key> {
    let Some(uri) = file_uri(path) else {
        return Vec::new();
    };
    let (encoding, locale, rules) = {
        let state = publisher.session.lock();
        let s = &state.settings;
        (s.encoding, s.locale, s.rules.clone())
    };
    let ledgers = match check_file(path.to_owned(), uri.clone(), encoding, locale, rules).await {
        Ok(checked) => Some(checked.ledgers),
        Err(_) => None,
    };
    let mut state = publisher.session.lock();
    let name = state.file_name(&uri);
    state.ledgers.set(&uri, &name, Side::Disk, ledgers)
}

/// `workspace/didChangeWatchedFiles`: re-reads the report files that changed.
pub async fn files_changed(publisher: &Publisher, params: DidChangeWatchedFilesParams) {
    let mut changed = Vec::new();
    for event in params.changes {
        let Some(path) = event.uri.to_file_path().map(|p| p.into_owned()) else {
            continue;
        };
        if !inputs::has_report_extension(&path) {
            continue;
        }
        if event.typ == FileChangeType::DELETED {
            let mut state = publisher.session.lock();
            let name = state.file_name(&event.uri);
            changed.extend(state.ledgers.set(&event.uri, &name, Side::Disk, None));
        } else {
            changed.extend(reindex(publisher, &path).await);
        }
    }
    changed.sort_unstable();
    changed.dedup();
    publisher.dependents_changed(&changed);
}

/// Asks the client to report changes to report files (when it can be asked).
pub fn watch_files(publisher: &Publisher) {
    let client = publisher.session.client.clone();
    tokio::spawn(async move {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(WATCHED.to_owned()),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "ogi-lsp/watched-files".to_owned(),
            method: "workspace/didChangeWatchedFiles".to_owned(),
            register_options: serde_json::to_value(options).ok(),
        };
        if let Err(err) = client.register_capability(vec![registration]).await {
            log!("could not register for file changes: {err}");
        }
    });
}

/// The answer of `ogi.checkWorkspace`.
#[derive(Debug, Default, Serialize)]
pub struct CheckSummary {
    pub files: usize,
    pub reports: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub unreadable: Vec<Unreadable>,
}

#[derive(Debug, Serialize)]
pub struct Unreadable {
    pub uri: String,
    pub reason: String,
}

impl CheckSummary {
    fn count(&mut self, diagnostics: &[ls_types::Diagnostic]) {
        use ls_types::DiagnosticSeverity as S;
        for d in diagnostics {
            match d.severity {
                Some(S::ERROR) => self.errors += 1,
                Some(S::WARNING) => self.warnings += 1,
                _ => self.notes += 1,
            }
        }
    }
}

/// `ogi.checkWorkspace`: checks every report file under `folders` (the workspace folders when
/// `None`) in the session's language, refreshes the carry-over index with what it read, and
/// publishes the diagnostics of the files not open; open documents keep their live diagnostics and
/// are counted as they are now.
pub async fn check(
    publisher: &Publisher,
    folders: Option<Vec<PathBuf>>,
    token: Option<ProgressToken>,
) -> CheckSummary {
    let (folders, encoding, locale, rules) = {
        let state = publisher.session.lock();
        let s = &state.settings;
        let folders = folders.unwrap_or_else(|| state.folders.clone());
        (folders, s.encoding, s.locale, s.rules.clone())
    };
    let mut summary = CheckSummary::default();
    let (files, failures) = report_files(folders).await;
    for (name, reason) in failures {
        summary.unreadable.push(Unreadable { uri: name, reason });
    }
    let mut progress = Progress::begin(publisher, "ogi-lsp: checking the workspace", token).await;
    let mut checked: Vec<(Uri, Vec<ls_types::Diagnostic>)> = Vec::new();
    let mut changed = Vec::new();
    for (i, path) in files.iter().enumerate() {
        if progress.cancelled() {
            break;
        }
        progress.report(i, files.len()).await;
        let Some(uri) = file_uri(path) else {
            continue;
        };
        let result = check_file(path.clone(), uri.clone(), encoding, locale, rules.clone()).await;
        let mut state = publisher.session.lock();
        let name = state.file_name(&uri);
        match result {
            Ok(file) => {
                summary.files += 1;
                summary.reports += file.reports;
                changed.extend(
                    state
                        .ledgers
                        .set(&uri, &name, Side::Disk, Some(file.ledgers)),
                );
                checked.push((uri, file.diagnostics));
            }
            Err(reason) => {
                changed.extend(state.ledgers.set(&uri, &name, Side::Disk, None));
                summary.unreadable.push(Unreadable {
                    uri: uri.as_str().to_owned(),
                    reason,
                });
            }
        }
    }
    // Carry-over once every file's figures are in: a file's predecessor may come after it.
    {
        let mut state = publisher.session.lock();
        let rule = Rule::CarryoverMismatch;
        let carryover = state.settings.rules.severity(rule, rule.default_severity());
        for (uri, mut diagnostics) in checked {
            if state.is_open(&uri) {
                match state.publication(&uri) {
                    Some(p) => summary.count(&p.diagnostics),
                    None => summary.count(&diagnostics),
                }
                continue;
            }
            if let Some(severity) = carryover {
                diagnostics.extend(state.ledgers.diagnostics(&uri, severity, locale));
            }
            summary.count(&diagnostics);
            publisher.send(uri, diagnostics, None);
        }
    }
    progress
        .finish(format!(
            "{} files: {} errors, {} warnings",
            summary.files, summary.errors, summary.warnings
        ))
        .await;
    changed.sort_unstable();
    changed.dedup();
    publisher.dependents_changed(&changed);
    publisher.flush().await;
    summary
}
