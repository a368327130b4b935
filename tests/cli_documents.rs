//! `ogi-lsp check` and `ogi-lsp extract` on the files agencies exchange: a `.docx` drafted on the
//! template and a published `.pdf` of the example report give the example's findings, placed at the
//! table row or page that holds them; a locked, scanned or damaged PDF fails alone with its cause.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

mod cli_common;
mod documents;

use std::path::Path;

use cli_common::*;
use documents::pdf::{self, Cipher, Layout};
use documents::{Example, docx, raise, raise_l1, raise_l5, title};
use pdf_extract::LoadOptions;
use serde_json::Value;

/// `check --format json` on `files` in `dir`: the exit code wanted, each file checked in order.
fn check_json(dir: &Path, files: &[&str], code: i32) -> Value {
    let run = ogi_in(dir, &[&["check", "--format", "json"], files].concat());
    assert_eq!((run.code, run.stderr.as_str()), (code, ""));
    let v = run.json();
    assert_eq!(json_paths(&v), files);
    v
}

/// `(code, message)` of each diagnostic of file `i` of a JSON output.
fn findings(v: &Value, i: usize) -> Vec<(String, String)> {
    diagnostics(v, i)
        .iter()
        .map(|d| (d["code"].to_string(), d["message"].to_string()))
        .collect()
}

fn diagnostics(v: &Value, i: usize) -> &Vec<Value> {
    v["files"][i]["diagnostics"]
        .as_array()
        .expect("diagnostics")
}

fn codes(v: &Value, i: usize) -> Vec<&str> {
    diagnostics(v, i)
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect()
}

/// The `-->` line under the header of the first diagnostic with `code` in a text output.
fn origin_line<'a>(text: &'a str, code: &str) -> &'a str {
    let mut lines = text.lines();
    lines
        .find(|l| l.contains(&format!("[{code}]")))
        .unwrap_or_else(|| panic!("no {code} in:\n{text}"));
    lines.next().expect("a line under the header").trim()
}

const NONSTANDARD: &str = "label/nonstandard";
const ROW_TOTAL: &str = "balance/row-total";
const INTAKE_OUTCOME: &str = "balance/intake-outcome";
/// The first rows of （六）其他处理, whose labels write 预期 for 逾期.
const TYPO_ROWS: [usize; 2] = [26, 27];
/// The row holding 本年新收's 总计, and the one whose 自然人 the carried-forward equation points at.
const NEW_ROW: usize = 6;
const CARRIED_OUT_ROW: usize = 30;

/// The example and its 8→9 copy as `.docx` files, and the example's text with the same change.
fn docx_files(dir: &Path) {
    let mut ex = Example::load();
    write(dir, "example.docx", &docx::render(&ex, title()));
    raise(&mut ex);
    write(dir, "raised.docx", &docx::render(&ex, title()));
    write(dir, "example.txt", example_text().as_bytes());
    write(dir, "raised.txt", raise_l1(&example_text()).as_bytes());
}

