//! Wiring: the capabilities, the `LanguageServer` implementation and document synchronisation.
//! Notification handlers apply their change synchronously, before any `.await`, so they cannot be
//! overtaken (tower-lsp runs handlers concurrently); requests are delegated to one module per feature.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ls_types::*;
use serde_json::Value;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::{Client, LanguageServer, ls_types};

use super::config::{self, RuleConfig};
use super::publish::{DEBOUNCE, Publisher};
use super::session::{Interest, Session, Settings};
use super::{
    code_action, commands, completion, from_proto, hover, inlay, semantic_tokens, symbols, tables,
    to_proto, workspace,
};
use crate::document::Encoding;

pub struct Backend {
    session: Session,
    publisher: Publisher,
    shut_down: Arc<AtomicBool>,
}

impl Backend {
    pub fn new(client: Client, shut_down: Arc<AtomicBool>) -> Backend {
        let session = Session::new(client);
        Backend {
            publisher: Publisher::new(session.clone()),
            session,
            shut_down,
        }
    }

    /// `window/workDoneProgress/cancel`: stops the indexing or workspace check it names.
    pub async fn cancel_progress(&self, params: WorkDoneProgressCancelParams) {
        self.session.cancels.cancel(&params.token);
    }

    /// `ogi/tables`: the table view of the report at the position (or of the first report);
    /// `null` for a document that is not open.
    pub async fn tables(
        &self,
        params: tables::TablesParams,
    ) -> Result<Option<tables::TablesResult>> {
        let uri = params.text_document.uri;
        let position = params.position;
        // Only the report at the position is analysed for the answer; a position outside every
        // report (a blank line above the title) is answered with the first report, as without one.
        if let Some(at) = position {
            let answer = self
                .session
                .answer(&uri, Interest::At(at), move |s| {
                    Some(tables::tables(s, Some(at)))
                })
                .await;
            if answer.as_ref().is_none_or(|a| a.report.is_some()) {
                return Ok(answer);
            }
        }
        Ok(self
            .session
            .answer(&uri, Interest::Everything, |s| {
                Some(tables::tables(s, None))
            })
            .await)
    }
}

/// Applies the rule switches and the size limit in `value`; false when it holds neither.
fn apply_configuration(session: &Session, value: &Value) -> bool {
    let limit = config::max_document_bytes(value);
    if let Some(limit) = limit {
        session.lock().set_max_document_bytes(limit);
    }
    let Some((rules, problems)) = config::from_json(value) else {
        return limit.is_some();
    };
    for problem in problems {
        log!("configuration: {problem}");
    }
    session.lock().set_rules(rules);
    true
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        execute_command_provider: Some(ExecuteCommandOptions {
            commands: commands::all(),
            // The client then sends a token, and the workspace check reports progress under it.
            work_done_progress_options: WorkDoneProgressOptions {
                work_done_progress: Some(true),
            },
        }),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        position_encoding: Some(to_proto::position_encoding_kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions::default()),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::REFACTOR_REWRITE,
            ]),
            ..CodeActionOptions::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
        inlay_hint_provider: Some(OneOf::Left(true)),
        semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(
            SemanticTokensOptions {
                legend: to_proto::semantic_tokens_legend(),
                full: Some(SemanticTokensFullOptions::Bool(true)),
                range: Some(false),
                ..SemanticTokensOptions::default()
            },
        )),
        ..ServerCapabilities::default()
    }
}

