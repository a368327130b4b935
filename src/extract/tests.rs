use std::io::Write;

use super::*;

/// A minimal `.docx` whose body is `body` (WordprocessingML inside `<w:body>`).
fn docx(body: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
    );
    let mut out = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options)
            .expect("zip entry");
        zip.write_all(document.as_bytes()).expect("zip write");
        zip.finish().expect("zip finish");
    }
    out
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A cell with `text`, spanning `span` grid columns, with a `vMerge` mark if given.
fn tc(text: &str, span: usize, merge: Option<&str>) -> String {
    let mut props = String::new();
    if span > 1 {
        props.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
    }
    match merge {
        Some("restart") => props.push_str(r#"<w:vMerge w:val="restart"/>"#),
        Some(_) => props.push_str("<w:vMerge/>"),
        None => {}
    }
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn view(body: &str) -> TextView {
    extract(Kind::Docx, &docx(body)).expect("a readable docx")
}

#[test]
fn paragraphs_are_lines_and_tables_keep_the_document_grid() {
    let table = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        // 三、本年度办理结果 spans two rows; 一、本年新收 spans the two label columns.
        tr(&[
            tc("一、本年新收", 2, None),
            tc("8", 1, None),
            tc("", 1, None)
        ]),
        tr(&[
            tc("三、本年度办理结果", 1, Some("restart")),
            tc("（一）予以公开", 1, None),
            tc("7", 1, None),
            tc("0", 1, None)
        ]),
        tr(&[
            tc("", 1, Some("continue")),
            tc("（七）总计", 1, None),
            tc("7", 1, None),
            tc("0", 1, None)
        ]),
    );
    let v = view(&format!(
        "{}<w:p/>{table}{}",
        p("一、总体情况"),
        p("四、政府信息…")
    ));
    let lines: Vec<&str> = v.text.lines().collect();
    assert_eq!(
        lines,
        vec![
            "一、总体情况",
            "",
            "",
            "| 一、本年新收 |  | 8 |  |",
            "| --- | --- | --- | --- |",
            "| 三、本年度办理结果 | （一）予以公开 | 7 | 0 |",
            "|  | （七）总计 | 7 | 0 |",
            "",
            "四、政府信息…",
        ]
    );
    assert_eq!(v.origin(0), Origin::Text);
    assert_eq!(v.origin(3), Origin::TableRow { table: 1, row: 1 });
    assert_eq!(v.origin(4), Origin::Text);
    assert_eq!(v.origin(6), Origin::TableRow { table: 1, row: 3 });
    assert_eq!(v.origin(8), Origin::Text);
    assert_eq!(v.origin(99), Origin::Text);
}

#[test]
fn only_the_text_a_reader_sees_is_kept() {
    let body = concat!(
        // A tracked deletion, a field code, entities, a tab and a line break.
        r#"<w:p><w:r><w:t>规</w:t></w:r><w:del><w:r><w:delText>旧</w:delText><w:t>旧</w:t></w:r></w:del>"#,
        r#"<w:r><w:instrText>PAGE</w:instrText><w:t xml:space="preserve">章 &amp; &#x4E00;</w:t><w:tab/><w:t>1</w:t><w:br/><w:t>2</w:t></w:r></w:p>"#,
        // A text box: its fallback copy is not read twice.
        r#"<w:p><mc:AlternateContent><mc:Choice><w:p><w:r><w:t>框</w:t></w:r></w:p></mc:Choice>"#,
        r#"<mc:Fallback><w:p><w:r><w:t>框</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:p>"#,
    );
    let v = view(body);
    assert_eq!(v.text, "规章 & 一\t1\n2\n框\n");
}

#[test]
fn a_cell_is_one_cell_however_it_is_written() {
    // Two paragraphs of one label, a pipe in the text, a nested table.
    let cell = concat!(
        "<w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>（区分处理的）</w:t></w:r></w:p>",
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a|b</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"
    );
    let v = view(&format!(
        "<w:tbl><w:tr>{cell}{}</w:tr></w:tbl>",
        tc("12", 1, None)
    ));
    assert_eq!(
        v.text.lines().nth(1),
        Some("| （二）部分公开（区分处理的）a｜b | 12 |")
    );
    assert_eq!(v.origin(1), Origin::TableRow { table: 1, row: 1 });
}

#[test]
fn tables_are_counted_in_document_order_and_rows_may_be_short() {
    let first = format!("<w:tbl>{}</w:tbl>", tr(&[tc("a", 1, None)]));
    let second = format!(
        "<w:tbl>{}{}</w:tbl>",
        tr(&[tc("x", 1, None), tc("1", 1, None), tc("2", 1, None)]),
        tr(&[tc("y", 1, None)])
    );
    let v = view(&format!("{first}{}{second}", p("between")));
    let last = v.text.lines().rfind(|l| l.starts_with('|'));
    assert_eq!(last, Some("| y |  |  |"));
    let lines = v.text.lines().count() as u32;
    assert_eq!(v.origin(lines - 2), Origin::TableRow { table: 2, row: 2 });
}

#[test]
fn damaged_and_foreign_files_say_what_they_are() {
    let not_zip = extract(Kind::Docx, b"PK\x03\x04 not really");
    assert!(
        matches!(
            &not_zip,
            Err(ExtractError::Broken {
                kind: Kind::Docx,
                ..
            })
        ),
        "{not_zip:?}"
    );
    let mut truncated = docx(&p("一、总体情况"));
    truncated.truncate(truncated.len() / 2);
    assert!(matches!(
        extract(Kind::Docx, &truncated),
        Err(ExtractError::Broken { .. })
    ));
    let bad_xml = docx("<w:p><w:r><w:t>unclosed</w:r></w:p>");
    let message = extract(Kind::Docx, &bad_xml)
        .expect_err("ill-formed XML")
        .to_string();
    assert!(message.contains("word/document.xml"), "{message}");
    assert!(matches!(
        extract(Kind::Pdf, b"%PDF-1.4\n garbage"),
        Err(ExtractError::Broken {
            kind: Kind::Pdf,
            ..
        })
    ));
}

#[test]
fn kinds_are_told_by_name_and_by_content() {
    use std::path::Path;
    assert_eq!(Kind::of_path(Path::new("年报.PDF")), Some(Kind::Pdf));
    assert_eq!(Kind::of_path(Path::new("a/草稿.docx")), Some(Kind::Docx));
    assert_eq!(Kind::of_path(Path::new("a.doc")), None);
    assert_eq!(Kind::sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
    assert_eq!(Kind::sniff(b"\n\n%PDF-1.4"), Some(Kind::Pdf));
    assert_eq!(Kind::sniff(&docx("")), Some(Kind::Docx));
    assert_eq!(Kind::sniff("一、总体情况".as_bytes()), None);
}
