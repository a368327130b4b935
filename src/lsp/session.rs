//! Shared server state behind one `std::sync::Mutex` that is only ever held in synchronous sections
//! (the future of a handler holding it would not be `Send`, so the compiler enforces "never across an
//! `.await`"), plus snapshots of analysed reports on which handlers compute their answers off the lock.

use std::collections::HashMap;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ls_types::{Diagnostic, NumberOrString, ProgressToken, Uri};
use rayon::iter::{IntoParallelIterator, ParallelIterator};
use ropey::Rope;
use tower_lsp_server::{Client, ls_types};

use super::config::RuleConfig;
use super::converted::DiagnosticCache;
use super::from_proto;
use super::ledgers::{Book, Key, Side};
use super::to_proto::{self, Target};
use crate::analysis::{Frame, Locale, ReportAnalysis, Rule};
use crate::document::{AppliedEdit, Document, Encoding, SegmentState, TextChange, analyse_segment};

/// Above this size a document is not analysed (`maxDocumentBytes` in the settings changes it).
pub const MAX_DOCUMENT_BYTES: usize = 64 << 20;

/// What was negotiated at `initialize` and configured since.
#[derive(Debug, Clone)]
pub struct Settings {
    pub encoding: Encoding,
    pub locale: Locale,
    pub rules: RuleConfig,
    pub snippets: bool,
    pub pull_configuration: bool,
    /// The client shows `$/progress` reports (`window.workDoneProgress`).
    pub progress: bool,
    /// The client watches files for the server when asked (dynamic `didChangeWatchedFiles`).
    pub watch_files: bool,
    pub max_document_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            encoding: Encoding::default(),
            locale: Locale::default(),
            rules: RuleConfig::default(),
            snippets: false,
            pull_configuration: false,
            progress: false,
            watch_files: false,
            max_document_bytes: MAX_DOCUMENT_BYTES,
        }
    }
}

/// One open document: its text and reports, the generation of its latest change (a debounced task
/// only publishes when its generation is still the latest) and its converted diagnostics.
pub struct OpenDocument {
    pub uri: Uri,
    pub document: Document,
    generation: u64,
    converted: DiagnosticCache,
}

#[derive(Default)]
pub struct State {
    pub settings: Settings,
    documents: HashMap<String, OpenDocument>,
    next_generation: u64,
    /// Every report file's carry-over ledgers (the workspace index and the open documents).
    pub ledgers: Book,
    /// The workspace folders, as local paths.
    pub folders: Vec<PathBuf>,
}

/// A document's diagnostics as they are now, and the carry-over keys its publication changed.
pub struct Publication {
    pub diagnostics: Vec<Diagnostic>,
    pub version: i32,
    pub changed: Vec<Key>,
}

impl State {
    fn generation(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    /// Opens (or reopens) `uri` and returns its generation.
    pub fn open(&mut self, uri: &Uri, text: &str, version: i32) -> u64 {
        let generation = self.generation();
        self.documents.insert(
            uri.as_str().to_owned(),
            OpenDocument {
                uri: uri.clone(),
                document: Document::with_limit(text, version, self.settings.max_document_bytes),
                generation,
                converted: DiagnosticCache::default(),
            },
        );
        generation
    }

    /// Applies `changes` to an open document and returns its new generation with the edits as
    /// applied; `None` when the document is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: &[TextChange],
    ) -> Option<(u64, Vec<AppliedEdit>, i32)> {
        let generation = self.generation();
        let encoding = self.settings.encoding;
        let open = self.documents.get_mut(uri.as_str())?;
        let before = open.document.version();
        let applied = changes
            .iter()
            .map(|c| open.document.apply(c, encoding))
            .collect();
        open.document.set_version(version);
        open.generation = generation;
        Some((generation, applied, before))
    }

    /// Marks an open document changed (its diagnostics are to be published again).
    pub fn bump(&mut self, uri: &Uri) -> Option<u64> {
        let generation = self.generation();
        let open = self.documents.get_mut(uri.as_str())?;
        open.generation = generation;
        Some(generation)
    }