#[test]
fn a_docx_drafted_on_the_template_gives_the_findings_of_its_text_at_their_table_rows() {
    let dir = tempfile::tempdir().unwrap();
    docx_files(dir.path());
    let files = ["example.docx", "example.txt", "raised.docx", "raised.txt"];
    let v = check_json(dir.path(), &files, 1);

    assert_eq!(codes(&v, 0), [NONSTANDARD, NONSTANDARD]);
    assert_eq!(findings(&v, 0), findings(&v, 1));
    // 表三 is the document's second table; its rows count from the first of its 3 header rows.
    for (d, id) in diagnostics(&v, 0).iter().zip(TYPO_ROWS) {
        assert_eq!(
            (&d["table"], &d["row"]),
            (&2.into(), &docx::requests_row(id).into())
        );
        assert_eq!(d.get("page"), None);
    }
    assert_eq!(
        TYPO_ROWS.map(docx::requests_row),
        [24, 25],
        "3 header rows, then 表三's rows from 一、本年新收 on"
    );

    let mut raised = codes(&v, 2);
    raised.sort_unstable();
    assert_eq!(
        raised,
        [INTAKE_OUTCOME, ROW_TOTAL, NONSTANDARD, NONSTANDARD]
    );
    assert_eq!(findings(&v, 2), findings(&v, 3));
    let at = |code: &str| {
        let d = diagnostics(&v, 2)
            .iter()
            .find(|d| d["code"] == code)
            .unwrap();
        (d["table"].as_u64().unwrap(), d["row"].as_u64().unwrap())
    };
    assert_eq!(at(ROW_TOTAL), (2, 4));
    assert_eq!(at(ROW_TOTAL).1, u64::from(docx::requests_row(NEW_ROW)));
    assert_eq!(at(INTAKE_OUTCOME), (2, 28));
    assert_eq!(
        at(INTAKE_OUTCOME).1,
        u64::from(docx::requests_row(CARRIED_OUT_ROW))
    );
    assert_eq!(v["summary"]["errors"], 4);

    let zh = ogi_in(dir.path(), &["check", "raised.docx"]);
    assert_eq!(origin_line(&zh.stdout, ROW_TOTAL), "--> 表格 2 第 4 行");
    assert_eq!(
        origin_line(&zh.stdout, INTAKE_OUTCOME),
        "--> 表格 2 第 28 行"
    );
    assert_eq!(origin_line(&zh.stdout, NONSTANDARD), "--> 表格 2 第 24 行");
    let en = ogi_in(dir.path(), &["check", "--locale", "en", "raised.docx"]);
    assert_eq!(origin_line(&en.stdout, ROW_TOTAL), "--> table 2, row 4");
    // The text file has no table rows to name.
    let text = ogi_in(dir.path(), &["check", "raised.txt"]);
    assert!(!text.stdout.contains("-->"), "{}", text.stdout);
}

