//! A typed client for end-to-end tests: starts the real `ogi-lsp` binary, speaks JSON-RPC with
//! Content-Length framing over its stdio, and fails a test when the server sent something the test
//! never read (checked at shutdown) or sent anything before the `initialize` reply.
// Each test file uses a different part of the harness.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use serde_json::{Value, json};
use tower_lsp_server::ls_types::notification::{self, Notification};
use tower_lsp_server::ls_types::request::Request;
use tower_lsp_server::ls_types::{
    Diagnostic, Position, Range, TextDocumentContentChangeEvent, TextDocumentIdentifier,
    TextDocumentPositionParams, Uri,
};

pub mod example;
mod requests;
mod text;
pub mod years;

// Each test file uses some of these.
#[allow(unused_imports)]
pub use text::{apply_edits, find, offset, position};

/// Only guards against a hung server; no test asserts on timing.
const HANG: Duration = Duration::from_secs(120);

pub const FIXTURE: &str = include_str!("../fixtures/dongsheng-2024.txt");

pub struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Messages read from the server that no assertion has consumed yet.
    unread: VecDeque<Value>,
    next_id: i64,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

pub fn position_params(uri: &Uri, position: Position) -> TextDocumentPositionParams {
    TextDocumentPositionParams {
        text_document: TextDocumentIdentifier { uri: uri.clone() },
        position,
    }
}

pub fn uri(name: &str) -> Uri {
    format!("file:///ogi-test/{name}").parse().unwrap()
}

