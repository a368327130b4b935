//! Pinyin for completion filtering, so `bygk` or `buyugongkai` finds 不予公开 without switching input
//! method. Readings come from the `pinyin` crate (the most common reading of each character); the few
//! template words where that reading is wrong are corrected here. Knows nothing of completion itself.

use pinyin::ToPinyin;

/// Words of the template whose characters the crate reads otherwise (重 is zhòng before 要, chóng in 重复).
const WORD_READINGS: &[(&str, &[&str])] =
    &[("重复", &["chong", "fu"]), ("重新", &["chong", "xin"])];

/// The plain syllables of the Chinese characters in `text`, in order; other characters are skipped.
/// ü is written `v`, as pinyin input methods type it.
fn syllables(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    'outer: while let Some(c) = rest.chars().next() {
        for (word, readings) in WORD_READINGS {
            if let Some(after) = rest.strip_prefix(word) {
                out.extend(readings.iter().map(|r| r.to_string()));
                rest = after;
                continue 'outer;
            }
        }
        if let Some(p) = c.to_pinyin() {
            out.push(p.plain().replace('ü', "v"));
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
    }
    out
}

/// First letters of each syllable: 不予公开 → `bygk`.
pub fn initials(text: &str) -> String {
    syllables(text)
        .iter()
        .filter_map(|s| s.chars().next())
        .collect()
}

/// The syllables run together: 不予公开 → `buyugongkai`.
pub fn full(text: &str) -> String {
    syllables(text).concat()
}

/// A label without its template numbering: `（三）不予公开` → `不予公开`, `1.属于国家秘密` → `属于国家秘密`,
/// `三、本年度办理结果` → `本年度办理结果`.
pub fn without_numbering(label: &str) -> &str {
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let t = label.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some((n, after)) = t.strip_prefix(open).and_then(|r| r.split_once(close))
            && !n.is_empty()
            && n.chars().all(numeral)
        {
            return after.trim_start();
        }
    }
    let after = t.trim_start_matches(numeral);
    if after.len() < t.len() {
        for mark in ['、', '.', '．'] {
            if let Some(rest) = after.strip_prefix(mark) {
                return rest.trim_start();
            }
        }
    }
    t
}

/// What a client filters on: the label, then the initials and the full pinyin of its text without
/// the numbering.
pub fn filter_text(label: &str) -> String {
    let bare = without_numbering(label);
    format!("{label} {} {}", initials(bare), full(bare))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_full_pinyin() {
        assert_eq!(initials("不予公开"), "bygk");
        assert_eq!(full("不予公开"), "buyugongkai");
        assert_eq!(initials("逾期"), "yq");
        assert_eq!(full("逾期"), "yuqi");
    }

    #[test]
    fn heteronyms_read_as_the_template_means_them() {
        assert_eq!(initials("行政"), "xz");
        assert_eq!(full("行政许可"), "xingzhengxuke");
        assert_eq!(full("重复申请"), "chongfushenqing");
        assert_eq!(
            initials("要求行政机关确认或重新出具已获取信息"),
            "yqxzjgqrhcxcjyhqxx"
        );
        assert_eq!(full("结转"), "jiezhuan");
        assert_eq!(full("法律服务机构"), "falvfuwujigou");
    }

    #[test]
    fn numbering_is_dropped_before_the_pinyin() {
        assert_eq!(without_numbering("（三）不予公开"), "不予公开");
        assert_eq!(without_numbering("(三)不予公开"), "不予公开");
        assert_eq!(without_numbering("1.属于国家秘密"), "属于国家秘密");
        assert_eq!(without_numbering("三、本年度办理结果"), "本年度办理结果");
        assert_eq!(without_numbering("规章"), "规章");
        assert_eq!(
            filter_text("（三）不予公开"),
            "（三）不予公开 bygk buyugongkai"
        );
    }
}