    pub fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        self.documents
            .get(uri.as_str())
            .is_some_and(|o| o.generation == generation)
    }

    /// Closes `uri`; returns the carry-over keys that changed (its file on disk stands for it again).
    pub fn close(&mut self, uri: &Uri) -> Vec<Key> {
        self.documents.remove(uri.as_str());
        let name = self.file_name(uri);
        self.ledgers.set(uri, &name, Side::Open, None)
    }

    pub fn document(&self, uri: &Uri) -> Option<&Document> {
        self.documents.get(uri.as_str()).map(|o| &o.document)
    }

    pub fn document_mut(&mut self, uri: &Uri) -> Option<&mut Document> {
        self.documents
            .get_mut(uri.as_str())
            .map(|o| &mut o.document)
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        self.documents.contains_key(uri.as_str())
    }

    /// A new size limit for analysis, for every open document.
    pub fn set_max_document_bytes(&mut self, limit: usize) {
        self.settings.max_document_bytes = limit;
        for open in self.documents.values_mut() {
            open.document.set_limit(limit);
        }
    }

    /// New rule switches; every converted diagnostic is stale.
    pub fn set_rules(&mut self, rules: RuleConfig) {
        self.settings.rules = rules;
        for open in self.documents.values_mut() {
            open.converted.clear();
        }
    }

    /// What to publish for `uri` now, or `None` while a report is pending or the document is closed.
    /// Records the document's carry-over ledgers, which other documents may depend on.
    pub fn publication(&mut self, uri: &Uri) -> Option<Publication> {
        let name = self.file_name(uri);
        let State {
            documents,
            settings,
            ledgers,
            ..
        } = self;
        let open = documents.get_mut(uri.as_str())?;
        if open.document.is_oversized() {
            let size = open.document.rope().len_bytes();
            let changed = ledgers.set(uri, &name, Side::Open, Some(Vec::new()));
            return Some(Publication {
                diagnostics: vec![to_proto::oversized(
                    size,
                    settings.max_document_bytes,
                    settings.locale,
                )],
                version: open.document.version(),
                changed,
            });
        }
        let target = Target::new(
            uri,
            open.document.rope(),
            settings.encoding,
            settings.locale,
        );
        let rope = open.document.rope();
        let conversion =
            open.converted
                .document(target, rope, open.document.reports(), &settings.rules)?;
        let changed = ledgers.set(uri, &name, Side::Open, Some(conversion.ledgers));
        let mut diagnostics = conversion.diagnostics;
        let rule = Rule::CarryoverMismatch;
        if let Some(severity) = settings.rules.severity(rule, rule.default_severity()) {
            diagnostics.extend(ledgers.diagnostics(uri, severity, settings.locale));
        }
        Some(Publication {
            diagnostics,
            version: open.document.version(),
            changed,
        })
    }

    /// The open documents with a report whose predecessor's key is among `keys`, but `except`.
    pub fn dependents(&self, keys: &[Key], except: Option<&Uri>) -> Vec<Uri> {
        if keys.is_empty() {
            return Vec::new();
        }
        self.documents
            .values()
            .filter(|o| except.is_none_or(|e| e != &o.uri))
            .filter(|o| self.ledgers.depends_on(&o.uri, keys))
            .map(|o| o.uri.clone())
            .collect()
    }

    pub fn open_uris(&self) -> Vec<Uri> {
        self.documents.values().map(|o| o.uri.clone()).collect()
    }

    /// How a file is named in messages: its path inside the workspace folder holding it, else its
    /// file name, else the URI.
    pub fn file_name(&self, uri: &Uri) -> String {
        let Some(path) = uri.to_file_path() else {
            return uri.as_str().to_owned();
        };
        self.folders
            .iter()
            .find_map(|folder| path.strip_prefix(folder).ok())
            .or_else(|| path.file_name().map(std::path::Path::new))
            .map_or_else(
                || uri.as_str().to_owned(),
                |p| p.to_string_lossy().replace('\\', "/"),
            )
    }
}

