//! Resolving a citation against the regulation: the article, 款 and 项 it names and their exact text, or
//! which part does not exist. Knows nothing of where the citation was written.

use std::fmt;

use super::Citation;
use super::data::{Article, Paragraph, Regulation};
use super::numeral::cn_numeral;

/// A citation that names text the regulation has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub citation: Citation,
    pub article: &'a Article,
    /// The 款 cited; for a 项 cited without a 款, the first 款 that has items.
    pub paragraph: Option<&'a Paragraph>,
    /// The 1-based number of `paragraph`.
    pub paragraph_number: Option<u16>,
    /// The 项 cited, with its bracketed number.
    pub item: Option<&'a str>,
}

/// Why a citation names nothing: the first part the regulation does not have, and how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    NoArticle {
        article: u16,
        articles: u16,
    },
    NoParagraph {
        article: u16,
        paragraph: u16,
        paragraphs: u16,
    },
    /// `paragraph` is the 款 as cited (`None` when the citation gave none).
    NoItem {
        article: u16,
        paragraph: Option<u16>,
        item: u16,
        items: u16,
    },
}

impl Citation {
    pub fn article(article: u16) -> Citation {
        Citation {
            article,
            paragraph: None,
            item: None,
        }
    }
}

/// The citation in the regulation's own style: `第二十条第（五）项`, `第五十条第一款`.
impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第{}条", cn_numeral(self.article))?;
        if let Some(p) = self.paragraph {
            write!(f, "第{}款", cn_numeral(p))?;
        }
        if let Some(i) = self.item {
            write!(f, "第（{}）项", cn_numeral(i))?;
        }
        Ok(())
    }
}

impl Regulation {
    pub fn article(&self, number: u16) -> Option<&Article> {
        let index = usize::from(number).checked_sub(1)?;
        self.articles.get(index)
    }

    pub fn resolve(&self, c: Citation) -> Result<Resolved<'_>, Unresolved> {
        let article = self.article(c.article).ok_or(Unresolved::NoArticle {
            article: c.article,
            articles: count(self.articles.len()),
        })?;
        let paragraphs = &article.paragraphs;
        let (paragraph_number, paragraph) = match (c.paragraph, c.item) {
            (Some(p), _) => {
                let found = usize::from(p)
                    .checked_sub(1)
                    .and_then(|i| paragraphs.get(i));
                let found = found.ok_or(Unresolved::NoParagraph {
                    article: c.article,
                    paragraph: p,
                    paragraphs: count(paragraphs.len()),
                })?;
                (Some(p), Some(found))
            }
            (None, Some(_)) => match paragraphs.iter().position(|p| !p.items.is_empty()) {
                Some(i) => (Some(count(i + 1)), paragraphs.get(i)),
                None => (None, None),
            },
            (None, None) => (None, None),
        };
        let item = match c.item {
            None => None,
            Some(i) => {
                let items = paragraph.map_or(&[][..], |p| &p.items[..]);
                let found = usize::from(i).checked_sub(1).and_then(|i| items.get(i));
                let found = found.ok_or(Unresolved::NoItem {
                    article: c.article,
                    paragraph: c.paragraph,
                    item: i,
                    items: count(items.len()),
                })?;
                Some(found.as_str())
            }
        };
        Ok(Resolved {
            citation: c,
            article,
            paragraph,
            paragraph_number,
            item,
        })
    }

    /// The exact text a citation names (see [`Resolved::quote`]); `None` when it names nothing.
    pub fn quote(&self, c: Citation) -> Option<String> {
        self.resolve(c).ok().map(|r| r.quote())
    }
}

impl Resolved<'_> {
    /// `《条例》第二十条第（五）项`, as the citation was written (a 款 implied by a 项 is not added).
    pub fn citation_text(&self) -> String {
        format!("《条例》{}", self.citation)
    }

    /// The cited text, one 款 or 项 per line: the whole article; the 款 with its items; or for a 项 the
    /// sentence that introduces it followed by the item, so the item reads in context.
    pub fn quote(&self) -> String {
        match (self.paragraph, self.item) {
            (Some(p), Some(item)) => format!("{}\n{item}", p.text),
            (Some(p), None) => p.text_with_items(),
            _ => self.article.text(),
        }
    }
}

impl Unresolved {
    /// e.g. `《条例》第二十条只有 15 项，没有第（十六）项`.
    pub fn message_zh(&self) -> String {
        match *self {
            Unresolved::NoArticle { article, articles } => {
                format!(
                    "《条例》只有 {articles} 条，没有第{}条",
                    cn_numeral(article)
                )
            }
            Unresolved::NoParagraph {
                article,
                paragraph,
                paragraphs,
            } => format!(
                "《条例》第{}条只有 {paragraphs} 款，没有第{}款",
                cn_numeral(article),
                cn_numeral(paragraph)
            ),
            Unresolved::NoItem {
                article,
                paragraph,
                item,
                items,
            } => {
                let place = Citation {
                    article,
                    paragraph,
                    item: None,
                };
                let item = cn_numeral(item);
                if items == 0 {
                    format!("《条例》{place}不分项，没有第（{item}）项")
                } else {
                    format!("《条例》{place}只有 {items} 项，没有第（{item}）项")
                }
            }
        }
    }

    /// e.g. `Article 20 of the regulation has 15 items; there is no item 16`.
    pub fn message_en(&self) -> String {
        match *self {
            Unresolved::NoArticle { article, articles } => {
                format!("The regulation has {articles} articles; there is no article {article}")
            }
            Unresolved::NoParagraph {
                article,
                paragraph,
                paragraphs,
            } => format!(
                "Article {article} of the regulation has {paragraphs} paragraphs; there is no paragraph {paragraph}"
            ),
            Unresolved::NoItem {
                article,
                paragraph,
                item,
                items,
            } => {
                let place = match paragraph {
                    Some(p) => format!("Article {article}, paragraph {p}"),
                    None => format!("Article {article}"),
                };
                let has = if items == 0 {
                    "no items".to_string()
                } else {
                    format!("{items} items")
                };
                format!("{place} of the regulation has {has}; there is no item {item}")
            }
        }
    }
}

/// Counts in the regulation are tiny; saturating keeps the conversion total.
fn count(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
