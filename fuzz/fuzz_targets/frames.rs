//! The frame reader on arbitrary bytes, however the reads split them: the same frames whether the
//! bytes come at once or a few at a time; bodies framed again read back as themselves; a body is
//! forwarded exactly when tower-lsp-server can decode it (one it cannot would end its input stream);
//! and every answer to a body the framework cannot take is a JSON-RPC error with a code and a usable id.

#![no_main]

use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll};

use libfuzzer_sys::fuzz_target;
use ogi_lsp::lsp::transport::{Frame, FrameReader, frame, reject};
use serde::Deserialize;
use tokio::io::{AsyncRead, ReadBuf};
use tokio::runtime::Runtime;
use tower_lsp_server::jsonrpc;

/// How tower-lsp-server decodes a message (its own `Message` is private): a response, else a request.
#[derive(Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // only whether it decodes matters
enum Decoded {
    Response(jsonrpc::Response),
    Request(jsonrpc::Request),
}

/// Hands out its bytes `step` at a time.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl AsyncRead for Trickle<'_> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let n = self.step.min(self.data.len()).min(buf.remaining());
        buf.put_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Poll::Ready(Ok(()))
    }
}

fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    })
}

fn frames(data: &[u8], step: usize) -> Vec<Frame> {
    runtime().block_on(async {
        let mut reader = FrameReader::new(Trickle { data, step });
        let mut out = Vec::new();
        while let Some(f) = reader.next().await {
            out.push(f);
        }
        out
    })
}

fuzz_target!(|data: &[u8]| {
    // Past 64 KiB without a header end the reader gives up on a block at a point that depends on how
    // the reads split; below it the frames may not.
    let Some((&split, stream)) = data.split_first() else {
        return;
    };
    if stream.len() > 60_000 {
        return;
    }
    let whole = frames(stream, usize::MAX);
    assert_eq!(
        frames(stream, usize::from(split % 16) + 1),
        whole,
        "split every {} bytes",
        split % 16 + 1
    );
    let bodies: Vec<&Vec<u8>> = whole
        .iter()
        .filter_map(|f| match f {
            Frame::Body(body) => Some(body),
            Frame::BadHeader | Frame::TooLarge(_) => None,
        })
        .collect();
    let reframed: Vec<u8> = bodies.iter().flat_map(|b| frame(b)).collect();
    let again = frames(&reframed, usize::from(split) + 1);
    assert_eq!(
        again,
        bodies
            .iter()
            .map(|b| Frame::Body(b.to_vec()))
            .collect::<Vec<_>>()
    );
    for body in bodies {
        let decodes = serde_json::from_slice::<Decoded>(body).is_ok();
        assert_eq!(
            reject(body).is_none(),
            decodes,
            "forwarded exactly when the framework decodes it: {}",
            String::from_utf8_lossy(body)
        );
        if let Some(answer) = reject(body) {
            assert_eq!(answer["jsonrpc"], "2.0");
            let code = answer["error"]["code"].as_i64();
            assert!(matches!(code, Some(-32700 | -32600)), "{answer}");
            assert!(
                answer["id"].is_null() || answer["id"].is_number() || answer["id"].is_string(),
                "{answer}"
            );
        }
    }
});
