//! Label normalisation: the forms that are the same label to a reader (full/half width, spaces,
//! quote styles) map to one key. Anything that survives normalisation and still differs is a
//! different label, reported by `label/nonstandard` rather than silently accepted.

/// Maps one character to its normal form, or `None` when it carries no meaning for matching.
#[inline]
pub fn normal_char(c: char) -> Option<char> {
    match c {
        // Spaces of every width, including the ideographic space U+3000.
        // Line breaks too: a label wrapped over lines (PDF text, a cell of several paragraphs) is one label.
        ' '
        | '\t'
        | '\n'
        | '\r'
        | '\u{3000}'
        | '\u{00A0}'
        | '\u{2002}'..='\u{200B}'
        | '\u{FEFF}' => None,
        // Quote styles: “三安全一稳定” and "三安全一稳定" are the same label.
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '＂' | '＇' => {
            None
        }
        // Full-width ASCII forms (（ ） ： ， １ ．) fold to ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21),
        '。' => Some('.'),
        '—' | '–' => Some('-'),
        _ => Some(c),
    }
}

/// Numbering punctuation carries no meaning: `3、其他`, `3．其他` and `3. 其他` are `3.其他` (R5).
/// Applies to a digit run standing at the start of a label or after a non-digit.
pub fn fold_numbering(chars: &mut [char]) {
    let mut after_digit = false;
    let mut chars = chars.iter_mut().peekable();
    while let Some(c) = chars.next() {
        let digit = c.is_ascii_digit();
        if *c == '、' && after_digit && chars.peek().is_some_and(|n| !n.is_ascii_digit()) {
            *c = '.';
        }
        after_digit = digit;
    }
}

/// The matching key of a label.
pub fn normalize(text: &str) -> String {
    let mut chars: Vec<char> = text.chars().filter_map(normal_char).collect();
    fold_numbering(&mut chars);
    chars.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_label(a: &str, b: &str) -> bool {
        normalize(a) == normalize(b)
    }

    #[test]
    fn width_space_and_quotes_fold() {
        assert_eq!(normalize("（一）予以公开"), normalize("(一)予以公开"));
        assert_eq!(
            normalize("3.危及“三安全一稳定”"),
            normalize("3.危及\"三安全 一稳定\"")
        );
        assert_eq!(normalize("１．属于国家秘密"), "1.属于国家秘密");
        assert_eq!(
            normalize("本年收费金额（单位：万元）"),
            "本年收费金额(单位:万元)"
        );
        assert!(same_label("一、\u{3000}总体情况", "一、总体情况"));
    }

    #[test]
    fn real_differences_survive() {
        assert!(!same_label("预期不补正", "逾期不补正"));
        assert!(!same_label("1.属于国家机密", "1.属于国家秘密"));
    }

    #[test]
    fn numbering_punctuation_folds() {
        assert!(same_label("1、属于国家秘密", "1.属于国家秘密"));
        assert!(same_label("3. 其他", "3.其他"));
        assert!(same_label("3．其他", "3.其他"));
        // A 、 between words is punctuation of the label itself.
        assert!(!same_label("行政复议、行政诉讼", "行政复议.行政诉讼"));
    }
}
