//! The soak test: one server process, a scripted client that opens documents of the benchmark corpus
//! (every layout, one to three reports each) and sends random edits, hovers, completions and code
//! actions without waiting between them (a window of requests in flight). It checks that every
//! request is answered with a result, that each document's last published diagnostics equal those of
//! a fresh open of its final text, and measures the server's resident memory after a warm-up and at
//! the end. Shared by `cargo bench --bench soak` (the full run) and tests/lsp_soak.rs (a short one).
//!
//! Needs `corpus` and `stdio_client` declared beside it as modules of the including crate.

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::corpus::{Kind, Layout, Template};
use super::stdio_client::Client;

/// Only guards against a hung server.
const HANG: Duration = Duration::from_secs(300);

#[derive(Debug, Clone)]
pub struct Config {
    pub documents: usize,
    pub operations: usize,
    /// Operations before the memory baseline is taken.
    pub warm_up: usize,
    /// Requests sent and not yet answered, at most.
    pub in_flight: usize,
    pub seed: u64,
    /// Edits anywhere (`None`), or only at this many places of each document, each undone by the
    /// document's next edit: a working set the server has seen whole after the warm-up, so that a
    /// short run shows memory that grows with the operations rather than with the texts seen.
    pub places: Option<usize>,
}

#[derive(Debug, Default)]
pub struct Report {
    pub edits: usize,
    pub requests: usize,
    pub answered: usize,
    /// Requests answered with an error (none expected).
    pub errors: Vec<String>,
    pub by_method: HashMap<&'static str, usize>,
    /// Documents whose last diagnostics differ from a fresh open of their final text.
    pub mismatched: Vec<String>,
    /// Resident memory in 10⁶ bytes: after the warm-up, at each tenth of the run, at the end.
    pub rss_warm_mb: f64,
    pub rss_samples_mb: Vec<(usize, f64)>,
    /// The server's threads at each tenth of the run.
    pub thread_samples: Vec<usize>,
    pub rss_end_mb: f64,
    pub peak_mb: f64,
    pub diagnostics_at_end: usize,
    pub bytes_at_start: usize,
    pub bytes_at_end: usize,
    pub elapsed: Duration,
}

/// Text an edit inserts, weighted by how often it is picked: mostly what typing a report inserts.
const INSERTS: &[(&str, u32)] = &[
    ("9", 20),
    ("0 |\n", 6),
    ("预期", 4),
    ("逾期", 4),
    ("\n", 6),
    ("其他", 3),
    ("说明文字", 6),
    ("𠀀", 3),
    ("|", 3),
    ("\t", 2),
    ("第六十条", 2),
    ("第二十条第（五）项", 2),
    ("\r\n", 2),
    ("一、总体情况\n", 1),
    ("某局2024年政府信息公开工作年度报告\n", 1),
];

/// A small deterministic generator, so a failing run repeats with its seed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn insert(&mut self) -> &'static str {
        let total: u32 = INSERTS.iter().map(|(_, w)| w).sum();
        let mut pick = self.below(total as usize) as u32;
        for (text, weight) in INSERTS {
            if pick < *weight {
                return text;
            }
            pick -= weight;
        }
        INSERTS[0].0
    }
}

