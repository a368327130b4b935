//! Splits one line into cells according to its layout (SPEC §2): L1 flattened cells, L2 Markdown
//! pipes, L3 tabs, L4 HTML table markup, L5 / prose as whitespace-separated fields. Line-local
//! except for HTML, whose open-cell state is carried from line to line by [`HtmlState`].

use super::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// L1: one cell per line, ending with ` |`; lines of only `|` carry nothing.
    Flat,
    /// L2: `| a | b |`.
    Pipe,
    /// L3: tab-separated.
    Tab,
    /// L4: `<td>` cells.
    Html,
    /// L5 rows and prose: a label followed by numbers separated by spaces.
    Plain,
}

impl Layout {
    /// Whether one line is one table row, so that a row opened on it ends with it.
    pub fn is_row_based(self) -> bool {
        matches!(self, Layout::Pipe | Layout::Tab | Layout::Html)
    }
}

/// One thing a line holds, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A cell's trimmed text (absolute span); an empty span is an empty cell.
    Cell(Span),
    /// A line holding only `|` in L1: a blank cell inside a row that still lacks cells, or the
    /// row's end once it has them (only the template knows which, so the reader decides).
    SoftBlank(usize),
    /// The end of a table row (`</tr>`, the end of a pipe or tab row); HTML may end several on one line.
    RowEnd,
    /// HTML text outside any table cell: a paragraph or heading of its own.
    Block(Span),
}

/// What a line holds.
#[derive(Debug, Default)]
pub struct LineCells {
    pub pieces: Vec<Piece>,
}

impl LineCells {
    fn cell(&mut self, span: Span) {
        self.pieces.push(Piece::Cell(span));
    }

    fn row_end(&mut self) {
        if self.pieces.last() != Some(&Piece::RowEnd) {
            self.pieces.push(Piece::RowEnd);
        }
    }

    /// The cells' spans (for tests and simple callers).
    pub fn cells(&self) -> impl Iterator<Item = &Span> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Cell(s) => Some(s),
            _ => None,
        })
    }
}

/// HTML cells may span lines; this carries an open `<td>` over line breaks.
#[derive(Debug, Default, Clone)]
pub struct HtmlState {
    open_cell: Option<(usize, usize)>,
    pub in_table: bool,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}'
}

/// Trims whitespace (including U+3000) from both ends of `line[start..end]`.
pub fn trim(line: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(field) = line.get(start..end) else {
        return (start, end);
    };
    let rest = field.trim_start_matches(is_space);
    let s = end - rest.len();
    (s, s + rest.trim_end_matches(is_space).len())
}

pub fn looks_like_html(line: &str) -> bool {
    let b = line.as_bytes();
    memchr::memchr(b'<', b).is_some() && {
        let lower = line.to_ascii_lowercase();
        [
            "<td", "<th", "<tr", "</td", "</th", "</tr", "<table", "</table",
        ]
        .iter()
        .any(|t| lower.contains(t))
    }
}

/// Splits `line` (starting at byte `base` of the report) into cells.
#[cfg(test)]
pub fn split(line: &str, base: usize, html: &mut HtmlState) -> (Layout, LineCells) {
    let mut out = LineCells::default();
    let layout = split_into(line, base, html, &mut out);
    (layout, out)
}

