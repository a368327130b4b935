//! Whose article a reference is: the regulation (named, by a declared short name, or bare) or another law
//! whose title or document number stands right before it. Knows law titles and short-name declarations;
//! knows nothing of how the citation itself is written.

use std::collections::HashMap;

use memchr::memmem;

use super::recognise::{CLOSE, OPEN, eat, eat_any, skip_spaces, skip_spaces_back};

/// Bounds on how far back a look may walk, so scanning stays linear in the text.
const MAX_TITLE_CHARS: usize = 64;
const MAX_ALIAS_CHARS: usize = 30;
const MAX_BARE_NAME_CHARS: usize = 16;
const MAX_PARENTHESIS_CHARS: usize = 40;

/// The regulation's names as written in full; a title of either always means it.
const FULL_NAMES: [&str; 2] = ["中华人民共和国政府信息公开条例", "政府信息公开条例"];
/// Names that may stand before a reference without book-title marks.
const BARE_NAMES: [&str; 3] = [
    "本条例",
    "中华人民共和国政府信息公开条例",
    "政府信息公开条例",
];
/// Reports cite only the regulation, so a bare `《条例》` is taken as its short name unless declared otherwise.
const DEFAULT_SHORT_NAME: &str = "条例";

/// Whose article a reference starting at `start` is, judged by what stands right before it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Owner {
    /// Named as the regulation; the reference's span starts at `name_start` (the name when it is adjacent).
    Regulation { name_start: usize },
    /// Preceded by another law's title or a document number (法释〔2011〕17号).
    OtherLaw,
    /// No name: reports cite only the regulation, so it is the regulation's.
    Unnamed,
}

pub(super) fn owner_before(text: &str, start: usize, aliases: &Aliases) -> Owner {
    let end = skip_spaces_back(text, start);
    if let Some((open, name)) = enclosed_before(text, end, '《', '》') {
        return match aliases.title(name) {
            Some(true) => Owner::Regulation { name_start: open },
            _ => Owner::OtherLaw,
        };
    }
    // 《…规定》（法释〔2011〕17号）第二条: a title with its document number still names the law. The span then
    // starts at 第, as the name is not next to it.
    if let Some(title_end) = parenthetical_before(text, end)
        && let Some((_, name)) =
            enclosed_before(text, skip_spaces_back(text, title_end), '《', '》')
    {
        return match aliases.title(name) {
            Some(true) => Owner::Regulation { name_start: start },
            _ => Owner::OtherLaw,
        };
    }
    let head = text.get(..end).unwrap_or_default();
    if after_document_number(head) {
        return Owner::OtherLaw;
    }
    if let Some((open, name)) = enclosed_before(text, end, '“', '”') {
        match aliases.title(name) {
            Some(true) => return Owner::Regulation { name_start: open },
            Some(false) => return Owner::OtherLaw,
            None => {}
        }
    }
    let window = head
        .char_indices()
        .rev()
        .take(MAX_BARE_NAME_CHARS)
        .last()
        .map_or(end, |(i, _)| i);
    // Longest name first, so 本条例 wins over a declared 条例.
    let bare = head
        .get(window..)
        .unwrap_or_default()
        .char_indices()
        .map(|(i, _)| window + i)
        .find(|&i| {
            head.get(i..).is_some_and(|name| {
                BARE_NAMES.contains(&name)
                    // Hash only names of a declared alias's length (most positions are not).
                    || (aliases.lengths.contains(&name.len())
                        && aliases.active.get(name) == Some(&true))
            })
        });
    match bare {
        Some(name_start) => Owner::Regulation { name_start },
        None => Owner::Unnamed,
    }
}

/// Short names declared with `（以下简称《X》）` after a law's title, applied from where they are declared.
pub(super) struct Aliases {
    /// (where declared, short name, whether the title before it is the regulation)
    declared: Vec<(usize, String, bool)>,
    applied: usize,
    active: HashMap<String, bool>,
    /// Byte lengths of the active names.
    lengths: Vec<usize>,
}