/// The UTF-16 position of byte `offset` of `text` (lines end at `\n`, `\r\n` or `\r`).
fn position(text: &str, offset: usize) -> Value {
    let before = &text.as_bytes()[..offset];
    let mut line = 0;
    let mut line_start = 0;
    for (i, &b) in before.iter().enumerate() {
        let breaks = b == b'\n' || (b == b'\r' && before.get(i + 1) != Some(&b'\n'));
        if breaks {
            line += 1;
            line_start = i + 1;
        }
    }
    let character: usize = text[line_start..offset].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// A random character boundary of `text` that is a position (not between `\r` and `\n`).
fn boundary(text: &str, rng: &mut Lcg) -> usize {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    if at > 0 && text.as_bytes()[at - 1] == b'\r' && text.as_bytes().get(at) == Some(&b'\n') {
        at -= 1;
    }
    at
}

/// The end of `chars` characters after `start`, stepping over a `\n` that ends a `\r\n`.
fn advance(text: &str, start: usize, chars: usize) -> usize {
    let mut end = text[start..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| start + i);
    if end > 0 && text.as_bytes()[end - 1] == b'\r' && text.as_bytes().get(end) == Some(&b'\n') {
        end += 1;
    }
    end
}

struct Document {
    uri: String,
    text: String,
    version: i32,
    /// Its size when opened: edits keep it within a twentieth above it, so memory is compared like with like.
    size: usize,
    /// The places edits are made at, with [`Config::places`].
    places: Vec<usize>,
    /// What undoes the last edit, with [`Config::places`]: the bytes it inserted and the text it removed.
    undo: Option<(Range<usize>, String)>,
}

/// The documents: the benchmark corpus in every layout, clean and with errors, one to three reports.
fn documents(count: usize, places: usize) -> Vec<Document> {
    let templates: Vec<Template> = Layout::ALL.into_iter().map(Template::new).collect();
    (0..count)
        .map(|i| {
            let template = &templates[i % templates.len()];
            let mut text = String::new();
            for k in 0..1 + i % 3 {
                let kind = if (i + k) % 2 == 0 {
                    Kind::Clean
                } else {
                    Kind::Errors
                };
                template.write(&mut text, 1 + i * 3 + k, kind);
            }
            let uri = format!("file:///soak/doc{i}.{}", template.layout().extension());
            let mut spread = Lcg(i as u64);
            let places = (0..places).map(|_| boundary(&text, &mut spread)).collect();
            Document {
                uri,
                size: text.len(),
                text,
                version: 1,
                places,
                undo: None,
            }
        })
        .collect()
}

/// The client's side of the run: what was sent and what came back.
struct Session {
    client: Client,
    /// Requests in flight: id → method.
    pending: HashMap<i64, &'static str>,
    /// The last publication per URI: version and diagnostics.
    published: HashMap<String, (Option<i64>, Value)>,
    report: Report,
}

impl Session {
    fn take(&mut self, message: Value) {
        if message["method"] == "textDocument/publishDiagnostics" {
            let uri = message["params"]["uri"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let version = message["params"]["version"].as_i64();
            self.published
                .insert(uri, (version, message["params"]["diagnostics"].clone()));
            return;
        }
        let Some(id) = message["id"].as_i64() else {
            panic!("a message the client did not expect: {message}");
        };
        let method = self
            .pending
            .remove(&id)
            .unwrap_or_else(|| panic!("an answer to {id}, which is not in flight: {message}"));
        self.report.answered += 1;
        if message.get("error").is_some() || message.get("result").is_none() {
            self.report.errors.push(format!("{method}: {message}"));
        }
    }

    /// Reads what has arrived; with `wait`, blocks for the next message first.
    fn drain(&mut self, wait: Option<Duration>) {
        if let Some(wait) = wait {
            let message = self
                .client
                .next_message(wait)
                .unwrap_or_else(|| panic!("the server said nothing for {wait:?}"));
            self.take(message);
        }
        while let Some(message) = self.client.next_message(Duration::ZERO) {
            self.take(message);
        }
    }

    fn request(&mut self, method: &'static str, params: Value, in_flight: usize) {
        while self.pending.len() >= in_flight {
            self.drain(Some(HANG));
        }
        let id = self.client.send_request(method, &params);
        self.pending.insert(id, method);
        self.report.requests += 1;
        *self.report.by_method.entry(method).or_default() += 1;
    }

    /// Waits for every request in flight and for each document's diagnostics of its current version:
    /// the server at rest, every report analysed. Memory is compared in this state only — mid-run
    /// some reports are still waiting for their debounced analysis and hold less.
    fn settle(&mut self, docs: &[Document]) -> Vec<Value> {
        while !self.pending.is_empty() {
            self.drain(Some(HANG));
        }
        docs.iter()
            .map(|doc| self.diagnostics(&doc.uri, i64::from(doc.version)))
            .collect()
    }

    /// Waits until `uri`'s last publication is for `version`, and returns its diagnostics.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        loop {
            if let Some((Some(v), diagnostics)) = self.published.get(uri)
                && *v == version
            {
                return diagnostics.clone();
            }
            self.drain(Some(HANG));
        }
    }
}

fn without_uri(diagnostics: &Value, uri: &str) -> String {
    diagnostics.to_string().replace(uri, "URI")
}

/// The next edit of `doc`: bytes to replace and the text to put there.
fn edit(doc: &mut Document, rng: &mut Lcg, places: Option<usize>) -> (Range<usize>, String) {
    if places.is_some()
        && let Some(undo) = doc.undo.take()
    {
        return undo;
    }
    if let Some(n) = places {
        let start = doc.places[rng.below(n)];
        let end = advance(&doc.text, start, rng.below(3));
        let insert = rng.insert();
        doc.undo = Some((start..start + insert.len(), doc.text[start..end].to_owned()));
        return (start..end, insert.to_owned());
    }
    let start = boundary(&doc.text, rng);
    // Deletions keep the document near its opening size.
    let grown = doc.text.len() > doc.size + doc.size / 20;
    let delete = if grown {
        1 + rng.below(12)
    } else {
        rng.below(3)
    };
    let end = advance(&doc.text, start, delete);
    let insert = if grown { "" } else { rng.insert() };
    (start..end, insert.to_owned())
}

