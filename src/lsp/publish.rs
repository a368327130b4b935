//! Publishing diagnostics: debounced after edits (typing never waits for analysis), immediately on
//! open, with the document version, cleared on close; stale results are dropped by generation. A
//! publication that changes a document's carry-over figures re-publishes the open documents whose
//! previous-year report it is. Depends on the session; the session knows nothing of publishing.

use std::time::Duration;

use ls_types::{Diagnostic, Uri};
use tokio::sync::{mpsc, oneshot};
use tower_lsp_server::ls_types;

use super::ledgers::Key;
use super::session::{Session, State};

/// Quiet time after the last change before a document is re-checked.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// A `publishDiagnostics` to send, queued in the order they were decided, under the lock; or a
/// marker answered once everything queued before it is sent.
enum Queued {
    Publish {
        uri: Uri,
        diagnostics: Vec<Diagnostic>,
        version: Option<i32>,
    },
    Flush(oneshot::Sender<()>),
}

/// The session with its queue of publications.
#[derive(Clone)]
pub struct Publisher {
    pub session: Session,
    queue: mpsc::UnboundedSender<Queued>,
}

impl Publisher {
    /// Starts the task that sends queued publications in order.
    pub fn new(session: Session) -> Publisher {
        let (queue, mut queued) = mpsc::unbounded_channel::<Queued>();
        let client = session.client.clone();
        tokio::spawn(async move {
            while let Some(item) = queued.recv().await {
                match item {
                    Queued::Publish {
                        uri,
                        diagnostics,
                        version,
                    } => client.publish_diagnostics(uri, diagnostics, version).await,
                    Queued::Flush(done) => {
                        let _ = done.send(());
                    }
                }
            }
        });
        Publisher { session, queue }
    }

    /// Queues a publication; call it while holding the lock so the queue keeps the order of decisions.
    pub fn send(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let publish = Queued::Publish {
            uri,
            diagnostics,
            version,
        };
        if self.queue.send(publish).is_err() {
            log!("the diagnostics queue is closed");
        }
    }

    /// Waits until every publication queued so far has been sent (a command's answer then arrives
    /// after the diagnostics it speaks of).
    pub async fn flush(&self) {
        let (done, sent) = oneshot::channel();
        if self.queue.send(Queued::Flush(done)).is_ok() {
            let _ = sent.await;
        }
    }

    /// Re-checks `uri` after `delay` unless a newer change has arrived by then.
    pub fn schedule(&self, uri: Uri, generation: u64, delay: Duration) {
        let publisher = self.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            publisher.publish_if_current(&uri, generation).await;
        });
    }

    async fn publish_if_current(&self, uri: &Uri, generation: u64) {
        loop {
            if !self.session.lock().is_current(uri, generation) {
                return;
            }
            // Results are stored per report even when the document moves on, so no work is thrown away.
            if !self.session.analyse(uri, None).await {
                break;
            }
        }
        let dependents = {
            let mut state = self.session.lock();
            if !state.is_current(uri, generation) {
                return;
            }
            let Some(p) = state.publication(uri) else {
                return;
            };
            self.send(uri.clone(), p.diagnostics, Some(p.version));
            state.dependents(&p.changed, Some(uri))
        };
        self.republish(dependents);
    }

    /// Clears the diagnostics of a closed document, and re-publishes the documents whose previous-year
    /// report it held (its file on disk stands for it again).
    pub fn closed(&self, state: &mut State, uri: Uri) -> Vec<Uri> {
        let changed = state.close(&uri);
        // Queued under the lock: a publication decided before the close cannot arrive after the clearing.
        self.send(uri, Vec::new(), None);
        state.dependents(&changed, None)
    }

    /// Re-publishes the open documents that depend on the carry-over figures of `keys`.
    pub fn dependents_changed(&self, keys: &[Key]) {
        let dependents = self.session.lock().dependents(keys, None);
        self.republish(dependents);
    }

    /// Re-publishes `uris` now (their inputs changed, not their text).
    pub fn republish(&self, uris: Vec<Uri>) {
        let scheduled: Vec<(Uri, u64)> = {
            let mut state = self.session.lock();
            uris.into_iter()
                .filter_map(|uri| Some((uri.clone(), state.bump(&uri)?)))
                .collect()
        };
        for (uri, generation) in scheduled {
            self.schedule(uri, generation, Duration::ZERO);
        }
    }

    /// Re-publishes every open document (after the rule configuration changed).
    pub fn republish_all(&self) {
        let uris = self.session.lock().open_uris();
        self.republish(uris);
    }
}
