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
/// Bytes read from the peer per call while looking for a header.
const CHUNK: usize = 64 * 1024;
/// A header block longer than this is garbage; it is dropped instead of searched again and again.
const MAX_HEADER: usize = 64 * 1024;
/// The largest message body read (a document of several hundred megabytes fits). A larger
/// `Content-Length` is refused before anything is allocated for it.
pub const MAX_BODY: usize = 1 << 30;

/// What one read from a framed stream produced.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`; the bytes up to the next header are skipped.
    BadHeader,
    /// A `Content-Length` above [`MAX_BODY`]; the bytes up to the next header are skipped.
    TooLarge(usize),
}

/// Reads `Content-Length`-framed messages; header names are matched without regard to case and other
/// headers (`Content-Type`) are ignored. After a bad header the stream has no landmark but the next
/// `Content-Length:`, so everything before it is skipped.
pub struct FrameReader<R> {
    inner: R,
    buffer: Vec<u8>,
    /// Skipping to the next `Content-Length:` after a bad or refused header.
    resync: bool,
    max_body: usize,
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
    /// A reader of a client's messages: bodies up to [`MAX_BODY`].
    pub fn new(inner: R) -> FrameReader<R> {
        FrameReader {
            inner,
            buffer: Vec::new(),
            resync: false,
            max_body: MAX_BODY,
        }
    }

    /// A reader of the server's own output, which may answer with more than a client may send.
    pub fn unlimited(inner: R) -> FrameReader<R> {
        FrameReader {
            max_body: usize::MAX,
            ..FrameReader::new(inner)
        }
    }

    /// Reads more bytes, growing the buffer towards `total` bytes but never past it, so a body is read
    /// into a buffer of its own size and a length that never arrives allocates nothing ahead of the
    /// bytes; false at the end of the stream.
    async fn fill(&mut self, total: usize) -> bool {
        let (len, capacity) = (self.buffer.len(), self.buffer.capacity());
        if capacity == len {
            let target = total.min(capacity.saturating_mul(2).max(len + CHUNK));
            self.buffer.reserve_exact(target.max(len + 1) - len);
        }
        matches!(self.inner.read_buf(&mut self.buffer).await, Ok(read) if read > 0)
    }

    /// Drops everything before the next `Content-Length:`; false at the end of the stream.
    async fn skip_to_header(&mut self) -> bool {
        loop {
            if let Some(i) = find(&self.buffer, LENGTH) {
                self.buffer.drain(..i);
                self.resync = false;
                return true;
            }
            // A header split between two reads keeps its first bytes.
            let keep = self.buffer.len().min(LENGTH.len() - 1);
            self.buffer.drain(..self.buffer.len() - keep);
            if !self.fill(self.buffer.len() + CHUNK).await {
                return false;
            }
        }
    }

    /// The next frame, or `None` at the end of the stream.
    pub async fn next(&mut self) -> Option<Frame> {
        if self.resync && !self.skip_to_header().await {
            return None;
        }
        let header_end = loop {
            if let Some(i) = memchr::memmem::find(&self.buffer, HEADER_END) {
                break i;
            }
            if self.buffer.len() > MAX_HEADER {
                self.buffer.clear();
                self.resync = true;
                return Some(Frame::BadHeader);
            }
            if !self.fill(self.buffer.len() + CHUNK).await {
                return None;
            }
        };
        let body_start = header_end + HEADER_END.len();
        let end = match content_length(self.buffer.get(..header_end).unwrap_or_default()) {
            Some(length) if length <= self.max_body => body_start
                .checked_add(length)
                .ok_or(Frame::TooLarge(length)),
            Some(length) => Err(Frame::TooLarge(length)),
            None => Err(Frame::BadHeader),
        };
        let end = match end {
            Ok(end) => end,
            Err(refused) => {
                self.buffer.drain(..body_start);
                self.resync = true;
                return Some(refused);
            }
        };
        while self.buffer.len() < end {
            if !self.fill(end).await {
                return None;
            }
        }
        // The body keeps the buffer's allocation (a large document is not copied); what follows it moves
        // to a new buffer.
        let rest = self.buffer.split_off(end);
        let mut body = std::mem::replace(&mut self.buffer, rest);
        body.drain(..body_start);
        Some(Frame::Body(body))
    }
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// A request or notification as tower-lsp-server's `Request` reads it, with the parameters only
/// checked for being JSON. Whatever this accepts `Request` accepts too; it spares a `didOpen` of a
/// large document the untagged [`Incoming`], which copies the whole message into a buffer of its
/// own before trying each shape.
#[derive(Deserialize)]
struct RequestShape<'a> {
    #[serde(borrow)]
    jsonrpc: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    #[allow(dead_code)]
    method: std::borrow::Cow<'a, str>,
    #[serde(default)]
    #[allow(dead_code)]
    params: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    id: Option<jsonrpc::Id>,
}