/// [`split`] into a reused buffer (the batch path splits millions of lines).
pub fn split_into(line: &str, base: usize, html: &mut HtmlState, out: &mut LineCells) -> Layout {
    out.pieces.clear();
    if html.open_cell.is_none()
        && let Some(layout) = quick_flat(line.as_bytes(), base, out)
    {
        return layout;
    }
    if html.open_cell.is_some() || looks_like_html(line) {
        split_html(line, base, html, out);
        return Layout::Html;
    }
    let (ts, te) = trim(line, 0, line.len());
    let trimmed = line.get(ts..te).unwrap_or_default();
    // U+FF5C is EF BD 9C: look for its lead byte first (rare in these reports).
    let has_wide_pipe =
        memchr::memchr(0xEF, trimmed.as_bytes()).is_some() && trimmed.contains('｜');
    let only_pipes = if has_wide_pipe {
        trimmed
            .chars()
            .all(|c| c == '|' || c == '｜' || is_space(c))
    } else {
        trimmed.bytes().all(|b| b == b'|' || b == b' ')
    };
    if !trimmed.is_empty() && only_pipes {
        // L1 marks empty or merged cells with lines of pipes; a single pipe may be a blank cell.
        if trimmed.len() == 1 {
            out.pieces.push(Piece::SoftBlank(base + ts));
        }
        return Layout::Flat;
    }
    let content = trimmed.trim_end_matches(['|', '｜', ' ', '\u{3000}']);
    let interior_pipe = memchr::memchr(b'|', content.as_bytes()).is_some()
        || (has_wide_pipe && content.contains('｜'));
    if trimmed.starts_with('|') || trimmed.starts_with('｜') || interior_pipe {
        // L2, or a web row `label | n | n |` without its leading pipe (R1).
        let mut cells = Vec::new();
        split_on(line, base, '|', &mut cells);
        // Outer pipes leave an empty first and last piece that are not cells.
        if (trimmed.starts_with('|') || trimmed.starts_with('｜'))
            && cells.first().is_some_and(|c| c.is_empty())
        {
            cells.remove(0);
        }
        if (trimmed.ends_with('|') || trimmed.ends_with('｜'))
            && cells.last().is_some_and(|c| c.is_empty())
        {
            cells.pop();
        }
        let separator = !cells.is_empty()
            && cells.iter().all(|c| {
                line.get(c.start - base..c.end - base).is_some_and(|t| {
                    !t.is_empty() && t.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
                })
            });
        if !separator {
            out.pieces.extend(cells.into_iter().map(Piece::Cell));
            out.row_end();
        }
        return Layout::Pipe;
    }
    if trimmed.ends_with('|') || trimmed.ends_with('｜') {
        // L1: the cell is the text before the trailing pipe(s).
        if !content.is_empty() {
            let (s, e) = trim(line, ts, ts + content.len());
            out.cell(base + s..base + e);
        }
        return Layout::Flat;
    }
    if memchr::memchr(b'\t', line.as_bytes()).is_some() {
        let mut cells = Vec::new();
        split_on(line, base, '\t', &mut cells);
        while cells.last().is_some_and(|c| c.is_empty()) {
            cells.pop();
        }
        out.pieces.extend(cells.into_iter().map(Piece::Cell));
        out.row_end();
        return Layout::Tab;
    }
    split_plain(line, base, out);
    Layout::Plain
}

/// L1's two commonest lines, `123 |` and `|||`, recognised byte by byte without the general path.
fn quick_flat(b: &[u8], base: usize, out: &mut LineCells) -> Option<Layout> {
    // The end of the run of bytes from `from` that `f` accepts.
    fn run(b: &[u8], from: usize, f: impl Fn(u8) -> bool) -> usize {
        from + b
            .get(from..)
            .map_or(0, |rest| rest.iter().take_while(|&&c| f(c)).count())
    }
    let digits = run(b, 0, |c| c == b' ');
    let digits_end = run(b, digits, |c| c.is_ascii_digit());
    let pipes = run(b, digits_end, |c| c == b' ');
    let i = run(b, pipes, |c| c == b'|');
    if i == pipes {
        return None;
    }
    let pipe_count = i - pipes;
    if run(b, i, |c| matches!(c, b' ' | b'\r' | b'\n')) != b.len() {
        return None;
    }
    if digits_end > digits {
        out.cell(base + digits..base + digits_end);
    } else if digits_end != pipes {
        return None;
    } else if pipe_count == 1 {
        out.pieces.push(Piece::SoftBlank(base + pipes));
    }
    Some(Layout::Flat)
}

fn split_on(line: &str, base: usize, sep: char, out: &mut Vec<Span>) {
    let mut push = |start: usize, end: usize| {
        let (s, e) = trim(line, start, end);
        out.push(base + s..base + e);
    };
    let mut start = 0;
    if sep == '|' && line.contains('｜') {
        for (i, c) in line.char_indices() {
            if c == '|' || c == '｜' {
                push(start, i);
                start = i + c.len_utf8();
            }
        }
    } else {
        // Both separators are ASCII, so a byte search finds them (never inside a multi-byte char).
        for i in memchr::memchr_iter(sep as u8, line.as_bytes()) {
            push(start, i);
            start = i + 1;
        }
    }
    push(start, line.len());
}

