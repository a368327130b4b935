//! The whole server on a fuzzed client session (protocol messages with fuzzed fields, framed arbitrary
//! JSON, unframed bytes), on a paused clock so debounced work runs at once: no panic and no hang;
//! everything it writes is a framed JSON-RPC 2.0 message; each request of the session gets exactly
//! one answer — a result, or an error the protocol allows for it (not initialised, after shutdown,
//! cancelled) — unless unframed bytes or an `exit` came before it; no answer names an id never sent.

#![no_main]

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use ogi_lsp_fuzz::session::{self, Step};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The client's bytes, and the ids of the session's requests that must be answered exactly once.
struct Script {
    bytes: Vec<u8>,
    owed: Vec<Value>,
    /// Every id a request was sent with; `None` once unframed bytes may hold more.
    sent: Option<HashSet<String>>,
    /// Ids in framed bodies of arbitrary JSON: a request of the session with one of them may be
    /// answered twice.
    reused: HashSet<String>,
}

fn script(steps: &[Step]) -> Script {
    let mut bytes = Vec::new();
    let mut owed = Vec::new();
    let mut ids: Vec<Value> = Vec::new();
    let mut sent = Some(HashSet::new());
    let mut reused = HashSet::new();
    // After unframed bytes or an exit, later messages may never be read.
    let mut reliable = true;
    for step in steps {
        match step {
            Step::Bytes(raw) => {
                bytes.extend_from_slice(raw);
                reliable = false;
                sent = None;
            }
            Step::Body(body) => {
                bytes.extend(session::frame(body));
                if let Ok(value) = serde_json::from_slice::<Value>(body) {
                    if let Some(id) = value.get("id") {
                        reused.insert(id.to_string());
                        if let Some(set) = sent.as_mut() {
                            set.insert(id.to_string());
                        }
                    }
                    if value.get("method").is_some_and(|m| m == "exit") {
                        reliable = false;
                    }
                }
            }
            Step::Cancel { back } => {
                let target = ids
                    .len()
                    .checked_sub(usize::from(*back) + 1)
                    .map_or(json!(*back), |i| ids[i].clone());
                let cancel = json!({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": target}});
                bytes.extend(session::frame(cancel.to_string().as_bytes()));
            }
            step => {
                let id = json!(format!("q{}", ids.len()));
                let Some(message) = session::message(step, &id) else {
                    continue;
                };
                if message.get("id") == Some(&id) && message.get("method").is_some() {
                    ids.push(id.clone());
                    if reliable {
                        owed.push(id.clone());
                    }
                    if let Some(set) = sent.as_mut() {
                        set.insert(id.to_string());
                    }
                }
                if matches!(step, Step::Exit) {
                    reliable = false;
                }
                bytes.extend(session::frame(message.to_string().as_bytes()));
            }
        }
    }
    Script {
        bytes,
        owed,
        sent,
        reused,
    }
}

/// The bodies of a framed stream the server wrote; panics on anything else.
fn messages(mut output: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    while !output.is_empty() {
        let header_end = output
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header");
        let header = std::str::from_utf8(&output[..header_end]).expect("an ASCII header");
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("header {header:?}"));
        let body = &output[header_end + 4..header_end + 4 + length];
        let value: Value = serde_json::from_slice(body).expect("a JSON body");
        assert_eq!(value["jsonrpc"], "2.0", "{value}");
        out.push(value);
        output = &output[header_end + 4 + length..];
    }
    out
}

fn run(input: Vec<u8>) -> Vec<u8> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("a runtime");
    runtime.block_on(async move {
        let (mut client, server_input) = tokio::io::duplex(1 << 16);
        let (server_output, mut from_server) = tokio::io::duplex(1 << 16);
        let serving = tokio::spawn(ogi_lsp::lsp::serve(server_input, server_output));
        let writing = tokio::spawn(async move {
            // The server stops reading at `exit`; what it leaves unread does not matter.
            let _ = client.write_all(&input).await;
        });
        let mut output = Vec::new();
        from_server
            .read_to_end(&mut output)
            .await
            .expect("read the server's output");
        serving.await.expect("the server's task");
        let _ = writing.await;
        // Debounced publications and spawned analyses run out.
        tokio::time::sleep(Duration::from_secs(5)).await;
        output
    })
}

/// The panic message on stdout as well: the server's runs close stderr (`-close_fd_mask=2`), which
/// would hide which check failed.
fn report_panics_on_stdout() {
    let abort = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        println!("panic: {info}");
        abort(info);
    }));
}

fuzz_target!(init: report_panics_on_stdout(), |data: &[u8]| {
    let steps = session::decode(data);
    let script = script(&steps);
    let output = run(script.bytes);
    let mut answers: HashMap<String, Vec<Value>> = HashMap::new();
    for message in messages(&output) {
        if message.get("method").is_some() {
            continue;
        }
        let id = &message["id"];
        if id.is_null() {
            assert!(message["error"]["code"].is_i64(), "{message}");
            continue;
        }
        if let Some(sent) = &script.sent {
            assert!(
                sent.contains(&id.to_string()),
                "an answer to {id}, never sent: {message}"
            );
        }
        answers.entry(id.to_string()).or_default().push(message);
    }
    for id in &script.owed {
        let got = answers
            .get(&id.to_string())
            .map(Vec::as_slice)
            .unwrap_or_default();
        // Unframed bytes may hold a request with the same id.
        if script.sent.is_some() && !script.reused.contains(&id.to_string()) {
            assert_eq!(got.len(), 1, "answers to {id}: {got:?}");
        } else {
            assert!(!got.is_empty(), "no answer to {id}");
        }
        if let Some(code) = got[0].get("error").map(|e| &e["code"]) {
            assert!(
                matches!(code.as_i64(), Some(-32002 | -32600 | -32800)),
                "{id} answered with {}",
                got[0]
            );
        }
    }
});