/// Any JSON value, read the way tower-lsp-server reads a whole message before matching its shape —
/// every string unescaped (a lone surrogate fails), every number in range — but kept nowhere.
/// [`RequestShape`] alone skips what it does not keep without these checks, so a notification with
/// `"\ud800"` in its parameters would pass it and then end the framework's input stream.
struct WellFormed;

impl<'de> Deserialize<'de> for WellFormed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WellFormedVisitor)
    }
}

struct WellFormedVisitor;

impl<'de> serde::de::Visitor<'de> for WellFormedVisitor {
    type Value = WellFormed;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<WellFormed, E> {
        Ok(WellFormed)
    }

    fn visit_i64<E>(self, _: i64) -> Result<WellFormed, E> {
        Ok(WellFormed)
    }

    fn visit_u64<E>(self, _: u64) -> Result<WellFormed, E> {
        Ok(WellFormed)
    }

    fn visit_f64<E>(self, _: f64) -> Result<WellFormed, E> {
        Ok(WellFormed)
    }

    fn visit_str<E>(self, _: &str) -> Result<WellFormed, E> {
        Ok(WellFormed)
    }

    fn visit_unit<E>(self) -> Result<WellFormed, E> {
        Ok(WellFormed)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<WellFormed, A::Error> {
        while seq.next_element::<WellFormed>()?.is_some() {}
        Ok(WellFormed)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<WellFormed, A::Error> {
        while map.next_entry::<WellFormed, WellFormed>()?.is_some() {}
        Ok(WellFormed)
    }
}

/// Whether the body is a request or notification the framework takes, checked without building it:
/// one pass for the values, one for the shape.
fn is_plain_request(body: &[u8]) -> bool {
    serde_json::from_slice::<WellFormed>(body).is_ok()
        && serde_json::from_slice::<RequestShape<'_>>(body).is_ok_and(|r| r.jsonrpc == "2.0")
}

/// The answer to a frame tower-lsp-server must not see, or `None` for a frame to forward.
pub fn reject(body: &[u8]) -> Option<Value> {
    if is_plain_request(body) || serde_json::from_slice::<Incoming>(body).is_ok() {
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
                    let header = format!("Content-Length: {}\r\n\r\n", body.len());
                    let forwarded = match server.write_all(header.as_bytes()).await {
                        Ok(()) => server.write_all(&body).await,
                        Err(err) => Err(err),
                    };
                    if forwarded.is_err() {
                        return;
                    }
                    continue;
                }
                Some(answer) => answer,
            },
            Frame::BadHeader => {
                json!({"jsonrpc": "2.0", "error": {"code": -32700, "message": "Parse error"}, "id": null})
            }
            Frame::TooLarge(length) => {
                let message = format!(
                    "Message too large: {length} bytes, more than the {MAX_BODY} the server reads"
                );
                json!({"jsonrpc": "2.0", "error": {"code": -32600, "message": message}, "id": null})
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
    let mut reader = FrameReader::unlimited(output);
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

    /// Hands out its bytes a few at a time, as a pipe may.
    struct Trickle<'a>(&'a [u8], usize);

    impl AsyncRead for Trickle<'_> {
        fn poll_read(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
            buf: &mut tokio::io::ReadBuf<'_>,
        ) -> std::task::Poll<std::io::Result<()>> {
            let n = self.1.min(self.0.len()).min(buf.remaining());
            buf.put_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            std::task::Poll::Ready(Ok(()))
        }
    }

