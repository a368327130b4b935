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
use super::diagnostics::{self, DEBOUNCE};
use super::session::{Interest, Publish, Session, Settings};
use super::{
    code_action, completion, from_proto, hover, inlay, semantic_tokens, symbols, tables, to_proto,
};
use crate::document::Encoding;

pub struct Backend {
    session: Session,
    shut_down: Arc<AtomicBool>,
}

impl Backend {
    pub fn new(client: Client, shut_down: Arc<AtomicBool>) -> Backend {
        Backend {
            session: Session::new(client),
            shut_down,
        }
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

/// Applies the rule switches in `value`; false when it holds none.
fn apply_configuration(session: &Session, value: &Value) -> bool {
    let Some((rules, problems)) = config::from_json(value) else {
        return false;
    };
    for problem in problems {
        log!("configuration: {problem}");
    }
    session.lock().set_rules(rules);
    true
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
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
fn pull_configuration(backend_session: &Session) {
    let session = backend_session.clone();
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
                    diagnostics::republish_all(&session);
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
            };
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
        if self.session.lock().settings.pull_configuration {
            pull_configuration(&self.session);
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let generation = {
            let mut state = self.session.lock();
            state
                .documents
                .open(doc.uri.as_str(), &doc.text, doc.version);
            state.bump(&doc.uri)
        };
        diagnostics::schedule(&self.session, doc.uri, generation, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let generation = {
            let mut state = self.session.lock();
            let encoding = state.settings.encoding;
            let Some(document) = state.documents.get_mut(uri.as_str()) else {
                log!(
                    "didChange for a document that is not open: {}",
                    uri.as_str()
                );
                return;
            };
            if version <= document.version() {
                log!(
                    "didChange of {} goes from version {} to {version}",
                    uri.as_str(),
                    document.version()
                );
            }
            for change in params.content_changes {
                let edit = document.apply(&from_proto::text_change(change), encoding);
                if edit.clamped {
                    log!(
                        "clamped an edit of {} to bytes {:?}",
                        uri.as_str(),
                        edit.replaced
                    );
                }
            }
            document.set_version(version);
            state.bump(&uri)
        };
        diagnostics::schedule(&self.session, uri, generation, DEBOUNCE);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let state = &mut *self.session.lock();
        state.forget(&uri);
        // Queued under the lock: a publication decided before the close cannot arrive after the clearing.
        self.session.publish(Publish {
            uri,
            diagnostics: Vec::new(),
            version: None,
        });
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if apply_configuration(&self.session, &params.settings) {
            diagnostics::republish_all(&self.session);
        } else if self.session.lock().settings.pull_configuration {
            pull_configuration(&self.session);
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
