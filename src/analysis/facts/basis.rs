//! How a template item's legal basis is shown: the source citation, how firm the mapping is, and a
//! brief quote of the main article. Shared by hovers and completion details; knows nothing of text.

use crate::analysis::Locale;
use crate::statute::{Citation, regulation};
use crate::template::{Basis, BasisKind};

/// Quotes longer than this are cut (a hover shows what the article says, not the whole article).
const BRIEF_CHARS: usize = 160;

/// The citation a basis names first, if any.
pub fn main_citation(basis: &Basis) -> Option<Citation> {
    let (article, paragraph, item) = basis.main;
    (article != 0).then_some(Citation {
        article,
        paragraph: (paragraph != 0).then_some(paragraph),
        item: (item != 0).then_some(item),
    })
}

/// `《条例》第三十六条第（三）项`: the basis's articles with the regulation named; empty when none.
pub fn source(basis: &Basis) -> String {
    if basis.cites.is_empty() {
        String::new()
    } else if basis.cites.starts_with('第') {
        format!("《条例》{}", basis.cites)
    } else {
        basis.cites.to_string()
    }
}

/// A completion detail: the source, marked when the mapping is an inference.
pub fn detail(basis: &Basis, locale: Locale) -> String {
    let source = source(basis);
    match (basis.kind, locale) {
        (BasisKind::None, Locale::Zh) => "统计项，无对应条款".to_string(),
        (BasisKind::None, Locale::En) => "Statistical item, no article".to_string(),
        (BasisKind::Inferred, Locale::Zh) => format!("{source}（推断）"),
        (BasisKind::Inferred, Locale::En) => format!("{source} (inferred)"),
        _ => source,
    }
}

/// The line naming where an item comes from and how firmly: `来源：《条例》…（推断，非官方对应）`.
pub fn source_line(basis: &Basis, locale: Locale) -> String {
    let source = source(basis);
    match (basis.kind, locale) {
        (BasisKind::None, Locale::Zh) => "来源：无对应条款（统计项或合计项）".to_string(),
        (BasisKind::None, Locale::En) => {
            "Source: no article (a statistical item or a total)".into()
        }
        (BasisKind::Inferred, Locale::Zh) => format!("来源：{source}（推断，非官方对应）"),
        (BasisKind::Inferred, Locale::En) => {
            format!("Source: {source} (an inference, not an official mapping)")
        }
        (kind, Locale::Zh) => format!("来源：{source}（{}）", kind.describe_zh()),
        (kind, Locale::En) => format!("Source: {source} ({})", kind.describe_en()),
    }
}

/// The words of the main article that the item derives from: the 项 itself, the 款, or the article's
/// first 款, cut to a few lines.
pub fn brief_quote(basis: &Basis) -> Option<String> {
    let resolved = regulation().resolve(main_citation(basis)?).ok()?;
    let text = match (resolved.item, resolved.paragraph) {
        (Some(item), _) => item.to_string(),
        (None, Some(p)) => p.text.clone(),
        (None, None) => resolved.article.paragraphs.first()?.text_with_items(),
    };
    Some(cut(&text, BRIEF_CHARS))
}

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn cut(text: &str, max: usize) -> String {
    match text
        .char_indices()
        .nth(max)
        .and_then(|(at, _)| text.get(..at))
    {
        Some(head) => format!("{head}…"),
        None => text.to_string(),
    }
}

/// Lines as a Markdown blockquote that keeps each 款 and 项 on its own line.
pub fn blockquote(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("> {}", l.trim()))
        .collect::<Vec<_>>()
        .join("\n>\n")
}

/// Note, source line and brief quote, as Markdown paragraphs.
pub fn explain(basis: &Basis, locale: Locale) -> String {
    let mut parts = vec![basis.note.to_string(), source_line(basis, locale)];
    if let Some(quote) = brief_quote(basis) {
        parts.push(blockquote(&quote));
    }
    parts.join("\n\n")
}
