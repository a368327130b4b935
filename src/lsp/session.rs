//! Shared server state behind one `std::sync::Mutex` that is only ever held in synchronous sections
//! (the future of a handler holding it would not be `Send`, so the compiler enforces "never across an
//! `.await`"), plus snapshots of analysed reports on which handlers compute their answers off the lock.

use std::collections::HashMap;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use ls_types::{Diagnostic, Uri};
use rayon::iter::{IntoParallelIterator, ParallelIterator};
use ropey::Rope;
use tokio::sync::mpsc;
use tower_lsp_server::{Client, ls_types};

use super::config::RuleConfig;
use super::diagnostics::DiagnosticCache;
use super::from_proto;
use super::to_proto::Target;
use crate::analysis::{Locale, ReportAnalysis};
use crate::document::{DocumentStore, Encoding, SegmentState, analyse_segment};

/// What was negotiated at `initialize` and configured since.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub encoding: Encoding,
    pub locale: Locale,
    pub rules: RuleConfig,
    pub snippets: bool,
    pub pull_configuration: bool,
}

/// An open document's URI, the generation of its latest change (a debounced task only publishes when
/// its generation is still the latest) and its converted diagnostics.
struct Open {
    uri: Uri,
    generation: u64,
    diagnostics: DiagnosticCache,
}

#[derive(Default)]
pub struct State {
    pub documents: DocumentStore,
    pub settings: Settings,
    open: HashMap<String, Open>,
    next_generation: u64,
}

impl State {
    /// Records a change of `uri` and returns its new generation.
    pub fn bump(&mut self, uri: &Uri) -> u64 {
        self.next_generation += 1;
        let generation = self.next_generation;
        let open = self
            .open
            .entry(uri.as_str().to_owned())
            .or_insert_with(|| Open {
                uri: uri.clone(),
                generation,
                diagnostics: DiagnosticCache::default(),
            });
        open.generation = generation;
        generation
    }

    pub fn is_current(&self, uri: &Uri, generation: u64) -> bool {
        self.open
            .get(uri.as_str())
            .is_some_and(|o| o.generation == generation)
    }

    pub fn forget(&mut self, uri: &Uri) {
        self.open.remove(uri.as_str());
        self.documents.close(uri.as_str());
    }

    /// New rule switches; every converted diagnostic is stale.
    pub fn set_rules(&mut self, rules: RuleConfig) {
        self.settings.rules = rules;
        for open in self.open.values_mut() {
            open.diagnostics.clear();
        }
    }

    /// What to publish for `uri` now, or `None` while a report is pending or the document is closed.
    pub fn diagnostics(&mut self, uri: &Uri) -> Option<Publish> {
        let State {
            documents,
            settings,
            open,
            ..
        } = self;
        let document = documents.get(uri.as_str())?;
        let cache = &mut open.get_mut(uri.as_str())?.diagnostics;
        let target = Target {
            uri,
            rope: document.rope(),
            encoding: settings.encoding,
            locale: settings.locale,
        };
        let diagnostics = cache.document(target, document.reports(), &settings.rules)?;
        Some(Publish {
            uri: uri.clone(),
            diagnostics,
            version: Some(document.version()),
        })
    }

    pub fn open_uris(&self) -> Vec<Uri> {
        self.open.values().map(|o| o.uri.clone()).collect()
    }
}

/// A `publishDiagnostics` to send; queued in the order they were decided, under the lock.
pub struct Publish {
    pub uri: Uri,
    pub diagnostics: Vec<Diagnostic>,
    pub version: Option<i32>,
}

#[derive(Clone)]
pub struct Session {
    pub client: Client,
    state: Arc<Mutex<State>>,
    publisher: mpsc::UnboundedSender<Publish>,
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
        Target {
            uri: &self.uri,
            rope: &self.rope,
            encoding: self.settings.encoding,
            locale: self.settings.locale,
        }
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
        let (publisher, mut queue) = mpsc::unbounded_channel::<Publish>();
        let sender = client.clone();
        tokio::spawn(async move {
            while let Some(p) = queue.recv().await {
                sender
                    .publish_diagnostics(p.uri, p.diagnostics, p.version)
                    .await;
            }
        });
        Session {
            client,
            state: Arc::default(),
            publisher,
        }
    }

    /// The state; a panic elsewhere while it was held does not make it unusable.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues a publication; call it while holding the lock so the queue keeps the order of decisions.
    pub fn publish(&self, publish: Publish) {
        if self.publisher.send(publish).is_err() {
            log!("the diagnostics queue is closed");
        }
    }

    /// Analyses the pending reports of `uri` that touch `interest` (all of them for `None`), off the lock.
    /// Returns false when there was nothing left to analyse or the document is not open.
    pub async fn analyse(&self, uri: &Uri, interest: Option<Interest>) -> bool {
        let (rope, pending) = {
            let mut state = self.lock();
            let encoding = state.settings.encoding;
            let Some(document) = state.documents.get_mut(uri.as_str()) else {
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
        let Some(document) = state.documents.get_mut(uri.as_str()) else {
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
        let document = state.documents.get(uri.as_str())?;
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