impl Aliases {
    pub(super) fn declared_in(text: &str) -> Aliases {
        let marker = "以下简称";
        let declared = memmem::find_iter(text.as_bytes(), marker.as_bytes())
            .filter_map(|at| {
                let open = opening_bracket_before(text, at)?;
                let (_, title) = enclosed_before(text, skip_spaces_back(text, open), '《', '》')?;
                let alias = alias_after(text, at + marker.len())?;
                Some((at, alias.to_string(), FULL_NAMES.contains(&title)))
            })
            .collect();
        Aliases {
            declared,
            applied: 0,
            active: HashMap::new(),
            lengths: Vec::new(),
        }
    }

    pub(super) fn advance_to(&mut self, pos: usize) {
        while let Some((at, name, regulation)) = self.declared.get(self.applied) {
            if *at >= pos {
                break;
            }
            self.active.insert(name.clone(), *regulation);
            if !self.lengths.contains(&name.len()) {
                self.lengths.push(name.len());
            }
            self.applied += 1;
        }
    }

    /// `Some(true)` for the regulation, `Some(false)` for a short name of another law, `None` if unknown.
    fn title(&self, name: &str) -> Option<bool> {
        if FULL_NAMES.contains(&name) {
            return Some(true);
        }
        match self.active.get(name) {
            Some(regulation) => Some(*regulation),
            None => (name == DEFAULT_SHORT_NAME).then_some(true),
        }
    }
}

/// The `（` or `(` that opens the parenthesis `以下简称` at `at` sits in, e.g. `（国务院令第711号，以下简称…`.
fn opening_bracket_before(text: &str, at: usize) -> Option<usize> {
    opening_bracket(text, at, true)
}

/// Whether `head` ends with a document number like `法释〔2011〕17号`: what follows cites that document.
fn after_document_number(head: &str) -> bool {
    let Some(rest) = head.strip_suffix('号') else {
        return false;
    };
    let digits = rest
        .bytes()
        .rev()
        .take(6)
        .take_while(u8::is_ascii_digit)
        .count();
    let number = rest.get(..rest.len() - digits).unwrap_or_default();
    (1..=5).contains(&digits) && number.ends_with(['〕', ']', '】'])
}

/// When `text[..end]` ends with a parenthesis, where the parenthesis opens.
fn parenthetical_before(text: &str, end: usize) -> Option<usize> {
    let close = text
        .get(..end)?
        .chars()
        .next_back()
        .filter(|c| CLOSE.contains(c))?;
    opening_bracket(text, end - close.len_utf8(), false)
}

fn opening_bracket(text: &str, at: usize, stop_at_title: bool) -> Option<usize> {
    for (i, c) in text
        .get(..at)?
        .char_indices()
        .rev()
        .take(MAX_PARENTHESIS_CHARS)
    {
        if OPEN.contains(&c) {
            return Some(i);
        }
        if CLOSE.contains(&c) || (stop_at_title && c == '》') || c == '\n' {
            return None;
        }
    }
    None
}

/// The short name after `以下简称`: `《条例》`, `“条例”`, `"条例"` or `「条例」`, after an optional `为` or colon.
fn alias_after(text: &str, pos: usize) -> Option<&str> {
    let mut pos = eat(text, pos, '为').unwrap_or(pos);
    pos = eat_any(text, pos, &['：', ':']).unwrap_or(pos);
    pos = skip_spaces(text, pos);
    let open = text.get(pos..)?.chars().next()?;
    let close = match open {
        '《' => '》',
        '“' => '”',
        '"' => '"',
        '「' => '」',
        _ => return None,
    };
    let body = text.get(pos + open.len_utf8()..)?;
    for (i, c) in body.char_indices().take(MAX_ALIAS_CHARS + 1) {
        if c == close {
            return body.get(..i).filter(|name| !name.trim().is_empty());
        }
        if c == '\n' || c == open {
            return None;
        }
    }
    None
}

/// When `text[..end]` ends with `close`, the position of its matching `open` and the name between.
fn enclosed_before(text: &str, end: usize, open: char, close: char) -> Option<(usize, &str)> {
    let inner = text.get(..end)?.strip_suffix(close)?;
    for (i, c) in inner.char_indices().rev().take(MAX_TITLE_CHARS) {
        if c == open {
            return Some((i, inner.get(i + c.len_utf8()..)?));
        }
        if c == close || c == '\n' {
            return None;
        }
    }
    None
}