#[test]
fn a_docx_reads_as_pipe_tables_on_the_document_grid() {
    let dir = tempfile::tempdir().unwrap();
    docx_files(dir.path());
    let run = ogi_in(dir.path(), &["extract", "example.docx"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let lines: Vec<&str> = run.stdout.lines().collect();
    let table = |first: &str, len: usize| -> Vec<&str> {
        let at = lines.iter().position(|l| l.starts_with(first));
        let at = at.unwrap_or_else(|| panic!("no {first:?} in:\n{}", run.stdout));
        lines[at..at + len].to_vec()
    };
    assert_eq!(lines[0], title());
    assert_eq!(
        table("| 第二十条第(五)项", 3),
        [
            "| 第二十条第(五)项 |  |  |  |",
            "| 信息内容 | 本年处理决定数量 |  |  |",
            "| 行政许可 | 52425 |  |  |",
        ]
    );
    assert_eq!(
        table("| (本列数据", 6)[1..],
        [
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            "|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  | 总计 |",
            "|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |",
            "| 一、本年新收政府信息公开申请数量 |  |  | 8 | 0 | 0 | 0 | 0 | 0 | 8 |",
            "| 二、上年结转政府信息公开申请数量 |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        ]
    );
    assert_eq!(
        table("| 三、本年度办理结果", 4),
        [
            "| 三、本年度办理结果 | (一)予以公开 |  | 7 | 0 | 0 | 0 | 0 | 0 | 7 |",
            "|  | (二)部分公开(区分处理的,只计这一情形,不计其他情形) |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "|  | (三)不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
            "|  |  | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        ]
    );
    assert_eq!(
        table("|  | (七)总计", 2),
        [
            "|  | (七)总计 |  | 7 | 0 | 0 | 0 | 0 | 0 | 7 |",
            "| 四、结转下年度继续办理 |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        ]
    );
    assert_eq!(
        table("| 行政复议", 3)[2],
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |"
    );

    let raised = ogi_in(dir.path(), &["extract", "raised.docx", "-o", "raised.md"]);
    assert_eq!((raised.code, raised.stdout.as_str()), (0, ""));
    let written = std::fs::read_to_string(dir.path().join("raised.md")).unwrap();
    assert!(
        written.contains("| 一、本年新收政府信息公开申请数量 |  |  | 9 | 0 | 0 | 0 | 0 | 0 | 8 |"),
        "{written}"
    );
}

/// The example as a PDF, its 8→9 copy, and the texts they were drawn from.
struct PdfFiles {
    example: Layout,
    raised: Layout,
}

fn pdf_files(dir: &Path) -> PdfFiles {
    let (example, bytes) = pdf::of_text(pdf::L5);
    write(dir, "example.pdf", &bytes);
    let (raised, bytes) = pdf::of_text(&raise_l5(pdf::L5));
    write(dir, "raised.pdf", &bytes);
    write(dir, "example-l5.txt", pdf::L5.as_bytes());
    write(dir, "example.txt", example_text().as_bytes());
    write(dir, "raised.txt", raise_l1(&example_text()).as_bytes());
    PdfFiles { example, raised }
}

/// Text on the line of each typo's label, and on the lines of the two broken equations' cells.
const TYPO_LINES: [&str; 2] = ["1.申请人无正当理由预期不补正", "2.申请人预期未按收费通知"];
const NEW_LINE: &str = "一、本年新收政府信息公开申请数量";
const CARRIED_OUT_LINE: &str = "四、结转下年度继续办理";

fn pages(v: &Value, i: usize) -> Vec<(&str, u64)> {
    diagnostics(v, i)
        .iter()
        .map(|d| {
            let page = d["page"].as_u64();
            let page = page.unwrap_or_else(|| panic!("no page in {d}"));
            (d["code"].as_str().unwrap(), page)
        })
        .collect()
}

#[test]
fn a_pdf_of_the_example_gives_the_findings_of_its_text_on_their_pages() {
    let dir = tempfile::tempdir().unwrap();
    let layouts = pdf_files(dir.path());
    // 表三 runs over the page break: 一、本年新收 ends the first page.
    assert_eq!(layouts.example.pages.len(), 2);
    assert_eq!(layouts.example.page_of(NEW_LINE), 1);
    assert_eq!(layouts.example.page_of(CARRIED_OUT_LINE), 2);

    let files = [
        "example-l5.txt",
        "example.pdf",
        "example.txt",
        "raised.pdf",
        "raised.txt",
    ];
    let v = check_json(dir.path(), &files, 1);

    assert_eq!(codes(&v, 1), [NONSTANDARD, NONSTANDARD]);
    assert_eq!(findings(&v, 1), findings(&v, 0));
    assert_eq!(findings(&v, 1), findings(&v, 2));
    let typo_pages = TYPO_LINES.map(|l| layouts.example.page_of(l));
    assert_eq!(typo_pages, [2, 2]);
    assert_eq!(
        pages(&v, 1),
        typo_pages.map(|p| (NONSTANDARD, u64::from(p)))
    );
    // Text files name no page.
    assert!(diagnostics(&v, 0).iter().all(|d| d.get("page").is_none()));

    assert_eq!(findings(&v, 3), findings(&v, 4));
    let mut raised = pages(&v, 3);
    raised.sort_unstable();
    let page = |line| u64::from(layouts.raised.page_of(line));
    assert_eq!(
        raised,
        [
            (INTAKE_OUTCOME, page(CARRIED_OUT_LINE)),
            (ROW_TOTAL, page(NEW_LINE)),
            (NONSTANDARD, 2),
            (NONSTANDARD, 2),
        ]
    );
    assert_eq!((page(NEW_LINE), page(CARRIED_OUT_LINE)), (1, 2));

    let zh = ogi_in(dir.path(), &["check", "raised.pdf"]);
    assert_eq!(origin_line(&zh.stdout, ROW_TOTAL), "--> 第 1 页");
    assert_eq!(origin_line(&zh.stdout, INTAKE_OUTCOME), "--> 第 2 页");
    let en = ogi_in(dir.path(), &["check", "--locale", "en", "raised.pdf"]);
    assert_eq!(origin_line(&en.stdout, NONSTANDARD), "--> page 2");
}

/// The example PDF locked with a user password (RC4, and AES-256 as current writers encrypt),
/// scanned without OCR, and cut in half.
fn unreadable_files(dir: &Path) -> Vec<u8> {
    let font = pdf::font();
    let layout = Layout::new(pdf::L5, &font);
    let good = pdf::bytes(&mut pdf::document(&layout, &font));
    for (name, cipher) in [
        ("locked.pdf", Cipher::Rc4),
        ("locked-aes.pdf", Cipher::Aes256),
    ] {
        let doc = pdf::document(&layout, &font);
        write(dir, name, &pdf::encrypted(doc, cipher, "secret", "owner"));
    }
    write(dir, "scan.pdf", &pdf::without_text());
    write(dir, "cut.pdf", &good[..good.len() / 2]);
    good
}

const LOCKED: &str =
    "the PDF is encrypted and needs a password to open; save an unprotected copy to check it";
const SCAN: &str = "error: scan.pdf: the PDF has no text layer (1 page without text): it is probably a scan; run OCR on it first";
const CUT: &str = "error: cut.pdf: not a readable PDF (truncated or damaged?): ";

#[test]
fn a_locked_scanned_or_damaged_pdf_fails_alone_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let good = unreadable_files(dir.path());
    write(dir.path(), "example.pdf", &good);
    write(
        dir.path(),
        "example.docx",
        &docx::render(&Example::load(), title()),
    );
    // The locked files are sound PDFs: their password opens them.
    for name in ["locked.pdf", "locked-aes.pdf"] {
        let locked = std::fs::read(dir.path().join(name)).unwrap();
        assert!(pdf_extract::Document::load_mem(&locked).is_ok_and(|d| d.is_encrypted()));
        let opened = pdf_extract::Document::load_mem_with_options(
            &locked,
            LoadOptions::with_password("secret"),
        )
        .unwrap();
        assert_eq!(opened.get_pages().len(), 2, "{name}");
    }

    let args = [
        "locked.pdf",
        "scan.pdf",
        "example.pdf",
        "cut.pdf",
        "locked-aes.pdf",
        "example.docx",
    ];
    let run = ogi_in(
        dir.path(),
        &[&["check", "--format", "json"], &args[..]].concat(),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let stderr: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(stderr.len(), 4, "{}", run.stderr);
    assert!(stderr[0].starts_with(CUT), "{}", stderr[0]);
    assert_eq!(
        stderr[1..],
        [
            format!("error: locked-aes.pdf: {LOCKED}"),
            format!("error: locked.pdf: {LOCKED}"),
            SCAN.to_string()
        ]
    );
    let v = run.json();
    assert_eq!(json_paths(&v), ["example.docx", "example.pdf"]);
    assert_eq!(codes(&v, 0), [NONSTANDARD, NONSTANDARD]);
    assert_eq!(codes(&v, 1), [NONSTANDARD, NONSTANDARD]);
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["warnings"], 4);

    let text = ogi_in(dir.path(), &["check", "--locale", "en"]);
    assert_eq!(text.code, 2);
    assert_eq!(
        text.stdout.lines().last(),
        Some("checked 2 files (2 reports): 0 errors, 4 warnings; 4 files could not be read")
    );
}

#[test]
fn a_pdf_locked_only_against_changes_reads_as_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let font = pdf::font();
    let layout = Layout::new(pdf::L5, &font);
    for (name, cipher) in [("rc4.pdf", Cipher::Rc4), ("aes.pdf", Cipher::Aes256)] {
        let bytes = pdf::encrypted(pdf::document(&layout, &font), cipher, "", "owner");
        let encrypted = pdf_extract::Document::load_mem_with_options(
            &bytes,
            LoadOptions::with_password("owner"),
        )
        .unwrap();
        assert!(encrypted.was_encrypted(), "{name}");
        write(dir.path(), name, &bytes);
    }
    write(dir.path(), "example-l5.txt", pdf::L5.as_bytes());

    let files = ["aes.pdf", "example-l5.txt", "rc4.pdf"];
    let v = check_json(dir.path(), &files, 0);
    for i in [0, 2] {
        assert_eq!(findings(&v, i), findings(&v, 1));
        assert_eq!(pages(&v, i), [(NONSTANDARD, 2), (NONSTANDARD, 2)]);
    }
}

#[test]
fn extract_writes_the_text_a_pdf_was_drawn_from_or_fails_with_the_cause() {
    let dir = tempfile::tempdir().unwrap();
    let good = unreadable_files(dir.path());
    write(dir.path(), "example.pdf", &good);
    let layout = Layout::new(pdf::L5, &pdf::font());

    let run = ogi_in(dir.path(), &["extract", "example.pdf"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    // Every line drawn, in order (each page opens with blank lines).
    let drawn: Vec<&str> = layout.pages.iter().flatten().map(String::as_str).collect();
    let read: Vec<&str> = run.stdout.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(read, drawn);
    assert!(read.contains(&"一、本年新收政府信息公开申请数量 8 0 0 0 0 0 8"));

    let to_file = ogi_in(dir.path(), &["extract", "example.pdf", "-o", "example.txt"]);
    assert_eq!((to_file.code, to_file.stdout.as_str()), (0, ""));
    let written = std::fs::read_to_string(dir.path().join("example.txt")).unwrap();
    assert_eq!(written, run.stdout);

    let locked = format!("error: locked-aes.pdf: {LOCKED}");
    for (file, message) in [
        ("locked-aes.pdf", locked.as_str()),
        ("scan.pdf", SCAN),
        ("cut.pdf", CUT),
    ] {
        let run = ogi_in(dir.path(), &["extract", file, "-o", "out.txt"]);
        assert_eq!(run.code, 2, "{file}");
        assert!(run.stderr.starts_with(message), "{file}: {}", run.stderr);
        assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
        assert!(!dir.path().join("out.txt").exists(), "{file} wrote a file");
    }
}

#[test]
fn directories_and_stdin_bring_documents_too() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports/2024");
    std::fs::create_dir_all(&reports).unwrap();
    let (_, pdf_bytes) = pdf::of_text(pdf::L5);
    write(&reports, "东胜区.pdf", &pdf_bytes);
    write(
        &reports,
        "东胜区.docx",
        &docx::render(&Example::load(), title()),
    );
    // Not a report kind the walk picks up.
    write(&reports, "东胜区.doc", b"not read");

    let run = ogi_in(dir.path(), &["check", "--format", "json", "reports"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let v = run.json();
    assert_eq!(
        json_paths(&v),
        ["reports/2024/东胜区.docx", "reports/2024/东胜区.pdf"]
    );
    assert_eq!(diagnostics(&v, 0)[0]["table"], 2);
    assert_eq!(diagnostics(&v, 1)[0]["page"], 2);

    // Stdin has no name: its bytes say it is a PDF.
    let stdin = ogi_stdin(&["check", "--format", "json", "-"], &pdf_bytes);
    assert_eq!((stdin.code, stdin.stderr.as_str()), (0, ""));
    let v = stdin.json();
    assert_eq!(json_paths(&v), ["<stdin>"]);
    assert_eq!(pages(&v, 0), [(NONSTANDARD, 2), (NONSTANDARD, 2)]);
    let extracted = ogi_stdin(&["extract", "-"], &pdf_bytes);
    assert_eq!((extracted.code, extracted.stderr.as_str()), (0, ""));
    assert!(extracted.stdout.starts_with(&format!("\n\n{}\n", title())));
}

#[test]
fn a_pdf_the_extractor_cannot_follow_is_one_clear_failure() {
    let dir = tempfile::tempdir().unwrap();
    let (_, good) = pdf::of_text(pdf::L5);
    // Pages without a size: the extractor gives up on them (it panics), a reader must say so once.
    let mut bytes = good.clone();
    let mut pages = 0;
    for at in 0..bytes.len() - 8 {
        if &bytes[at..at + 9] == b"/MediaBox" {
            bytes[at + 8] = b'z';
            pages += 1;
        }
    }
    assert_eq!(pages, 2, "one size a page");
    write(dir.path(), "sizeless.pdf", &bytes);
    write(dir.path(), "example.pdf", &good);

    let run = ogi_in(
        dir.path(),
        &["check", "--format", "json", "sizeless.pdf", "example.pdf"],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: sizeless.pdf: not a readable PDF (truncated or damaged?): \
         the text could not be extracted (MediaBox)\n"
    );
    assert_eq!(json_paths(&run.json()), ["example.pdf"]);
}
