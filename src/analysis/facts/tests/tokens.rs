use super::*;
use crate::analysis::facts::{TokenKind, semantic_tokens, semantic_tokens_by_line};

/// Tokens as (text, kind), after checking that they are sorted and never overlap.
fn check(text: &str) -> Vec<(String, TokenKind)> {
    let analysis = analyze_report(text);
    let tokens = semantic_tokens(&analysis);
    assert!(tokens.windows(2).all(|w| w[0].0.end <= w[1].0.start));
    tokens
        .into_iter()
        .map(|(s, k)| (text[s].to_string(), k))
        .collect()
}

fn count(tokens: &[(String, TokenKind)], kind: TokenKind) -> usize {
    tokens.iter().filter(|t| t.1 == kind).count()
}

#[test]
fn the_example_has_headings_labels_numbers_and_citations() {
    let tokens = check(&report_text(EXAMPLE));
    assert_eq!(count(&tokens, TokenKind::Heading), 6);
    assert_eq!(count(&tokens, TokenKind::Number), 200);
    // The four anchors are references to the regulation, not labels.
    assert_eq!(count(&tokens, TokenKind::Citation), 4);
    assert!(tokens.contains(&("第二十条第(五)项".to_string(), TokenKind::Citation)));
    assert!(
        !tokens
            .iter()
            .any(|(t, k)| t.starts_with("第二十条") && *k == TokenKind::Label)
    );
    assert!(tokens.contains(&("(三)不予公开".to_string(), TokenKind::Label)));
    assert!(tokens.contains(&("52425".to_string(), TokenKind::Number)));
    assert_eq!(tokens[0], ("一、总体情况".to_string(), TokenKind::Heading));
}

#[test]
fn a_markdown_title_is_a_heading_and_nothing_is_left_out() {
    let tokens = check(&report_text(EXAMPLE_L2));
    assert_eq!(count(&tokens, TokenKind::Heading), 7);
    assert_eq!(count(&tokens, TokenKind::Number), 200);
}

#[test]
fn empty_and_text_cells_are_no_numbers() {
    let text = report_text(EXAMPLE).replacen("8 |\n0 |", "8 |\n- |", 1);
    assert_eq!(count(&check(&text), TokenKind::Number), 199);
}

#[test]
fn tokens_by_line_split_a_span_written_over_two_lines() {
    use crate::analysis::ReportAnalysis;
    use crate::analysis::model::{LabelHit, LabelKind, Report};
    // A label the way an HTML cell over two lines would give it, with CRLF line ends.
    let text = "<td>  行政\r\n  许可</td>\r\n";
    let start = text.find('行').unwrap_or_default();
    let end = text.find("</td>").unwrap_or_default();
    let analysis = ReportAnalysis {
        report: Report {
            labels: vec![LabelHit {
                span: start..end,
                kind: LabelKind::Row(2),
                exact: true,
                canonical: "行政许可",
            }],
            ..Report::default()
        },
        ..ReportAnalysis::default()
    };
    assert_eq!(semantic_tokens(&analysis).len(), 1);
    let lines: Vec<(&str, TokenKind)> = semantic_tokens_by_line(text, &analysis)
        .into_iter()
        .map(|(s, k)| (&text[s], k))
        .collect();
    assert_eq!(
        lines,
        [("行政", TokenKind::Label), ("许可", TokenKind::Label)]
    );
}