#[derive(Clone)]
pub struct Session {
    pub client: Client,
    state: Arc<Mutex<State>>,
    pub cancels: Arc<Cancels>,
}

/// Progress reports in flight that the user may cancel, by token.
#[derive(Default)]
pub struct Cancels {
    flags: std::sync::Mutex<HashMap<String, Arc<AtomicBool>>>,
}

impl Cancels {
    pub fn register(&self, token: &ProgressToken) -> Arc<AtomicBool> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Ok(mut flags) = self.flags.lock() {
            flags.insert(token_key(token), flag.clone());
        }
        flag
    }

    pub fn forget(&self, token: &ProgressToken) {
        if let Ok(mut flags) = self.flags.lock() {
            flags.remove(&token_key(token));
        }
    }

    /// `window/workDoneProgress/cancel`.
    pub fn cancel(&self, token: &ProgressToken) {
        let flag = self
            .flags
            .lock()
            .ok()
            .and_then(|f| f.get(&token_key(token)).cloned());
        match flag {
            Some(flag) => flag.store(true, Ordering::SeqCst),
            None => log!("cancel for an unknown progress token {token:?}"),
        }
    }
}

fn token_key(token: &ProgressToken) -> String {
    match token {
        NumberOrString::Number(n) => format!("#{n}"),
        NumberOrString::String(s) => s.clone(),
    }
}

/// Which part of a document a handler needs analysed.
#[derive(Debug, Clone, Copy)]
pub enum Interest {
    Everything,
    At(ls_types::Position),
    Range(ls_types::Range),
}

/// An analysed report in a snapshot.
pub struct ReportView {
    pub range: Range<usize>,
    pub analysis: Arc<ReportAnalysis>,
}

impl ReportView {
    /// The frame the report's spans count from.
    pub fn frame(&self) -> Frame {
        Frame::report(self.range.start)
    }
}

/// A consistent view of one document for a handler: text, settings and the analysed reports it asked for.
pub struct Snapshot {
    pub uri: Uri,
    pub rope: Rope,
    pub version: i32,
    pub settings: Settings,
    /// Analysed reports touching the interest, in document order.
    pub reports: Vec<ReportView>,
}

impl Snapshot {
    pub fn target(&self) -> Target<'_> {
        Target::new(
            &self.uri,
            &self.rope,
            self.settings.encoding,
            self.settings.locale,
        )
    }

    /// The target for the report-relative spans and facts of `report`.
    pub fn target_in(&self, report: &ReportView) -> Target<'_> {
        self.target().in_report(report.range.start)
    }

    pub fn offset(&self, position: ls_types::Position) -> usize {
        from_proto::offset(&self.rope, position, self.settings.encoding)
    }

    /// The report holding `offset`; the end of a report belongs to it only at the end of the document.
    pub fn report_at(&self, offset: usize) -> Option<&ReportView> {
        let len = self.rope.len_bytes();
        self.reports
            .iter()
            .find(|r| r.range.contains(&offset) || (offset == len && r.range.end == len))
    }

    pub fn text(&self, report: &ReportView) -> String {
        String::from(self.rope.byte_slice(report.range.clone()))
    }
}

fn touches(segment: &Range<usize>, interest: &Range<usize>, len: usize) -> bool {
    let point_at_end = interest.start == len && segment.end == len;
    segment.start <= interest.end && (interest.start < segment.end || point_at_end)
}

/// How often a handler re-analyses while edits keep arriving before it answers with what is ready.
const ANALYSIS_ROUNDS: usize = 3;

impl Session {
    pub fn new(client: Client) -> Session {
        Session {
            client,
            state: Arc::default(),
            cancels: Arc::default(),
        }
    }

