//! The server target's input: a client session as a list of steps — well-formed protocol messages
//! with fuzzed fields, framed bodies of arbitrary JSON (or not JSON at all), and raw bytes with no
//! framing — and the bytes a client would write for it.
//!
//! Format: steps until the input ends, each a tag byte (`% 13`, [`Step`] in order) and its fields.

use serde_json::{Value, json};

use crate::FRAGMENTS;
use crate::bytes::{Input, Output};

/// The documents a session talks about.
pub const DOCUMENTS: u8 = 4;

/// The requests on a document, by number.
pub const REQUESTS: [&str; 9] = [
    "textDocument/hover",
    "textDocument/completion",
    "textDocument/codeAction",
    "textDocument/documentSymbol",
    "textDocument/foldingRange",
    "textDocument/inlayHint",
    "textDocument/semanticTokens/full",
    "ogi/tables",
    "ogi/tables",
];

/// Rule codes a configuration step may switch off, one bit each.
const RULES: [&str; 7] = [
    "balance/row-total",
    "balance/result-total",
    "label/nonstandard",
    "structure/missing-row",
    "structure/cell-count",
    "value/missing",
    "statute/unknown-reference",
];

pub type Pos = (u16, u16);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Fixture(u8),
    Inline(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Written as they are, without framing.
    Bytes(Vec<u8>),
    /// Framed correctly, whatever they hold.
    Body(Vec<u8>),
    Initialize {
        flags: u8,
    },
    Initialized,
    Open {
        doc: u8,
        version: i8,
        text: Text,
    },
    Change {
        doc: u8,
        version: i8,
        changes: Vec<(Option<(Pos, Pos)>, String)>,
    },
    Close {
        doc: u8,
    },
    Request {
        kind: u8,
        doc: u8,
        start: Pos,
        end: Pos,
    },
    /// Cancels the request made `back` requests ago (0: the latest).
    Cancel {
        back: u8,
    },
    Shutdown,
    Exit,
    Configuration {
        rules_off: u8,
    },
    /// A reply to the request the server sent as number `id`.
    Reply {
        id: u8,
        rules_off: u8,
    },
}

/// A session as steps; decoding stops at the first step the input cannot complete.
pub fn decode(data: &[u8]) -> Vec<Step> {
    let mut input = Input::new(data);
    let mut steps = Vec::new();
    while let Some(step) = decode_step(&mut input) {
        steps.push(step);
    }
    steps
}

fn pos(input: &mut Input) -> Option<Pos> {
    Some((input.u16()?, input.u16()?))
}

fn text(input: &mut Input) -> Option<String> {
    let choice = input.u8()?;
    if choice < 0x80 {
        Some(FRAGMENTS[usize::from(choice) % FRAGMENTS.len()].to_owned())
    } else {
        input.short_text()
    }
}

fn decode_step(input: &mut Input) -> Option<Step> {
    Some(match input.u8()? % 13 {
        0 => Step::Bytes(input.long_bytes()?),
        1 => Step::Body(input.long_bytes()?),
        2 => Step::Initialize { flags: input.u8()? },
        3 => Step::Initialized,
        4 => {
            let doc = input.u8()? % DOCUMENTS;
            let version = input.u8()? as i8;
            let choice = input.u8()?;
            let text = if choice < 0x80 {
                Text::Fixture(choice % 7)
            } else {
                Text::Inline(String::from_utf8_lossy(&input.long_bytes()?).into_owned())
            };
            Step::Open { doc, version, text }
        }
        5 => {
            let doc = input.u8()? % DOCUMENTS;
            let version = input.u8()? as i8;
            let count = input.u8()? % 4 + 1;
            let mut changes = Vec::new();
            for _ in 0..count {
                let range = match input.u8()? % 8 {
                    0 => None,
                    _ => Some((pos(input)?, pos(input)?)),
                };
                changes.push((range, text(input)?));
            }
            Step::Change {
                doc,
                version,
                changes,
            }
        }
        6 => Step::Close {
            doc: input.u8()? % DOCUMENTS,
        },
        7 => Step::Request {
            kind: input.u8()? % REQUESTS.len() as u8,
            doc: input.u8()? % DOCUMENTS,
            start: pos(input)?,
            end: pos(input)?,
        },
        8 => Step::Cancel { back: input.u8()? },
        9 => Step::Shutdown,
        10 => Step::Exit,
        11 => Step::Configuration {
            rules_off: input.u8()?,
        },
        _ => Step::Reply {
            id: input.u8()?,
            rules_off: input.u8()?,
        },
    })
}

