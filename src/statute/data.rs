//! The regulation's text as data: the embedded Markdown file parsed once into articles, 款 and 项.
//! Knows the file's layout; knows nothing of references, reports or how the text is shown.

use std::sync::OnceLock;

use super::numeral::parse_numeral;

/// The text of 《中华人民共和国政府信息公开条例》 (2019), with its sources in the file header.
const TEXT: &str = include_str!("regulation-2019.md");

/// The whole regulation, articles in order (article `n` at index `n - 1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regulation {
    pub articles: Vec<Article>,
}

/// One article (条).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub number: u16,
    /// The chapter heading it sits under, e.g. `第四章　依申请公开`.
    pub chapter: String,
    /// Its paragraphs (款), at least one.
    pub paragraphs: Vec<Paragraph>,
    /// Why the text could not be checked against an independent source, when it could not.
    pub unverified: Option<String>,
}

/// One paragraph (款) of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's own text; for a paragraph with items, the sentence that introduces them.
    pub text: String,
    /// Its items (项), each with its bracketed number, e.g. `（一）行政法规、规章和规范性文件；`.
    pub items: Vec<String>,
}

impl Article {
    /// The article's text as the regulation lays it out: each 款 and 项 on its own line, without `第N条`.
    pub fn text(&self) -> String {
        let lines: Vec<String> = self
            .paragraphs
            .iter()
            .map(Paragraph::text_with_items)
            .collect();
        lines.join("\n")
    }
}

impl Paragraph {
    /// The paragraph's text followed by its items, one per line.
    pub fn text_with_items(&self) -> String {
        let mut out = self.text.clone();
        for item in &self.items {
            out.push('\n');
            out.push_str(item);
        }
        out
    }
}

/// The regulation, parsed from the embedded text on first use.
pub fn regulation() -> &'static Regulation {
    static REGULATION: OnceLock<Regulation> = OnceLock::new();
    REGULATION.get_or_init(|| parse(TEXT))
}

/// Reads the embedded layout: `## ` chapter headings, `第N条 ` starting an article, further lines as 款
/// unless they start with `（` (then a 项 of the latest 款), and `<!-- unverified: … -->` notes. The
/// title and source header before the first article are skipped; the unit test guards the result.
fn parse(text: &str) -> Regulation {
    let mut articles: Vec<Article> = Vec::new();
    let mut chapter = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        if let Some(heading) = line.strip_prefix("## ") {
            chapter = heading.trim().to_string();
        } else if let Some((number, rest)) = article_start(line) {
            articles.push(Article {
                number,
                chapter: chapter.clone(),
                paragraphs: vec![Paragraph {
                    text: rest.to_string(),
                    items: Vec::new(),
                }],
                unverified: None,
            });
        } else if let Some(article) = articles.last_mut() {
            add_line(article, line);
        }
    }
    Regulation { articles }
}

fn add_line(article: &mut Article, line: &str) {
    if let Some(note) = line
        .strip_prefix("<!--")
        .and_then(|l| l.strip_suffix("-->"))
    {
        if let Some(reason) = note.trim().strip_prefix("unverified:") {
            article.unverified = Some(reason.trim().to_string());
        }
    } else if line.starts_with('（') {
        if let Some(paragraph) = article.paragraphs.last_mut() {
            paragraph.items.push(line.to_string());
        }
    } else {
        article.paragraphs.push(Paragraph {
            text: line.to_string(),
            items: Vec::new(),
        });
    }
}

/// `第二十条 行政机关……` → (20, `行政机关……`).
fn article_start(line: &str) -> Option<(u16, &str)> {
    let rest = line.strip_prefix('第')?;
    let (numeral, body) = rest.split_once(' ')?;
    let number = parse_numeral(numeral.strip_suffix('条')?)?;
    Some((number, body.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::statute::numeral::cn_numeral;

    fn article(n: u16) -> &'static Article {
        &regulation().articles[usize::from(n) - 1]
    }

    #[test]
    fn every_article_parses_in_order() {
        let articles = &regulation().articles;
        assert_eq!(articles.len(), 56);
        for (i, a) in articles.iter().enumerate() {
            assert_eq!(usize::from(a.number), i + 1);
            assert!(!a.paragraphs.is_empty(), "第{}条 has no text", a.number);
            for p in &a.paragraphs {
                assert!(
                    !p.text.is_empty() && !p.text.starts_with('第'),
                    "第{}条: {:?}",
                    a.number,
                    p.text
                );
                for (j, item) in p.items.iter().enumerate() {
                    let label = format!("（{}）", cn_numeral(j as u16 + 1));
                    assert!(
                        item.starts_with(&label),
                        "第{}条 item {}: {item}",
                        a.number,
                        j + 1
                    );
                }
            }
            assert!(
                a.chapter.starts_with('第') && a.chapter.contains('章'),
                "{}",
                a.chapter
            );
        }
    }

    #[test]
    fn structure_of_articles_with_items() {
        let a20 = article(20);
        assert_eq!(a20.paragraphs.len(), 1);
        assert_eq!(a20.paragraphs[0].items.len(), 15);
        assert!(a20.paragraphs[0].items[4].starts_with("（五）办理行政许可"));
        assert_eq!(
            a20.paragraphs[0].items[0],
            "（一）行政法规、规章和规范性文件；"
        );
        assert_eq!(
            a20.paragraphs[0].text,
            "行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息："
        );

        let a50 = article(50);
        assert_eq!(a50.paragraphs.len(), 2);
        assert_eq!(a50.paragraphs[0].items.len(), 5);
        assert!(a50.paragraphs[1].items.is_empty());
        assert!(
            a50.paragraphs[1]
                .text
                .starts_with("全国政府信息公开工作主管部门")
        );

        let a29 = article(29);
        assert_eq!(a29.paragraphs.len(), 2);
        assert!(a29.paragraphs[0].items.is_empty());
        assert_eq!(a29.paragraphs[1].items.len(), 3);

        assert_eq!(article(36).paragraphs.len(), 1);
        assert_eq!(article(36).paragraphs[0].items.len(), 7);
        assert_eq!(article(4).paragraphs[1].items.len(), 5);
        assert_eq!(article(3).paragraphs.len(), 4);
        assert_eq!(article(53).paragraphs[0].items.len(), 3);
    }

    #[test]
    fn chapters_notes_and_text() {
        assert_eq!(article(1).chapter, "第一章　总则");
        assert_eq!(article(27).chapter, "第四章　依申请公开");
        assert_eq!(article(56).chapter, "第六章　附则");
        assert_eq!(article(56).text(), "本条例自2019年5月15日起施行。");
        assert_eq!(article(1).unverified, None);
        assert!(
            article(5)
                .unverified
                .as_deref()
                .is_some_and(|r| r.starts_with("未找到简体独立网页原文"))
        );
        let noted = regulation()
            .articles
            .iter()
            .filter(|a| a.unverified.is_some())
            .count();
        assert_eq!(noted, 28);
        assert_eq!(
            article(16).text().lines().count(),
            2,
            "第十六条 has two 款 and no 项: {}",
            article(16).text()
        );
    }
}