/// A page number between table rows in PDF text (`- 4 -`, `-4-`, `— 12 —`): page furniture.
fn is_page_number(t: &str) -> bool {
    let mut digits = 0;
    let mut dashes = 0;
    for c in t.chars() {
        match c {
            '0'..='9' => digits += 1,
            '-' | '－' | '—' | '–' => dashes += 1,
            c if is_space(c) => {}
            _ => return false,
        }
    }
    digits > 0 && digits <= 4 && dashes >= 2
}

/// A field that stands where a value belongs: a number, a placeholder, or a figure with text
/// attached (`7件`, `3119件`) that the reader reports as unreadable rather than as part of the label.
/// A numbering such as `1.属于…` or `2、其他` starts a label, not a value.
pub fn is_cell_like(field: &str) -> bool {
    let b = field.as_bytes();
    // The common cases first: a plain count, and a label (which starts with a CJK character or
    // a bracket, never with a digit, sign or placeholder).
    if !b.is_empty() && b.len() <= 15 && b.iter().all(u8::is_ascii_digit) {
        return true;
    }
    if b.first().is_some_and(|&c| c >= 0xE0 && c != 0xEF)
        && !field.starts_with(['—', '–', '−', '无'])
    {
        return false;
    }
    if super::value::is_value_like(field) {
        return true;
    }
    let mut chars = field.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !(first.is_ascii_digit() || ('０'..='９').contains(&first)) {
        return false;
    }
    let figure = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let after_digits = field.trim_start_matches(figure);
    let mut after = after_digits.chars();
    if after
        .next()
        .is_some_and(|c| matches!(c, '.' | '、' | '．' | '。' | ','))
        && !after.as_str().starts_with(figure)
    {
        return false;
    }
    // A figure with a short unit (`7件`, `251000元`, `3.5万元`); a sentence that starts with a
    // year (`2025年以来，…`) is no cell.
    let unit = after_digits.trim_start_matches(|c: char| figure(c) || c == '.');
    unit.chars().count() <= 3
        && !unit
            .chars()
            .any(|c| c.is_ascii_punctuation() || "，。；：、（）".contains(c))
}

/// Whitespace-separated fields; the fields before the trailing run of value-like fields are joined
/// into one label cell.
fn split_plain(line: &str, base: usize, out: &mut LineCells) {
    // Most plain lines are prose: when the last field is no value, the line is one cell.
    let (ts, te) = trim(line, 0, line.len());
    let trimmed = line.get(ts..te).unwrap_or_default();
    if trimmed.is_empty() {
        return;
    }
    // Prose (most plain lines) ends a clause with punctuation: one cell, without looking for
    // fields in a long line. A figure ends in a digit, a placeholder or a short unit.
    if trimmed
        .chars()
        .next_back()
        .is_some_and(|c| "。，；：、！？）”》…".contains(c))
    {
        out.cell(base + ts..base + te);
        return;
    }
    if is_page_number(trimmed) {
        return;
    }
    let last_field = trimmed.rsplit(is_space).next().unwrap_or(trimmed);
    if !is_cell_like(last_field) {
        out.cell(base + ts..base + te);
        return;
    }
    let mut fields: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in line.char_indices() {
        if is_space(c) {
            if let Some(s) = start.take() {
                fields.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        fields.push((s, line.len()));
    }
    let values_from = fields
        .iter()
        .rposition(|&(s, e)| !line.get(s..e).is_some_and(is_cell_like))
        .map_or(0, |i| i + 1);
    let (label, values) = fields.split_at_checked(values_from).unwrap_or_default();
    if let (Some(first), Some(last)) = (label.first(), label.last()) {
        out.cell(base + first.0..base + last.1);
    }
    for &(s, e) in values {
        out.cell(base + s..base + e);
    }
}

/// Block-level elements: outside a table cell, each starts a paragraph or heading of its own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "title"
            | "section"
            | "article"
            | "body"
            | "head"
            | "ul"
            | "ol"
            | "hr"
    )
}

