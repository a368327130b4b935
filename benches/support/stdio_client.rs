//! A timing client for the server's stdio: spawns the `ogi-lsp` binary, writes JSON-RPC messages with
//! Content-Length framing, and stamps every message from the server when its last byte arrives — before
//! it is decoded, so a publication of thousands of diagnostics is not charged for the client's parsing.
//! Knows the protocol's shape, nothing of reports.
// Each target uses a different part of the client.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Only guards against a hung server.
const HANG: Duration = Duration::from_secs(300);

/// The server's resident memory, from /proc/PID/status, in megabytes (10⁶ bytes).
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    pub resident_mb: f64,
    /// The high-water mark since the process started.
    pub peak_mb: f64,
    /// Threads of the process.
    pub threads: usize,
}

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    /// Each message body from the server with the moment its last byte was read.
    incoming: Receiver<(Instant, Vec<u8>)>,
    next_id: i64,
}

/// Reads one framed message body; `None` at the end of the stream.
fn read_body(reader: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut length = None;
    let mut header = String::new();
    loop {
        header.clear();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        match header.trim_end() {
            "" => break,
            line => {
                if let Some(n) = line.strip_prefix("Content-Length:") {
                    length = n.trim().parse::<usize>().ok();
                }
            }
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    Some(body)
}

fn framed(message: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(message).expect("a JSON message serialises");
    let mut bytes = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    bytes.extend_from_slice(&body);
    bytes
}

/// `ogi-lsp` as `OGI_LSP_BIN` names it or cargo built it, under `taskset -c OGI_BENCH_PIN` when set.
fn command() -> Command {
    let binary =
        std::env::var("OGI_LSP_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_ogi-lsp").to_owned());
    match std::env::var("OGI_BENCH_PIN") {
        // taskset execs the server, so the child's pid is the server's.
        Ok(cpus) if !cpus.is_empty() => {
            let mut command = Command::new("taskset");
            command.args(["-c", &cpus, &binary]);
            command
        }
        _ => Command::new(binary),
    }
}

impl Client {
    /// Spawns and initialises the server; returns it and the time from spawning to the `initialize`
    /// reply.
    pub fn start() -> (Client, Duration) {
        let started = Instant::now();
        let mut child = command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start ogi-lsp (set OGI_LSP_BIN to its path)");
        let stdout = child.stdout.take().expect("the server's stdout is piped");
        let stdin = child.stdin.take().expect("the server's stdin is piped");
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::with_capacity(1 << 20, stdout);
            while let Some(body) = read_body(&mut reader) {
                if tx.send((Instant::now(), body)).is_err() {
                    break;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 0,
        };
        let init = json!({"processId": null, "rootUri": null, "capabilities": {}});
        let id = client.send_request("initialize", &init);
        let (arrived, _) = client.wait(|m| m["id"] == json!(id));
        client.send(&json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        (client, arrived - started)
    }

    fn write(&mut self, bytes: &[u8]) {
        self.stdin
            .write_all(bytes)
            .and_then(|()| self.stdin.flush())
            .expect("write to the server's stdin");
    }

    fn send(&mut self, message: &Value) {
        let bytes = framed(message);
        self.write(&bytes);
    }

    pub fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting for its answer; returns its id.
    pub fn send_request(&mut self, method: &str, params: &Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The first message `wanted` accepts, and when it arrived; messages before it are dropped.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> (Instant, Value) {
        loop {
            let (arrived, body) = self
                .incoming
                .recv_timeout(HANG)
                .expect("the server answers within the hang guard");
            let message: Value = serde_json::from_slice(&body).expect("the server sends JSON");
            if wanted(&message) {
                return (arrived, message);
            }
        }
    }

    /// The next message from the server, decoded; `None` when none arrives within `wait`.
    pub fn next_message(&mut self, wait: Duration) -> Option<Value> {
        let (_, body) = self.incoming.recv_timeout(wait).ok()?;
        Some(serde_json::from_slice(&body).expect("the server sends JSON"))
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the diagnostics of `uri` at `version`; returns when they arrived and how many.
    pub fn wait_diagnostics(&mut self, uri: &str, version: i32) -> (Instant, usize) {
        let (arrived, message) = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        let count = message["params"]["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
        (arrived, count)
    }

    /// Sends a notification (framed before the clock starts) and waits for the diagnostics of `uri` at
    /// `version`; returns the time from the first byte written to the last byte of the publication,
    /// and the number of diagnostics.
    pub fn notify_until_diagnostics(
        &mut self,
        method: &str,
        params: &Value,
        uri: &str,
        version: i32,
    ) -> (Duration, usize) {
        let bytes = framed(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
        let sent = Instant::now();
        self.write(&bytes);
        let (arrived, count) = self.wait_diagnostics(uri, version);
        (arrived - sent, count)
    }

    /// Sends a notification and a request at once; returns the time until the request's reply.
    pub fn notify_then_request(
        &mut self,
        method: &str,
        params: &Value,
        request: &str,
        request_params: &Value,
    ) -> Duration {
        self.next_id += 1;
        let id = self.next_id;
        let mut bytes = framed(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
        bytes.extend(framed(
            &json!({"jsonrpc": "2.0", "id": id, "method": request, "params": request_params}),
        ));
        let sent = Instant::now();
        self.write(&bytes);
        let (arrived, reply) = self.wait(|m| m["id"] == json!(id));
        assert!(
            reply["result"].is_object(),
            "{request} answered with something: {reply}"
        );
        arrived - sent
    }

    /// The server's resident memory now and its peak so far.
    pub fn memory(&self) -> Memory {
        let path = format!("/proc/{}/status", self.child.id());
        let status = std::fs::read_to_string(&path).expect("read the server's /proc status");
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
                .unwrap_or_else(|| panic!("{name} in {path}"))
                * 1024.0
                / 1e6
        };
        let threads = status
            .lines()
            .find_map(|l| l.strip_prefix("Threads:"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(0);
        Memory {
            resident_mb: field("VmRSS:"),
            peak_mb: field("VmHWM:"),
            threads,
        }
    }

    /// `shutdown`, `exit`, and waits for the process to end.
    pub fn shutdown(mut self) {
        let id = self.send_request("shutdown", &Value::Null);
        self.wait(|m| m["id"] == json!(id));
        self.send(&json!({"jsonrpc": "2.0", "method": "exit"}));
        let status = self.child.wait().expect("wait for the server to exit");
        assert!(status.success(), "the server exited with {status}");
    }
}