    /// The state; a panic elsewhere while it was held does not make it unusable.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Analyses the pending reports of `uri` that touch `interest` (all of them for `None`), off the lock.
    /// Returns false when there was nothing left to analyse or the document is not open.
    pub async fn analyse(&self, uri: &Uri, interest: Option<Interest>) -> bool {
        let (rope, pending) = {
            let mut state = self.lock();
            let encoding = state.settings.encoding;
            let Some(document) = state.document_mut(uri) else {
                return false;
            };
            let rope = document.rope().clone();
            let wanted = interest.map(|i| byte_range(&rope, i, encoding));
            let len = rope.len_bytes();
            let pending: Vec<_> = document
                .reports()
                .pending()
                .into_iter()
                .filter(|(_, r)| wanted.as_ref().is_none_or(|w| touches(r, w, len)))
                .collect();
            (rope, pending)
        };
        if pending.is_empty() {
            return false;
        }
        // Reports are independent: a compilation opened at once is analysed on every core.
        let job = move || {
            pending
                .into_par_iter()
                .map(|(id, range)| {
                    (
                        id,
                        analyse_segment(&String::from(rope.byte_slice(range))).map(Arc::new),
                    )
                })
                .collect::<Vec<_>>()
        };
        let results = match tokio::task::spawn_blocking(job).await {
            Ok(results) => results,
            Err(err) => {
                log!("analysis of {} did not finish: {err}", uri.as_str());
                return false;
            }
        };
        let mut state = self.lock();
        let Some(document) = state.document_mut(uri) else {
            return false;
        };
        for (id, result) in results {
            if result.is_none() {
                log!(
                    "the analysis panicked on a report of {}; it gets no diagnostics",
                    uri.as_str()
                );
            }
            document.reports_mut().store(id, result);
        }
        true
    }

    /// A snapshot of `uri` with the reports touching `interest` analysed; `None` for a document not open.
    pub async fn snapshot(&self, uri: &Uri, interest: Interest) -> Option<Snapshot> {
        for _ in 0..ANALYSIS_ROUNDS {
            if !self.analyse(uri, Some(interest)).await {
                break;
            }
        }
        let state = self.lock();
        let document = state.document(uri)?;
        let rope = document.rope().clone();
        let wanted = byte_range(&rope, interest, state.settings.encoding);
        let len = rope.len_bytes();
        let reports = document
            .reports()
            .reports()
            .filter(|s| touches(&s.range, &wanted, len))
            .filter_map(|s| match &s.state {
                SegmentState::Ready(analysis) => Some(ReportView {
                    range: s.range.clone(),
                    analysis: analysis.clone(),
                }),
                SegmentState::Pending | SegmentState::Failed => None,
            })
            .collect();
        Some(Snapshot {
            uri: uri.clone(),
            rope,
            version: document.version(),
            settings: state.settings.clone(),
            reports,
        })
    }

    /// Computes a handler's answer on a snapshot in the blocking pool; a panic there is logged and
    /// answered with nothing, and an unknown document gets nothing.
    pub async fn answer<T, F>(&self, uri: &Uri, interest: Interest, compute: F) -> Option<T>
    where
        T: Send + 'static,
        F: FnOnce(&Snapshot) -> Option<T> + Send + 'static,
    {
        let Some(snapshot) = self.snapshot(uri, interest).await else {
            log!("request for a document that is not open: {}", uri.as_str());
            return None;
        };
        let job = move || catch_unwind(AssertUnwindSafe(|| compute(&snapshot)));
        match tokio::task::spawn_blocking(job).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(_)) | Err(_) => {
                log!(
                    "a handler panicked on {}; answered with nothing",
                    uri.as_str()
                );
                None
            }
        }
    }
}

fn byte_range(rope: &Rope, interest: Interest, encoding: Encoding) -> Range<usize> {
    match interest {
        Interest::Everything => 0..rope.len_bytes(),
        Interest::At(p) => {
            let at = from_proto::offset(rope, p, encoding);
            at..at
        }
        Interest::Range(r) => from_proto::byte_range(rope, r, encoding),
    }
}
