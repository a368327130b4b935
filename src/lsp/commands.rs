//! `workspace/executeCommand`: `ogi.skeleton`, a blank report in the document's layout for the client
//! to insert, and `ogi.checkWorkspace`, the batch check of the workspace folders.

use std::path::PathBuf;

use ls_types::{ExecuteCommandParams, Position, Uri};
use serde::Deserialize;
use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types;

use super::publish::Publisher;
use super::session::Interest;
use super::workspace;
use crate::analysis::facts;
use crate::analysis::lex::Layout;

pub const SKELETON: &str = "ogi.skeleton";
pub const CHECK_WORKSPACE: &str = "ogi.checkWorkspace";

/// The commands offered in `executeCommandProvider`.
pub fn all() -> Vec<String> {
    vec![SKELETON.to_owned(), CHECK_WORKSPACE.to_owned()]
}

#[derive(Deserialize)]
struct SkeletonArgs {
    uri: Uri,
    position: Option<Position>,
}

#[derive(Deserialize, Default)]
struct CheckArgs {
    folders: Option<Vec<Uri>>,
}

pub async fn execute(publisher: &Publisher, params: ExecuteCommandParams) -> Result<Option<Value>> {
    let first = params.arguments.into_iter().next();
    match params.command.as_str() {
        SKELETON => {
            let args: SkeletonArgs = parse(first, SKELETON)?;
            Ok(skeleton(publisher, args).await)
        }
        CHECK_WORKSPACE => {
            let args: CheckArgs = match first {
                None | Some(Value::Null) => CheckArgs::default(),
                some => parse(some, CHECK_WORKSPACE)?,
            };
            let folders: Option<Vec<PathBuf>> = args.folders.map(|uris| {
                uris.iter()
                    .filter_map(|u| u.to_file_path().map(|p| p.into_owned()))
                    .collect()
            });
            let token = params.work_done_progress_params.work_done_token;
            let summary = workspace::check(publisher, folders, token).await;
            serde_json::to_value(summary)
                .map(Some)
                .map_err(|e| Error::invalid_params(e.to_string()))
        }
        other => Err(Error::invalid_params(format!(
            "unknown command `{other}` (ogi-lsp offers {SKELETON} and {CHECK_WORKSPACE})"
        ))),
    }
}

fn parse<T: for<'de> Deserialize<'de>>(argument: Option<Value>, command: &str) -> Result<T> {
    let argument = argument.ok_or_else(|| {
        Error::invalid_params(format!("{command} takes one argument: {{\"uri\": …}}"))
    })?;
    serde_json::from_value(argument)
        .map_err(|e| Error::invalid_params(format!("{command}: invalid argument: {e}")))
}

/// `{text}`: the skeleton in the layout of the report at the position (or of the first report; a
/// Markdown table in a document without one), with the document's line ending; `None` for a
/// document that is not open.
async fn skeleton(publisher: &Publisher, args: SkeletonArgs) -> Option<Value> {
    // Only the report at the position is analysed; outside every report, the first one is.
    if let Some(at) = args.position {
        let answer = skeleton_in(publisher, &args.uri, Interest::At(at), false).await;
        if answer.is_some() {
            return answer;
        }
    }
    skeleton_in(publisher, &args.uri, Interest::Everything, true).await
}

async fn skeleton_in(
    publisher: &Publisher,
    uri: &Uri,
    interest: Interest,
    without_report: bool,
) -> Option<Value> {
    publisher
        .session
        .answer(uri, interest, move |snapshot| {
            let layout = match snapshot.reports.first() {
                Some(r) => facts::document_layout(&r.analysis.report),
                None if without_report => Layout::Pipe,
                None => return None,
            };
            let first_line = snapshot.rope.lines().next().map(String::from);
            let eol = match first_line {
                Some(line) if line.ends_with("\r\n") => "\r\n",
                _ => "\n",
            };
            let text = facts::plain_skeleton(layout).replace('\n', eol) + eol;
            Some(json!({ "text": text }))
        })
        .await
}
