//! The language server: the only module that knows the protocol (tower-lsp-server and its `ls_types`).
//! Handlers convert in, call the core or the document store, and convert out; they hold no domain logic.

/// A line on stderr, which clients show in their server log. Nothing is logged to the client itself.
macro_rules! log {
    ($($arg:tt)*) => { eprintln!("ogi-lsp: {}", format_args!($($arg)*)) };
}

mod code_action;
mod commands;
mod completion;
mod config;
pub mod converted;
pub mod from_proto;
mod hover;
mod inlay;
mod ledgers;
mod publish;
mod semantic_tokens;
mod server;
mod session;
mod symbols;
mod tables;
pub mod to_proto;
pub mod transport;
mod workspace;

#[cfg(test)]
mod to_proto_tests;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite};

/// Buffer between the framing pumps and tower-lsp-server.
const PIPE: usize = 64 * 1024;

/// Threads for analyses, answers and stdio.
const BLOCKING_THREADS: usize = 8;

pub use config::RuleConfig;

/// Serves LSP on stdin/stdout until the client sends `exit`.
pub fn run_stdio() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .thread_keep_alive(Duration::from_secs(3600))
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("ogi-lsp: cannot start the async runtime: {err}");
            return ExitCode::from(2);
        }
    };
    let shut_down = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Reading stdin and a long analysis run on blocking threads; neither may hold the process open.
    runtime.shutdown_timeout(Duration::from_millis(200));
    // The protocol asks for 1 when `exit` came without a `shutdown` first.
    if shut_down {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Serves LSP over `input` and `output` (stdio, or a pipe in a test or fuzz target) until `exit` or
/// the end of the input; true when `shutdown` came first. Must run inside a tokio runtime.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    let (service, socket) =
        tower_lsp_server::LspService::build(move |client| server::Backend::new(client, flag))
            .custom_method(tables::METHOD, server::Backend::tables)
            .custom_method(
                "window/workDoneProgress/cancel",
                server::Backend::cancel_progress,
            )
            .finish();
    let (server_input, pipe_in) = tokio::io::duplex(PIPE);
    let (server_output, pipe_out) = tokio::io::duplex(PIPE);
    let (frames, outgoing) = tokio::sync::mpsc::unbounded_channel();
    let reading = tokio::spawn(transport::pump_input(input, pipe_in, frames.clone()));
    tokio::spawn(transport::pump_server_output(pipe_out, frames));
    let writing = tokio::spawn(transport::write_frames(output, outgoing));
    tower_lsp_server::Server::new(server_input, server_output, socket)
        .serve(service)
        .await;
    // The server's output is closed now; once the reader stops sending answers the writer drains and ends.
    reading.abort();
    let _ = writing.await;
    shut_down.load(Ordering::SeqCst)
}
