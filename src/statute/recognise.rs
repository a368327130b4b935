//! Finding references to the regulation in free text (第二十条第（五）项, 《条例》第14条, 本条例第十九条, chains
//! like 第十四条、第十五条). Knows how citations are written; leaves whose law it is to `owner` and knows
//! nothing of what the regulation says or whether a cited article exists.

use memchr::memmem;

use super::numeral::parse_numeral_prefix;
use super::owner::{Aliases, Owner, owner_before};
use super::{Citation, Reference};

const SEPARATORS: [&str; 7] = ["、", "以及", "或者", "和", "及", "与", "或"];
pub(super) const OPEN: [char; 2] = ['（', '('];
pub(super) const CLOSE: [char; 2] = ['）', ')'];
/// How many spaces may stand inside a citation or between it and a name; bounded to keep scanning linear.
const MAX_SPACES: usize = 8;

/// Every reference to the regulation in `text`, in order.
pub fn find_references(text: &str) -> Vec<Reference> {
    let mut aliases = Aliases::declared_in(text);
    let mut found = Vec::new();
    let mut resume = 0;
    for start in memmem::find_iter(text.as_bytes(), "第".as_bytes()) {
        if start < resume {
            continue;
        }
        let Some((head, mut end)) = parse_citation(text, start, None) else {
            continue;
        };
        aliases.advance_to(start);
        let owner = owner_before(text, start, &aliases);
        let mut push = |span_start: usize, end: usize, citation: Citation| match owner {
            Owner::OtherLaw => {}
            Owner::Regulation { .. } | Owner::Unnamed => found.push(Reference {
                span: span_start..end,
                citation,
                explicit_name: matches!(owner, Owner::Regulation { .. }),
            }),
        };
        let head_start = match owner {
            Owner::Regulation { name_start } => name_start,
            _ => start,
        };
        push(head_start, end, head);
        // The items and articles of a chain share the head's law: 《保密法》第九条、第十条 is all 保密法.
        let mut previous = head;
        while let Some(next) = after_separator(text, end) {
            let Some((citation, next_end)) = parse_citation(text, next, Some(previous)) else {
                break;
            };
            push(next, next_end, citation);
            previous = citation;
            end = next_end;
        }
        resume = end;
    }
    found
}

#[derive(Debug, Clone, Copy)]
enum Part {
    Article(u16),
    Paragraph(u16),
    Item(u16),
}

/// The citation starting with the `第` at `start`. Without `previous` it must name an article; in a chain
/// (`previous` given) it may be a bare 款 or 项 that takes the article (and 款) from the one before.
fn parse_citation(
    text: &str,
    start: usize,
    previous: Option<Citation>,
) -> Option<(Citation, usize)> {
    let (first, mut end) = parse_part(text, start)?;
    let mut citation = match (first, previous) {
        (Part::Article(article), _) => Citation::article(article),
        (Part::Paragraph(paragraph), Some(prev)) => Citation {
            article: prev.article,
            paragraph: Some(paragraph),
            item: None,
        },
        (Part::Item(item), Some(prev)) => {
            let citation = Citation {
                article: prev.article,
                paragraph: prev.paragraph,
                item: Some(item),
            };
            return Some((citation, end));
        }
        _ => return None,
    };
    if citation.paragraph.is_none()
        && let Some((Part::Paragraph(p), e)) = parse_part(text, skip_spaces(text, end))
    {
        citation.paragraph = Some(p);
        end = e;
    }
    if let Some((Part::Item(i), e)) = parse_part(text, skip_spaces(text, end)) {
        citation.item = Some(i);
        end = e;
    }
    Some((citation, end))
}

/// One `第N条`, `第N款`, `第（N）项` or `第N项` at `pos`, with spaces allowed inside.
fn parse_part(text: &str, pos: usize) -> Option<(Part, usize)> {
    let pos = skip_spaces(text, eat(text, pos, '第')?);
    let (bracketed, pos) = match eat_any(text, pos, &OPEN) {
        Some(p) => (true, skip_spaces(text, p)),
        None => (false, pos),
    };
    let (n, len) = parse_numeral_prefix(text.get(pos..)?)?;
    let mut pos = skip_spaces(text, pos + len);
    if bracketed {
        pos = skip_spaces(text, eat_any(text, pos, &CLOSE)?);
    }
    let marker = text.get(pos..)?.chars().next()?;
    let part = match marker {
        '条' if !bracketed => Part::Article(n),
        '款' if !bracketed => Part::Paragraph(n),
        '项' => Part::Item(n),
        _ => return None,
    };
    Some((part, pos + marker.len_utf8()))
}

/// Where the next link of a chain starts, if a separator like `、` or `和` follows `end`.
fn after_separator(text: &str, end: usize) -> Option<usize> {
    let pos = skip_spaces(text, end);
    let rest = text.get(pos..)?;
    let separator = SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
    let next = skip_spaces(text, pos + separator.len());
    text.get(next..)?.starts_with('第').then_some(next)
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

pub(super) fn skip_spaces(text: &str, pos: usize) -> usize {
    let skipped: usize = text
        .get(pos..)
        .unwrap_or_default()
        .chars()
        .take(MAX_SPACES)
        .take_while(|c| is_space(*c))
        .map(char::len_utf8)
        .sum();
    pos + skipped
}

pub(super) fn skip_spaces_back(text: &str, pos: usize) -> usize {
    let skipped: usize = text
        .get(..pos)
        .unwrap_or_default()
        .chars()
        .rev()
        .take(MAX_SPACES)
        .take_while(|c| is_space(*c))
        .map(char::len_utf8)
        .sum();
    pos - skipped
}

pub(super) fn eat(text: &str, pos: usize, c: char) -> Option<usize> {
    text.get(pos..)?.starts_with(c).then(|| pos + c.len_utf8())
}

pub(super) fn eat_any(text: &str, pos: usize, chars: &[char]) -> Option<usize> {
    let c = text
        .get(pos..)?
        .chars()
        .next()
        .filter(|c| chars.contains(c))?;
    Some(pos + c.len_utf8())
}