/// Asks the client for the `ogi` settings section and applies it; spawned, never awaited by a handler.
fn pull_configuration(publisher: &Publisher) {
    let publisher = publisher.clone();
    let session = publisher.session.clone();
    tokio::spawn(async move {
        let item = ConfigurationItem {
            scope_uri: None,
            section: Some(config::SECTION.to_owned()),
        };
        match session.client.configuration(vec![item]).await {
            Ok(values) => {
                // The client answers with the section itself: `{"rules": {…}}`.
                let applied = values
                    .first()
                    .is_some_and(|v| apply_configuration(&session, v));
                if applied {
                    publisher.republish_all();
                }
            }
            Err(err) => log!("workspace/configuration failed: {err}"),
        }
    });
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = from_proto::encoding(&params.capabilities);
        {
            let mut state = self.session.lock();
            state.settings = Settings {
                encoding,
                locale: from_proto::locale(params.locale.as_deref()),
                rules: RuleConfig::default(),
                snippets: from_proto::snippet_support(&params.capabilities),
                pull_configuration: from_proto::configuration_support(&params.capabilities),
                progress: from_proto::progress_support(&params.capabilities),
                watch_files: from_proto::watched_files_registration(&params.capabilities),
                max_document_bytes: state.settings.max_document_bytes,
            };
            state.folders = workspace::folders(&params);
        }
        if let Some(options) = &params.initialization_options {
            apply_configuration(&self.session, options);
        }
        Ok(InitializeResult {
            capabilities: capabilities(encoding),
            server_info: Some(ServerInfo {
                name: env!("CARGO_PKG_NAME").to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let settings = self.session.lock().settings.clone();
        if settings.pull_configuration {
            pull_configuration(&self.publisher);
        }
        if settings.watch_files {
            workspace::watch_files(&self.publisher);
        }
        workspace::start_indexing(&self.publisher);
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let generation = self.session.lock().open(&doc.uri, &doc.text, doc.version);
        self.publisher.schedule(doc.uri, generation, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let changes: Vec<_> = params
            .content_changes
            .into_iter()
            .map(from_proto::text_change)
            .collect();
        let Some((generation, applied, before)) =
            self.session.lock().change(&uri, version, &changes)
        else {
            log!(
                "didChange for a document that is not open: {}",
                uri.as_str()
            );
            return;
        };
        if version <= before {
            log!(
                "didChange of {} goes from version {before} to {version}",
                uri.as_str()
            );
        }
        for edit in applied.iter().filter(|e| e.clamped) {
            log!(
                "clamped an edit of {} to bytes {:?}",
                uri.as_str(),
                edit.replaced
            );
        }
        self.publisher.schedule(uri, generation, DEBOUNCE);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let dependents = {
            let mut state = self.session.lock();
            self.publisher.closed(&mut state, uri)
        };
        self.publisher.republish(dependents);
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        workspace::files_changed(&self.publisher, params).await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut state = self.session.lock();
            let path = |f: &WorkspaceFolder| f.uri.to_file_path().map(|p| p.into_owned());
            let removed: Vec<_> = params.event.removed.iter().filter_map(path).collect();
            state.folders.retain(|f| !removed.contains(f));
            state
                .folders
                .extend(params.event.added.iter().filter_map(path));
        }
        workspace::start_indexing(&self.publisher);
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<Value>> {
        commands::execute(&self.publisher, params).await
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if apply_configuration(&self.session, &params.settings) {
            self.publisher.republish_all();
        } else if self.session.lock().settings.pull_configuration {
            pull_configuration(&self.publisher);
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let at = params.text_document_position_params;
        let interest = Interest::At(at.position);
        Ok(self
            .session
            .answer(&at.text_document.uri, interest, move |s| {
                hover::hover(s, at.position)
            })
            .await)
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let at = params.text_document_position;
        let interest = Interest::At(at.position);
        Ok(self
            .session
            .answer(&at.text_document.uri, interest, move |s| {
                completion::completion(s, at.position)
            })
            .await)
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let (uri, range, only) = (params.text_document.uri, params.range, params.context.only);
        let interest = Interest::Range(range);
        Ok(self
            .session
            .answer(&uri, interest, move |s| {
                code_action::code_actions(s, range, only.as_deref())
            })
            .await)
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        Ok(self
            .session
            .answer(
                &params.text_document.uri,
                Interest::Everything,
                symbols::document_symbols,
            )
            .await)
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        Ok(self
            .session
            .answer(
                &params.text_document.uri,
                Interest::Everything,
                symbols::folding_ranges,
            )
            .await)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        let interest = Interest::Range(range);
        Ok(self
            .session
            .answer(&params.text_document.uri, interest, move |s| {
                inlay::inlay_hints(s, range)
            })
            .await)
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        Ok(self
            .session
            .answer(
                &params.text_document.uri,
                Interest::Everything,
                semantic_tokens::full,
            )
            .await)
    }
}