    #[tokio::test]
    async fn a_length_past_the_limit_is_refused_and_the_next_message_read() {
        let mut input = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).into_bytes();
        input.extend_from_slice(b"{\"jsonrpc\":\"2.0\"} a body that never ends");
        input.extend_from_slice(b"Content-Length: 99999999999999999999999\r\n\r\n");
        input.extend_from_slice(b"Content-Length: 2\r\n\r\n{}");
        for step in [1, 3, 7, 1 << 20] {
            let mut reader = FrameReader::new(Trickle(&input, step));
            let mut frames = Vec::new();
            while let Some(f) = reader.next().await {
                frames.push(f);
            }
            assert_eq!(
                frames,
                vec![
                    Frame::TooLarge(MAX_BODY + 1),
                    Frame::BadHeader,
                    Frame::Body(b"{}".to_vec())
                ],
                "read {step} bytes at a time"
            );
        }
    }

    #[tokio::test]
    async fn garbage_without_a_header_is_one_error_however_long() {
        let mut input = vec![b'x'; 3 * MAX_HEADER];
        input.extend_from_slice(b"Content-Length: 4\r\n\r\nnull");
        let frames = frames_of(&input).await;
        assert_eq!(
            frames,
            vec![Frame::BadHeader, Frame::Body(b"null".to_vec())]
        );
    }

    #[tokio::test]
    async fn a_body_cut_short_by_the_end_of_the_stream_is_no_frame() {
        let frames = frames_of(b"Content-Length: 10\r\n\r\n{}").await;
        assert_eq!(frames, vec![]);
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

    #[test]
    fn the_quick_request_check_accepts_only_what_the_framework_takes() {
        let bodies: [&[u8]; 20] = [
            br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"t":"\u62a5\n"}}"#,
            br#"{"jsonrpc":"2.0","id":"a","method":"m","params":null}"#,
            br#"{"jsonrpc":"2.0","id":null}"#,
            br#"["2.0"]"#,
            br#"["2.0","m",[1],7]"#,
            br#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#,
            br#"{"jsonrpc":"2.0","id":18446744073709551615,"method":"m"}"#,
            br#"{"jsonrpc":"2.0","method":1}"#,
            br#"{"jsonrpc":"2.0","method":"m","method":"n"}"#,
            br#"{"jsonrpc":"2.0","method":"m","params":{"a":}}"#,
            br#"{"jsonrpc":"2.1","method":"m"}"#,
            br#"{"jsonrpc":"\u0032.0","method":"m"}"#,
            br#"{"method":"m"}"#,
            br#"{"jsonrpc":"2.0","id":{},"method":"m"}"#,
            // What the shape skips must still be JSON the framework can read in full.
            br#"{"jsonrpc":"2.0","method":"m","params":{"t":"\ud800"}}"#,
            br#"{"jsonrpc":"2.0","method":"m","x":["\udc00x"]}"#,
            br#"{"jsonrpc":"2.0","method":"m","params":[1e400]}"#,
            br#"{"jsonrpc":"2.0","method":"m","x":{"\ud800":1}}"#,
            br#"{"jsonrpc":"2.0","method":"m","params":{"t":"\ud83d\ude00"},"x":-1e300}"#,
            br#"{"jsonrpc":"2.0","method":"m","params":"\u00zz"}"#,
        ];
        let quick: Vec<bool> = bodies.iter().map(|b| is_plain_request(b)).collect();
        let full: Vec<bool> = bodies
            .iter()
            .map(|b| serde_json::from_slice::<Incoming>(b).is_ok())
            .collect();
        assert_eq!(
            quick,
            [
                true, true, true, true, true, false, false, false, false, false, false, true,
                false, false, false, false, false, false, true, false
            ]
        );
        assert_eq!(
            quick, full,
            "the quick check agrees with the framework's shapes"
        );
    }
}
