//! Framing between stdio and tower-lsp-server. tower-lsp-server reads through `tokio_util`'s
//! `FramedRead`, which ends the stream after the first undecodable frame: one malformed message from a
//! client would stop the server. So frames are read here first; a frame tower-lsp-server would reject is
//! answered here (`-32700` parse error / `-32600` invalid request) and never forwarded, and the server's
//! own output is merged frame by frame with those answers.

use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, DuplexStream};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc;

/// The shape tower-lsp-server accepts (its own `Message` is private): anything that deserialises into
/// this is forwarded untouched.
#[derive(Deserialize)]
#[serde(untagged)]
enum Incoming {
    // Only the shapes matter; the values are read again by tower-lsp-server.
    #[allow(dead_code)]
    Response(jsonrpc::Response),
    #[allow(dead_code)]
    Request(jsonrpc::Request),
}

const HEADER_END: &[u8] = b"\r\n\r\n";
const LENGTH: &[u8] = b"content-length:";
/// Bytes read from the peer per call.
const CHUNK: usize = 64 * 1024;
/// A header block longer than this is garbage; it is dropped instead of searched again and again.
const MAX_HEADER: usize = 64 * 1024;

/// What one read from a framed stream produced.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`; the bytes up to the next header were skipped.
    BadHeader,
}

/// Reads `Content-Length`-framed messages; header names are matched without regard to case and other
/// headers (`Content-Type`) are ignored.
pub struct FrameReader<R> {
    inner: R,
    buffer: Vec<u8>,
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

fn content_length(header: &[u8]) -> Option<usize> {
    let text = std::str::from_utf8(header).ok()?;
    text.split("\r\n").find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse().ok())?
    })
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    pub fn new(inner: R) -> FrameReader<R> {
        FrameReader {
            inner,
            buffer: Vec::new(),
        }
    }

    /// Reads more bytes; false at the end of the stream.
    async fn fill(&mut self) -> bool {
        let start = self.buffer.len();
        self.buffer.resize(start + CHUNK, 0);
        let read = self
            .inner
            .read(&mut self.buffer[start..])
            .await
            .unwrap_or(0);
        self.buffer.truncate(start + read);
        read > 0
    }

    /// The next frame, or `None` at the end of the stream.
    pub async fn next(&mut self) -> Option<Frame> {
        let header_end = loop {
            if let Some(i) = memchr::memmem::find(&self.buffer, HEADER_END) {
                break i;
            }
            if self.buffer.len() > MAX_HEADER {
                self.buffer.clear();
                return Some(Frame::BadHeader);
            }
            if !self.fill().await {
                return None;
            }
        };
        let Some(length) = content_length(&self.buffer[..header_end]) else {
            // Resynchronise at the next header, as a stream with a broken header has no other landmark.
            let skip = header_end + HEADER_END.len();
            let next = find(&self.buffer[skip..], LENGTH).map_or(self.buffer.len(), |i| skip + i);
            self.buffer.drain(..next);
            return Some(Frame::BadHeader);
        };
        let body_start = header_end + HEADER_END.len();
        while self.buffer.len() < body_start + length {
            self.buffer.reserve(body_start + length - self.buffer.len());
            if !self.fill().await {
                return None;
            }
        }
        let body = self.buffer[body_start..body_start + length].to_vec();
        self.buffer.drain(..body_start + length);
        Some(Frame::Body(body))
    }
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The answer to a frame tower-lsp-server must not see, or `None` for a frame to forward.
pub fn reject(body: &[u8]) -> Option<Value> {
    if serde_json::from_slice::<Incoming>(body).is_ok() {
        return None;
    }
    let (code, message, id) = match serde_json::from_slice::<Value>(body) {
        Err(_) => (-32700, "Parse error", Value::Null),
        Ok(value) => {
            let id = value
                .get("id")
                .filter(|id| id.is_number() || id.is_string())
                .cloned()
                .unwrap_or(Value::Null);
            (-32600, "Invalid request", id)
        }
    };
    Some(json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": id}))
}

/// Copies client frames to the server, answering the ones it would choke on through `answers`.
pub async fn pump_input(
    input: impl AsyncRead + Unpin,
    mut server: DuplexStream,
    answers: mpsc::UnboundedSender<Vec<u8>>,
) {
    let mut reader = FrameReader::new(input);
    while let Some(next) = reader.next().await {
        let answer = match next {
            Frame::Body(body) => match reject(&body) {
                None => {
                    if server.write_all(&frame(&body)).await.is_err() {
                        return;
                    }
                    continue;
                }
                Some(answer) => answer,
            },
            Frame::BadHeader => {
                json!({"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null})
            }
        };
        log!("rejected a malformed message: {answer}");
        if answers.send(frame(answer.to_string().as_bytes())).is_err() {
            return;
        }
    }
}

/// Splits the server's output into whole frames so answers from [`pump_input`] never land inside one.
pub async fn pump_server_output(output: DuplexStream, frames: mpsc::UnboundedSender<Vec<u8>>) {
    let mut reader = FrameReader::new(output);
    while let Some(Frame::Body(body)) = reader.next().await {
        if frames.send(frame(&body)).is_err() {
            return;
        }
    }
}

/// Writes whole frames to the client until every sender is gone.
pub async fn write_frames(
    mut output: impl AsyncWrite + Unpin,
    mut frames: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(bytes) = frames.recv().await {
        if output.write_all(&bytes).await.is_err() || output.flush().await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn frames_of(bytes: &[u8]) -> Vec<Frame> {
        let mut reader = FrameReader::new(bytes);
        let mut out = Vec::new();
        while let Some(f) = reader.next().await {
            out.push(f);
        }
        out
    }

    #[tokio::test]
    async fn reads_frames_whatever_the_header_case_and_skips_broken_headers() {
        let input = b"content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}\
            Content-Lenght: 9\r\n\r\n{garbage}Content-Length: 4\r\n\r\nnull";
        let frames = frames_of(input).await;
        assert_eq!(
            frames,
            vec![
                Frame::Body(b"{}".to_vec()),
                Frame::BadHeader,
                Frame::Body(b"null".to_vec())
            ]
        );
    }

    #[test]
    fn rejects_what_the_framework_cannot_decode() {
        assert_eq!(
            reject(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#),
            None
        );
        assert_eq!(reject(br#"{"jsonrpc":"2.0","id":1,"result":null}"#), None);
        assert_eq!(
            reject(br#"{"jsonrpc":"2.0","method":"#).map(|a| a["error"]["code"].clone()),
            Some(json!(-32700))
        );
        let wrong_version = reject(br#"{"jsonrpc":"1.0","id":"x","method":"m"}"#);
        assert_eq!(
            wrong_version.map(|a| (a["error"]["code"].clone(), a["id"].clone())),
            Some((json!(-32600), json!("x")))
        );
        assert_eq!(
            reject(b"[1, 2]").map(|a| a["id"].clone()),
            Some(Value::Null)
        );
        assert!(reject(b"").is_some());
        assert!(reject(&[0xff, 0xfe]).is_some());
    }
}