fn split_html(line: &str, base: usize, st: &mut HtmlState, out: &mut LineCells) {
    let mut i = 0;
    // Visible text bounds on this line: inside the open cell, or outside any cell (a heading).
    let mut text_bounds: Option<(usize, usize)> = st.open_cell.map(|_| (usize::MAX, 0));
    let mut outside = (usize::MAX, 0);
    while i < line.len() {
        let rest = line.get(i..).unwrap_or_default();
        if rest.starts_with('<') {
            let end = memchr::memchr(b'>', rest.as_bytes()).map_or(line.len(), |j| i + j + 1);
            let tag = line
                .get(i + 1..end.saturating_sub(1))
                .unwrap_or("")
                .to_ascii_lowercase();
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let closing = tag.starts_with('/');
            if matches!(name.as_str(), "td" | "th" | "tr" | "table")
                || (st.open_cell.is_none() && is_block(&name))
            {
                flush_outside(&mut outside, base, out);
            }
            match (name.as_str(), closing) {
                ("td" | "th", false) => {
                    close_cell(st, &mut text_bounds, base, out);
                    st.open_cell = Some((0, 0));
                    text_bounds = Some((usize::MAX, 0));
                }
                ("td" | "th", true) => close_cell(st, &mut text_bounds, base, out),
                ("tr", _) => {
                    close_cell(st, &mut text_bounds, base, out);
                    if closing {
                        out.row_end();
                    }
                }
                ("table", c) => {
                    close_cell(st, &mut text_bounds, base, out);
                    st.in_table = !c;
                    out.row_end();
                }
                _ => {}
            }
            i = end;
            continue;
        }
        let ch = rest.chars().next().unwrap_or(' ');
        let len = ch.len_utf8();
        if ch == '&'
            && let Some(j) = rest.find(';').filter(|&j| j <= 8)
        {
            i += j + 1;
            continue;
        }
        if !is_space(ch) {
            let bounds = match text_bounds.as_mut() {
                Some(b) => b,
                None => &mut outside,
            };
            bounds.0 = bounds.0.min(i);
            bounds.1 = i + len;
        }
        i += len;
    }
    flush_outside(&mut outside, base, out);
    // An open cell continues on the next line; keep what it has so far.
    if let (Some(_), Some((s, e))) = (st.open_cell, text_bounds)
        && s != usize::MAX
    {
        st.open_cell = Some((base + s, base + e));
    }
}

/// Text between tables' cells (a heading, a paragraph) is a block of its own.
fn flush_outside(outside: &mut (usize, usize), base: usize, out: &mut LineCells) {
    if outside.0 != usize::MAX {
        out.pieces
            .push(Piece::Block(base + outside.0..base + outside.1));
    }
    *outside = (usize::MAX, 0);
}