/// The bytes that decode to `steps`.
pub fn encode(steps: &[Step]) -> Vec<u8> {
    let mut out = Output::default();
    for step in steps {
        match step {
            Step::Bytes(bytes) => {
                out.u8(0).long_bytes(bytes);
            }
            Step::Body(bytes) => {
                out.u8(1).long_bytes(bytes);
            }
            Step::Initialize { flags } => {
                out.u8(2).u8(*flags);
            }
            Step::Initialized => {
                out.u8(3);
            }
            Step::Open { doc, version, text } => {
                out.u8(4).u8(*doc).u8(*version as u8);
                match text {
                    Text::Fixture(n) => out.u8(*n),
                    Text::Inline(text) => out.u8(0x80).long_bytes(text.as_bytes()),
                };
            }
            Step::Change {
                doc,
                version,
                changes,
            } => {
                out.u8(5).u8(*doc).u8(*version as u8);
                out.u8((changes.len().clamp(1, 4) - 1) as u8);
                for (range, text) in changes.iter().take(4) {
                    match range {
                        None => out.u8(0),
                        Some((a, b)) => out.u8(1).u16(a.0).u16(a.1).u16(b.0).u16(b.1),
                    };
                    match FRAGMENTS.iter().position(|f| f == text) {
                        Some(i) => out.u8(i as u8),
                        None => out.u8(0x80).short_text(text),
                    };
                }
            }
            Step::Close { doc } => {
                out.u8(6).u8(*doc);
            }
            Step::Request {
                kind,
                doc,
                start,
                end,
            } => {
                out.u8(7).u8(*kind).u8(*doc);
                out.u16(start.0).u16(start.1).u16(end.0).u16(end.1);
            }
            Step::Cancel { back } => {
                out.u8(8).u8(*back);
            }
            Step::Shutdown => {
                out.u8(9);
            }
            Step::Exit => {
                out.u8(10);
            }
            Step::Configuration { rules_off } => {
                out.u8(11).u8(*rules_off);
            }
            Step::Reply { id, rules_off } => {
                out.u8(12).u8(*id).u8(*rules_off);
            }
        }
    }
    out.data
}

pub fn uri(doc: u8) -> String {
    format!("file:///fuzz/doc{doc}.txt")
}

fn position(p: Pos) -> Value {
    json!({"line": p.0, "character": p.1})
}

/// `{"rules": {…}}` switching off the rules of the bits set; bit 7 sends a value that is no setting.
pub fn settings(rules_off: u8) -> Value {
    if rules_off & 0x80 != 0 {
        return json!({"rules": {"label/nonstandard": 5, "no/such-rule": "off"}});
    }
    let rules: serde_json::Map<String, Value> = RULES
        .iter()
        .enumerate()
        .filter(|(i, _)| rules_off & (1 << i) != 0)
        .map(|(_, code)| ((*code).to_owned(), json!("off")))
        .collect();
    json!({ "rules": rules })
}

/// The message of a protocol step (not [`Step::Bytes`], [`Step::Body`] or [`Step::Cancel`]) with `id`
/// for a request.
pub fn message(step: &Step, id: &Value) -> Option<Value> {
    let notify = |method: &str, params: Value| {
        Some(json!({"jsonrpc": "2.0", "method": method, "params": params}))
    };
    let request = |method: &str, params: Value| {
        Some(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
    };
    match step {
        Step::Bytes(_) | Step::Body(_) | Step::Cancel { .. } => None,
        Step::Initialize { flags } => {
            let encodings = if flags & 1 != 0 {
                json!(["utf-8", "utf-16"])
            } else {
                json!(["utf-16"])
            };
            request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": null,
                    "locale": if flags & 2 != 0 { "en" } else { "zh-cn" },
                    "capabilities": {
                        "general": {"positionEncodings": encodings},
                        "workspace": {"configuration": flags & 4 != 0},
                        "textDocument": {"completion": {"completionItem": {"snippetSupport": flags & 8 != 0}}}
                    },
                    "initializationOptions": settings(flags >> 4),
                }),
            )
        }
        Step::Initialized => notify("initialized", json!({})),
        Step::Open { doc, version, text } => {
            let text = match text {
                Text::Fixture(n) => crate::base_text(n + 1, *n),
                Text::Inline(text) => text.clone(),
            };
            notify(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": uri(*doc), "languageId": "ogi-report", "version": version, "text": text}}),
            )
        }
        Step::Change {
            doc,
            version,
            changes,
        } => {
            let changes: Vec<Value> = changes
                .iter()
                .map(|(range, text)| match range {
                    None => json!({"text": text}),
                    Some((a, b)) => {
                        json!({"range": {"start": position(*a), "end": position(*b)}, "text": text})
                    }
                })
                .collect();
            notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri(*doc), "version": version}, "contentChanges": changes}),
            )
        }
        Step::Close { doc } => notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri(*doc)}}),
        ),
        Step::Request {
            kind,
            doc,
            start,
            end,
        } => {
            let document = json!({"uri": uri(*doc)});
            let range = json!({"start": position(*start), "end": position(*end)});
            let params = match REQUESTS[usize::from(*kind)] {
                "textDocument/hover" | "textDocument/completion" => {
                    json!({"textDocument": document, "position": position(*start)})
                }
                "textDocument/codeAction" => {
                    let only = match end.0 % 3 {
                        0 => json!(null),
                        1 => json!(["quickfix"]),
                        _ => json!(["refactor"]),
                    };
                    json!({"textDocument": document, "range": range, "context": {"diagnostics": [], "only": only}})
                }
                "textDocument/inlayHint" => json!({"textDocument": document, "range": range}),
                "ogi/tables" if *kind == 7 => {
                    json!({"textDocument": document, "position": position(*start)})
                }
                _ => json!({"textDocument": document}),
            };
            request(REQUESTS[usize::from(*kind)], params)
        }
        Step::Shutdown => request("shutdown", Value::Null),
        Step::Exit => notify("exit", Value::Null),
        Step::Configuration { rules_off } => notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"ogi": settings(*rules_off)}}),
        ),
        Step::Reply { id, rules_off } => {
            Some(json!({"jsonrpc": "2.0", "id": id, "result": [settings(*rules_off)]}))
        }
    }
}

/// `Content-Length` framing.
pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}