impl Server {
    /// Starts the binary without initialising it.
    pub fn spawn() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ogi-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start ogi-lsp");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        Server {
            child,
            stdin,
            incoming,
            unread: VecDeque::new(),
            next_id: 0,
        }
    }

    /// Starts and initialises the server with `params` merged over minimal client capabilities;
    /// returns the `initialize` result.
    pub fn start(params: Value) -> (Server, Value) {
        let mut server = Server::spawn();
        let mut init = json!({"processId": null, "rootUri": null, "capabilities": {}});
        if let (Some(init), Some(extra)) = (init.as_object_mut(), params.as_object()) {
            init.extend(extra.clone());
        }
        let id = server.send_request("initialize", init);
        let reply = server.next();
        assert_eq!(
            reply["id"],
            json!(id),
            "the first message from the server must be the initialize reply: {reply}"
        );
        server.notify_raw("initialized", json!({}));
        (server, reply["result"].clone())
    }

    /// Started with default (UTF-16, Chinese) client capabilities.
    pub fn started() -> Server {
        Server::start(json!({})).0
    }

    /// Writes bytes to the server's input as they are, framing included (or not).
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    /// Sends `body` as one correctly framed message, whatever it holds.
    pub fn send_raw(&mut self, body: &[u8]) {
        let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        bytes.extend_from_slice(body);
        self.write_bytes(&bytes);
    }

    fn send(&mut self, message: &Value) {
        self.send_raw(&serde_json::to_vec(message).expect("serialise"));
    }

    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    pub fn notify_raw(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    pub fn notify<N: Notification>(&mut self, params: N::Params) {
        self.notify_raw(N::METHOD, serde_json::to_value(params).expect("serialise"));
    }

    /// The next message from the server, whatever it is.
    fn next(&mut self) -> Value {
        match self.incoming.recv_timeout(HANG) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!(
                "the server sent nothing for {HANG:?}; unread: {:?}",
                self.unread
            ),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the server closed its output; unread: {:?}", self.unread)
            }
        }
    }

    /// Waits for the first message matching `wanted`; others stay unread for later assertions.
    pub fn receive(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.unread.iter().position(&wanted) {
            return self.unread.remove(i).expect("present");
        }
        loop {
            let message = self.next();
            if wanted(&message) {
                return message;
            }
            self.unread.push_back(message);
        }
    }

    /// Sends a request and waits for its response: `Ok(result)` or `Err(error)`.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        let id = self.send_request(method, params);
        let reply = self.receive(|m| m["id"] == json!(id) && m.get("method").is_none());
        match reply.get("error") {
            Some(error) => Err(error.clone()),
            None => Ok(reply["result"].clone()),
        }
    }

    pub fn request<R: Request>(&mut self, params: R::Params) -> R::Result {
        let params = serde_json::to_value(params).expect("serialise");
        let result = self
            .request_raw(R::METHOD, params)
            .unwrap_or_else(|e| panic!("{} failed: {e}", R::METHOD));
        serde_json::from_value(result)
            .unwrap_or_else(|e| panic!("{} answered something else: {e}", R::METHOD))
    }

    /// Waits for a request from the server; returns its id and params.
    pub fn server_request(&mut self, method: &str) -> (Value, Value) {
        let request = self.receive(|m| m["method"] == json!(method) && m.get("id").is_some());
        (request["id"].clone(), request["params"].clone())
    }

    /// Answers a request the server sent.
    pub fn answer(&mut self, id: Value, result: Value) {
        self.send(&json!({"jsonrpc": "2.0", "id": id, "result": result}));
    }

    /// The diagnostics published for `uri` at `version`; publications for older versions are skipped
    /// (a debounced server may or may not publish intermediate versions).
    pub fn diagnostics(&mut self, uri: &Uri, version: i32) -> Vec<Diagnostic> {
        let uri = uri.as_str().to_owned();
        loop {
            let message = self.receive(|m| {
                m["method"] == json!(notification::PublishDiagnostics::METHOD)
                    && m["params"]["uri"] == json!(uri)
            });
            let published = message["params"]["version"].as_i64();
            match published {
                Some(v) if v == i64::from(version) => {
                    return serde_json::from_value(message["params"]["diagnostics"].clone())
                        .expect("diagnostics");
                }
                Some(v) if v < i64::from(version) => continue,
                _ => panic!("expected diagnostics of version {version} for {uri}, got {message}"),
            }
        }
    }

    pub fn open(&mut self, uri: &Uri, text: &str, version: i32) {
        self.notify_raw(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}}),
        );
    }

    /// Sends `didClose` and reads the publication that clears the document's diagnostics (the server
    /// sends one for every `didClose`, of an open document or not).
    pub fn close(&mut self, uri: &Uri) {
        self.notify_raw(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        self.receive(|m| {
            m["method"] == json!(notification::PublishDiagnostics::METHOD)
                && m["params"]["uri"] == json!(uri)
                && m["params"]["diagnostics"] == json!([])
        });
    }

    /// The diagnostics of `text` opened fresh as `uri`, closed again after.
    pub fn fresh_diagnostics(&mut self, uri: &Uri, text: &str) -> Vec<Diagnostic> {
        self.open(uri, text, 1);
        let diagnostics = self.diagnostics(uri, 1);
        self.close(uri);
        diagnostics
    }

    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) {
        self.notify_raw(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// Sends `shutdown` and `exit`, then fails if any server message went unread or the exit code is not 0.
    pub fn shutdown(mut self) {
        let reply = self.request_raw("shutdown", Value::Null);
        assert_eq!(reply, Ok(Value::Null));
        assert_eq!(self.exit(), Some(0));
    }

    /// Sends `exit`, reads everything the server still says, fails if any of it (or anything earlier)
    /// went unread, and returns the exit code.
    pub fn exit(&mut self) -> Option<i32> {
        self.notify_raw("exit", Value::Null);
        self.stdin.take();
        while let Ok(message) = self.incoming.recv_timeout(HANG) {
            self.unread.push_back(message);
        }
        assert!(
            self.unread.is_empty(),
            "unread server messages: {:#?}",
            self.unread
        );
        self.child.wait().expect("wait for ogi-lsp").code()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A range change from protocol positions.
pub fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent {
        range: Some(Range::new(
            Position::new(start.0, start.1),
            Position::new(end.0, end.1),
        )),
        range_length: None,
        text: text.to_owned(),
    }
}