fn close_cell(
    st: &mut HtmlState,
    bounds: &mut Option<(usize, usize)>,
    base: usize,
    out: &mut LineCells,
) {
    let Some(carried) = st.open_cell.take() else {
        return;
    };
    let here = bounds
        .take()
        .filter(|b| b.0 != usize::MAX)
        .map(|(s, e)| (base + s, base + e));
    let span = match (carried, here) {
        ((0, 0), Some((s, e))) => s..e,
        ((cs, _), Some((_, e))) if cs != 0 => cs..e,
        ((cs, ce), None) if cs != 0 => cs..ce,
        _ => base..base,
    };
    out.cell(span);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(line: &str) -> (Layout, Vec<&str>, bool) {
        let mut st = HtmlState::default();
        let (layout, lc) = split(line, 0, &mut st);
        (
            layout,
            lc.cells().map(|c| &line[c.clone()]).collect(),
            lc.pieces.contains(&Piece::RowEnd),
        )
    }

    #[test]
    fn flat_cells() {
        assert_eq!(
            cells("(一)予以公开 |"),
            (Layout::Flat, vec!["(一)予以公开"], false)
        );
        assert_eq!(cells("|||"), (Layout::Flat, vec![], false));
        assert_eq!(cells("8 |"), (Layout::Flat, vec!["8"], false));
    }

    #[test]
    fn pipe_rows() {
        assert_eq!(
            cells("| 规章 | 0 |  | 3 |"),
            (Layout::Pipe, vec!["规章", "0", "", "3"], true)
        );
        assert_eq!(cells("| --- | :---: |"), (Layout::Pipe, vec![], false));
    }

    #[test]
    fn tab_rows() {
        assert_eq!(
            cells("规章\t0\t1\t2"),
            (Layout::Tab, vec!["规章", "0", "1", "2"], true)
        );
    }

    #[test]
    fn plain_rows_join_the_label() {
        assert_eq!(
            cells("（三）不予公开 1.属于国家秘密 0 0 1"),
            (
                Layout::Plain,
                vec!["（三）不予公开 1.属于国家秘密", "0", "0", "1"],
                false
            )
        );
        assert_eq!(cells("0 0 0"), (Layout::Plain, vec!["0", "0", "0"], false));
        assert_eq!(
            cells("共收到申请 8 件"),
            (Layout::Plain, vec!["共收到申请 8 件"], false)
        );
    }

    #[test]
    fn html_cells_with_entities_and_nested_tags() {
        let (l, c, end) =
            cells("<tr><td rowspan=\"2\"><p>规章</p></td><td>&nbsp;</td><td> 3 </td></tr>");
        assert_eq!((l, c, end), (Layout::Html, vec!["规章", "", "3"], true));
    }

    #[test]
    fn html_cell_over_two_lines() {
        let mut st = HtmlState::default();
        let a = "<tr><td>（二）部分公开";
        let b = "（区分处理的）</td><td>0</td></tr>";
        let (_, first) = split(a, 0, &mut st);
        assert_eq!(first.cells().count(), 0);
        let (_, second) = split(b, a.len() + 1, &mut st);
        let text = format!("{a}\n{b}");
        let got: Vec<&str> = second.cells().map(|c| &text[c.clone()]).collect();
        assert_eq!(got, vec!["（二）部分公开\n（区分处理的）", "0"]);
    }

    #[test]
    fn web_rows_without_a_leading_pipe_are_split() {
        assert_eq!(
            cells("规章 | 0 | 0 | 0 |"),
            (Layout::Pipe, vec!["规章", "0", "0", "0"], true)
        );
        // A row whose closing pipe went to the next line, and that line.
        assert_eq!(
            cells("规章 | 0 | 0 | 0"),
            (Layout::Pipe, vec!["规章", "0", "0", "0"], true)
        );
        assert_eq!(cells("|"), (Layout::Flat, vec![], false));
        // One cell with its L1 pipe stays L1.
        assert_eq!(
            cells("第二十条第(一)项 |"),
            (Layout::Flat, vec!["第二十条第(一)项"], false)
        );
    }

    #[test]
    fn a_lone_pipe_is_a_soft_blank_and_more_pipes_are_filler() {
        let mut st = HtmlState::default();
        assert_eq!(split("|", 5, &mut st).1.pieces, vec![Piece::SoftBlank(5)]);
        assert!(split("||", 0, &mut st).1.pieces.is_empty());
    }

    #[test]
    fn page_numbers_are_furniture_and_figures_with_units_are_cells() {
        assert_eq!(cells("- 4 -"), (Layout::Plain, vec![], false));
        assert_eq!(cells("-4-"), (Layout::Plain, vec![], false));
        assert_eq!(
            cells("一、本年新收政府信息公开申请数量 7件 0 0"),
            (
                Layout::Plain,
                vec!["一、本年新收政府信息公开申请数量", "7件", "0", "0"],
                false
            )
        );
        assert!(is_cell_like("251000元"));
        assert!(is_cell_like("96171.6"));
        assert!(!is_cell_like("1.属于国家秘密"));
        assert!(!is_cell_like("2、其他"));
        assert!(!is_cell_like("2025年以来，我镇严格按照"));
    }

    #[test]
    fn a_whole_article_on_one_line_keeps_its_blocks_and_rows() {
        let line = "<p><strong>&nbsp;一、总体情况</strong>&nbsp;</p><p>正文。</p><table><tr><td>规章</td><td>0</td></tr><tr><td>行政许可</td><td>5</td></tr></table>";
        let mut st = HtmlState::default();
        let (layout, lc) = split(line, 0, &mut st);
        assert_eq!(layout, Layout::Html);
        let shown: Vec<String> = lc
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Cell(s) => format!("cell {}", &line[s.clone()]),
                Piece::Block(s) => format!("block {}", &line[s.clone()]),
                Piece::RowEnd => "end".to_string(),
                Piece::SoftBlank(_) => "soft".to_string(),
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                "block 一、总体情况",
                "block 正文。",
                "end",
                "cell 规章",
                "cell 0",
                "end",
                "cell 行政许可",
                "cell 5",
                "end"
            ]
        );
    }
}