/// One random operation on `doc`.
fn operation(session: &mut Session, doc: &mut Document, rng: &mut Lcg, config: &Config) {
    let in_flight = config.in_flight;
    let document = json!({"uri": doc.uri});
    match rng.below(10) {
        0..=6 => {
            let (replaced, insert) = edit(doc, rng, config.places);
            let range = json!({"start": position(&doc.text, replaced.start),
                               "end": position(&doc.text, replaced.end)});
            doc.text.replace_range(replaced, &insert);
            doc.version += 1;
            session.client.notify(
                "textDocument/didChange",
                &json!({"textDocument": {"uri": doc.uri, "version": doc.version},
                        "contentChanges": [{"range": range, "text": insert}]}),
            );
            session.report.edits += 1;
        }
        7 => {
            let at = position(&doc.text, boundary(&doc.text, rng));
            let params = json!({"textDocument": document, "position": at});
            session.request("textDocument/hover", params, in_flight);
        }
        8 => {
            let at = position(&doc.text, boundary(&doc.text, rng));
            let params = json!({"textDocument": document, "position": at});
            session.request("textDocument/completion", params, in_flight);
        }
        _ => {
            let start = boundary(&doc.text, rng);
            let end = advance(&doc.text, start, rng.below(200));
            let range =
                json!({"start": position(&doc.text, start), "end": position(&doc.text, end)});
            let params =
                json!({"textDocument": document, "range": range, "context": {"diagnostics": []}});
            session.request("textDocument/codeAction", params, in_flight);
        }
    }
}

/// Runs the soak; `progress` hears of each tenth of the operations.
pub fn run(config: &Config, mut progress: impl FnMut(&str)) -> Report {
    let started = Instant::now();
    let (client, _) = Client::start();
    let mut session = Session {
        client,
        pending: HashMap::new(),
        published: HashMap::new(),
        report: Report::default(),
    };
    let mut docs = documents(config.documents, config.places.unwrap_or(0));
    session.report.bytes_at_start = docs.iter().map(|d| d.text.len()).sum();
    for doc in &docs {
        session.client.notify(
            "textDocument/didOpen",
            &json!({"textDocument": {"uri": doc.uri, "languageId": "ogi-report", "version": 1, "text": doc.text}}),
        );
    }
    for doc in &docs {
        session.diagnostics(&doc.uri, 1);
    }
    let mut rng = Lcg(config.seed);
    let tenth = (config.operations / 10).max(1);
    for op in 0..config.operations {
        if op == config.warm_up {
            session.settle(&docs);
            session.report.rss_warm_mb = session.client.memory().resident_mb;
        }
        let i = rng.below(docs.len());
        operation(&mut session, &mut docs[i], &mut rng, config);
        session.drain(None);
        if (op + 1) % tenth == 0 {
            let memory = session.client.memory();
            session
                .report
                .rss_samples_mb
                .push((op + 1, memory.resident_mb));
            session.report.thread_samples.push(memory.threads);
            progress(&format!(
                "{} operations, {} requests answered, {:.1} MB resident, {} threads",
                op + 1,
                session.report.answered,
                memory.resident_mb,
                memory.threads
            ));
        }
    }
    let mut last = Vec::new();
    for (doc, diagnostics) in docs.iter().zip(session.settle(&docs)) {
        session.report.diagnostics_at_end += diagnostics.as_array().map_or(0, Vec::len);
        last.push(without_uri(&diagnostics, &doc.uri));
    }
    let memory = session.client.memory();
    session.report.rss_end_mb = memory.resident_mb;
    session.report.peak_mb = memory.peak_mb;
    session.report.bytes_at_end = docs.iter().map(|d| d.text.len()).sum();
    for (i, doc) in docs.iter().enumerate() {
        let uri = doc.uri.replace("/doc", "/fresh");
        session.client.notify(
            "textDocument/didOpen",
            &json!({"textDocument": {"uri": uri, "languageId": "ogi-report", "version": 1, "text": doc.text}}),
        );
        let fresh = session.diagnostics(&uri, 1);
        if without_uri(&fresh, &uri) != last[i] {
            session.report.mismatched.push(doc.uri.clone());
        }
        session.client.notify(
            "textDocument/didClose",
            &json!({"textDocument": {"uri": uri}}),
        );
    }
    session.report.elapsed = started.elapsed();
    let report = std::mem::take(&mut session.report);
    session.client.shutdown();
    report
}
