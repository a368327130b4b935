//! Writes the seed corpora and dictionaries of the fuzz targets from the fixtures, the benchmark
//! corpus generator and the template: `cargo run --manifest-path fuzz/Cargo.toml --example seeds`
//! (into fuzz/corpus/TARGET and fuzz/dicts/TARGET.dict; another directory as the first argument).
//! The same inputs always give the same files, so nothing of it is committed.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use ogi_lsp::template::{APPEALS_COLUMNS, GROUPS, REQUEST_COLUMNS, ROWS, SECTIONS};
use ogi_lsp_fuzz::corpus::{Kind, Layout, Template};
use ogi_lsp_fuzz::edits::{Place, Script, Step as Edit};
use ogi_lsp_fuzz::session::{self, Step, Text};
use ogi_lsp_fuzz::{FIXTURES, FRAGMENTS};
use serde_json::json;

/// A small deterministic generator: the seeds are the same on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

struct Writer {
    dir: PathBuf,
    written: usize,
}

impl Writer {
    fn seed(&mut self, target: &str, name: &str, bytes: &[u8]) {
        let dir = self.dir.join("corpus").join(target);
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        let path = dir.join(format!("seed-{name}"));
        fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        self.written += 1;
    }

    fn dictionary(&mut self, target: &str, words: &[String]) {
        let dir = self.dir.join("dicts");
        fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        let mut out = String::new();
        for word in words.iter().filter(|w| !w.is_empty()) {
            out.push('"');
            for b in word.bytes() {
                match b {
                    b'"' | b'\\' => write!(out, "\\{}", b as char),
                    0x20..=0x7e => write!(out, "{}", b as char),
                    _ => write!(out, "\\x{b:02X}"),
                }
                .expect("writing to a String");
            }
            out.push_str("\"\n");
        }
        let path = dir.join(format!("{target}.dict"));
        fs::write(&path, out).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

fn reader(w: &mut Writer) {
    for (i, text) in FIXTURES.iter().enumerate() {
        w.seed("reader", &format!("fixture-{i}"), text.as_bytes());
        // Each half alone: a report without its tables, tables without their report.
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half += 1;
        }
        w.seed(
            "reader",
            &format!("fixture-{i}-head"),
            &text.as_bytes()[..half],
        );
        w.seed(
            "reader",
            &format!("fixture-{i}-tail"),
            &text.as_bytes()[half..],
        );
    }
    for layout in Layout::ALL {
        let template = Template::new(layout);
        for kind in Kind::ALL {
            let copy = template.copy(7, kind);
            w.seed(
                "reader",
                &format!("copy-{}-{}", layout.name(), kind.name()),
                copy.text.as_bytes(),
            );
        }
    }
    let (two, _) = Template::new(Layout::L1).compilation(8_000, Kind::Errors);
    w.seed("reader", "compilation-l1", two.as_bytes());
    let mut words: Vec<String> = ROWS.iter().map(|r| r.label.to_owned()).collect();
    words.extend(SECTIONS.iter().map(|s| s.heading()));
    words.extend(
        SECTIONS
            .iter()
            .flat_map(|s| s.aliases.iter().map(|a| (*a).to_owned())),
    );
    words.extend(GROUPS.iter().map(|g| g.label.to_owned()));
    words.extend(REQUEST_COLUMNS.iter().map(|c| c.label.to_owned()));
    words.extend(APPEALS_COLUMNS.iter().map(|c| c.label.to_owned()));
    words.extend(FRAGMENTS.iter().map(|f| (*f).to_owned()));
    for token in [
        " |",
        "| ",
        "\t",
        "<td>",
        "</td>",
        "<tr>",
        "</tr>",
        "<table>",
        "</table>",
        "rowspan=\"2\"",
        "colspan=\"3\"",
        "表二",
        "表三",
        "表四",
        "政府信息公开工作年度报告",
        "2024年",
        "2019年",
        "第二十条",
        "第（五）项",
        "《条例》",
        "本条例",
        "—",
        "无",
        "/",
        "件",
        "万元",
        "0.5",
        "<!-- ogi-disable balance/row-total -->",
        "# ogi-disable label/nonstandard",
    ] {
        words.push(token.to_owned());
    }
    words.sort();
    words.dedup();
    w.dictionary("reader", &words);
}

fn statute(w: &mut Writer) {
    let mut n = 0;
    for text in FIXTURES {
        for line in text.lines().filter(|l| l.contains('第')) {
            w.seed("statute", &format!("line-{n}"), line.as_bytes());
            n += 1;
        }
    }
    let written = [
        "依据《中华人民共和国政府信息公开条例》第二十条第（五）项的规定",
        "《条例》第14条、第15条、第16条",
        "本条例第十九条第二款",
        "根据《条例》第三十六条第(三)项和第（四）项",
        "《保密法》第九条、第十条，《条例》第十四条",
        "第六十条",
        "第二十条第（十六）项",
        "《政府信息公开条例》（以下简称《公开条例》）第三十三条第二款",
        "第 二十 条 第 （ 五 ） 项",
        "第３６条第１款",
        "第一百零五条",
        "第十四条以及第十五条或者第十六条",
    ];
    for (i, text) in written.iter().enumerate() {
        w.seed("statute", &format!("written-{i}"), text.as_bytes());
    }
    w.dictionary(
        "statute",
        &[
            "第",
            "条",
            "款",
            "项",
            "（",
            "）",
            "(",
            ")",
            "、",
            "和",
            "及",
            "以及",
            "或者",
            "《条例》",
            "本条例",
            "《保密法》",
            "以下简称",
            "二十",
            "十",
            "百",
            "零",
            "一",
            "３",
        ]
        .map(str::to_owned),
    );
}

/// A random place: the character boundary at a fraction of the text, usually exact, sometimes moved
/// into a character or past its line, or a raw position far away.
fn place(rng: &mut Lcg) -> Place {
    match rng.below(10) {
        0 => Place::Raw {
            line: rng.below(400) as u16,
            character: rng.below(80) as u16,
        },
        1 => Place::Near {
            fraction: rng.next() as u16,
            nudge: rng.below(8) as i8 - 2,
        },
        _ => Place::Near {
            fraction: rng.next() as u16,
            nudge: 0,
        },
    }
}

fn document(w: &mut Writer) {
    let mut rng = Lcg(2024);
    for base in 1..=7u8 {
        for (layout, utf8) in [(0, false), (3, true), (4, false)] {
            let mut steps = Vec::new();
            for i in 0..12 {
                let start = place(&mut rng);
                // Mostly an insertion or a short deletion around the start.
                let end = match (rng.below(3), start) {
                    (0, Place::Near { fraction, nudge }) => Place::Near {
                        fraction: fraction.saturating_add(rng.below(40) as u16),
                        nudge,
                    },
                    _ => start,
                };
                let text = FRAGMENTS[rng.below(FRAGMENTS.len())].to_owned();
                steps.push(Edit::Replace { start, end, text });
                if i % 4 == 3 {
                    steps.push(Edit::Analyse);
                }
            }
            let name = format!(
                "base{base}-layout{layout}-{}",
                if utf8 { "utf8" } else { "utf16" }
            );
            w.seed(
                "document",
                &name,
                &Script::encode(utf8, base, layout, &steps),
            );
        }
    }
    // The example's typo fixed, then its title line broken and mended.
    let typo = FIXTURES[0].find("预期").unwrap_or(0);
    let fraction = (typo * 65536 / FIXTURES[0].len()) as u16;
    let steps = [
        Edit::Analyse,
        Edit::Replace {
            start: Place::Near { fraction, nudge: 0 },
            end: Place::Near { fraction, nudge: 2 },
            text: "逾期".to_owned(),
        },
        Edit::Replace {
            start: Place::Raw {
                line: 0,
                character: 0,
            },
            end: Place::Raw {
                line: 0,
                character: 0,
            },
            text: "某局2024年政府信息公开工作年度报告\n".to_owned(),
        },
        Edit::Analyse,
        Edit::Whole("一、总体情况\n".to_owned()),
    ];
    w.seed("document", "typo", &Script::encode(false, 1, 0, &steps));
}

fn frames(w: &mut Writer) {
    let hover = br#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.txt"},"position":{"line":0,"character":0}}}"#;
    let streams: [(&str, Vec<u8>); 8] = [
        ("one", session::frame(hover)),
        ("two", [session::frame(b"{}"), session::frame(hover)].concat()),
        (
            "headers",
            b"content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".to_vec(),
        ),
        (
            "broken",
            b"Content-Lenght: 9\r\n\r\n{garbage}Content-Length: 4\r\n\r\nnull".to_vec(),
        ),
        (
            "huge",
            b"Content-Length: 1099511627776\r\n\r\n{}Content-Length: 2\r\n\r\n[]".to_vec(),
        ),
        ("overflow", b"Content-Length: 18446744073709551615\r\n\r\nx".to_vec()),
        ("short", b"Content-Length: 10\r\n\r\n{}".to_vec()),
        (
            "surrogate",
            session::frame(br#"{"jsonrpc":"2.0","method":"m","params":{"t":"\ud83d\ude00"}}"#),
        ),
    ];
    for (name, bytes) in streams {
        // The first byte chooses how the reads split.
        w.seed("frames", name, &[&[3u8][..], &bytes].concat());
    }
    w.dictionary(
        "frames",
        &[
            "Content-Length: ",
            "content-length:",
            "\r\n\r\n",
            "\r\n",
            "Content-Type: ",
            "\"jsonrpc\"",
            "\"2.0\"",
            "\"id\"",
            "\"method\"",
            "\"params\"",
            "\\ud800",
            "\\udc00",
            "\\u00e9",
            "1e400",
        ]
        .map(str::to_owned),
    );
}

fn server(w: &mut Writer) {
    let request = |kind: u8, doc: u8, start: (u16, u16), end: (u16, u16)| Step::Request {
        kind,
        doc,
        start,
        end,
    };
    let every_request = |doc: u8, at: (u16, u16)| -> Vec<Step> {
        (0..session::REQUESTS.len() as u8)
            .map(|kind| request(kind, doc, at, (at.0 + 2, 0)))
            .collect()
    };
    let mut sessions: Vec<(&str, Vec<Step>)> = Vec::new();
    // The example: every request at its typo, an edit, again, a clean shutdown.
    let mut example = vec![
        Step::Initialize { flags: 0 },
        Step::Initialized,
        Step::Open {
            doc: 0,
            version: 1,
            text: Text::Fixture(0),
        },
    ];
    example.extend(every_request(0, (248, 30)));
    example.push(Step::Change {
        doc: 0,
        version: 2,
        changes: vec![(Some(((64, 0), (64, 1))), "9".to_owned())],
    });
    example.extend(every_request(0, (64, 0)));
    example.extend([Step::Shutdown, Step::Exit]);
    sessions.push(("example", example));
    // UTF-8, English, snippets, configuration pulled and answered; every layout; closing.
    let mut layouts = vec![
        Step::Initialize {
            flags: 0b1111 | 0x30,
        },
        Step::Initialized,
        Step::Reply {
            id: 0,
            rules_off: 4,
        },
    ];
    for doc in 0..4u8 {
        layouts.push(Step::Open {
            doc,
            version: 1,
            text: Text::Fixture(doc + 1),
        });
        layouts.extend(every_request(doc, (40, 2)));
    }
    layouts.extend([
        Step::Configuration { rules_off: 0x7f },
        Step::Close { doc: 1 },
        request(0, 1, (3, 3), (3, 3)),
        Step::Shutdown,
        request(0, 0, (3, 3), (3, 3)),
        Step::Exit,
    ]);
    sessions.push(("layouts", layouts));
    // Out of order: requests before initialize, a change before the open, versions going back,
    // positions out of range, cancellations.
    sessions.push((
        "hostile",
        vec![
            request(0, 0, (0, 0), (0, 0)),
            Step::Open {
                doc: 2,
                version: 1,
                text: Text::Fixture(6),
            },
            Step::Initialize { flags: 1 },
            Step::Initialize { flags: 0 },
            Step::Initialized,
            Step::Change {
                doc: 0,
                version: 3,
                changes: vec![(None, "x".to_owned())],
            },
            Step::Open {
                doc: 0,
                version: 5,
                text: Text::Inline(FIXTURES[0].chars().take(700).collect()),
            },
            Step::Change {
                doc: 0,
                version: 2,
                changes: vec![
                    (Some(((9999, 9), (0, 1))), "𠀀".to_owned()),
                    (Some(((0, 1), (0, 1))), "\r\n".to_owned()),
                ],
            },
            request(1, 0, (u16::MAX, u16::MAX), (0, 0)),
            Step::Cancel { back: 0 },
            request(6, 0, (0, 0), (0, 0)),
            request(7, 0, (0, 0), (0, 0)),
            Step::Cancel { back: 1 },
            Step::Cancel { back: 200 },
            request(2, 3, (1, 1), (1, 1)),
        ],
    ));
    // Framed bodies that are not what the framework takes, then unframed garbage, then a request.
    let bodies = [
        &b"{\"jsonrpc\": \"2.0\", \"id\": 77, \"method\": "[..],
        br#"{"jsonrpc": "1.0", "id": 78, "method": "textDocument/hover"}"#,
        br#"[{"jsonrpc": "2.0", "id": 79, "method": "shutdown"}]"#,
        br#"{"jsonrpc": "2.0", "id": 80, "method": "textDocument/hover", "params": {"textDocument": 5}}"#,
        br#"{"jsonrpc": "2.0", "id": 81, "method": "ogi/noSuchMethod"}"#,
        br#"{"jsonrpc": "2.0", "id": {"nested": 1}, "method": "initialize", "params": {}}"#,
        br#"{"jsonrpc": "2.0", "id": 82, "result": null}"#,
        b"\xff\xfe",
    ];
    let mut malformed = vec![Step::Initialize { flags: 0 }, Step::Initialized];
    malformed.extend(bodies.iter().map(|b| Step::Body(b.to_vec())));
    malformed.push(Step::Open {
        doc: 1,
        version: 1,
        text: Text::Fixture(1),
    });
    malformed.push(request(3, 1, (0, 0), (0, 0)));
    malformed.push(Step::Bytes(
        b"Content-Length: 1099511627776\r\n\r\nContent-Lenght: 5\r\n\r\n{}{}}".to_vec(),
    ));
    malformed.push(request(0, 1, (5, 5), (5, 5)));
    sessions.push(("malformed", malformed));
    for (name, steps) in &sessions {
        w.seed("server", name, &session::encode(steps));
    }
    let mut words: Vec<String> = session::REQUESTS
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect();
    words.extend(
        [
            "initialize",
            "initialized",
            "shutdown",
            "exit",
            "$/cancelRequest",
            "textDocument/didOpen",
            "textDocument/didChange",
            "textDocument/didClose",
            "workspace/didChangeConfiguration",
            "jsonrpc",
            "2.0",
            "id",
            "method",
            "params",
            "result",
            "error",
            "textDocument",
            "uri",
            "file:///fuzz/doc0.txt",
            "position",
            "range",
            "line",
            "character",
            "contentChanges",
            "text",
            "version",
            "null",
            "true",
            "[]",
            "{}",
        ]
        .map(|s| json!(s).to_string()),
    );
    w.dictionary("server", &words);
}

fn main() {
    let dir = std::env::args().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf(),
        PathBuf::from,
    );
    let mut w = Writer { dir, written: 0 };
    reader(&mut w);
    statute(&mut w);
    document(&mut w);
    frames(&mut w);
    server(&mut w);
    eprintln!(
        "seeds: {} files under {}",
        w.written,
        w.dir.join("corpus").display()
    );
}
