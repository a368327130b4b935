//! Numerals as citations write them: Chinese (二十, 五十六, 一百零五) and Arabic (20, full-width ２０).
//! Knows nothing of the regulation or of what is being numbered.

const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The Chinese numeral for `n` as the regulation writes article numbers: 20 → 二十, 56 → 五十六, 10 → 十,
/// 105 → 一百零五. Numbers of five digits or more fall back to Arabic digits.
pub fn cn_numeral(n: u16) -> String {
    let digit = |d: u16| CN_DIGITS.get(usize::from(d % 10)).copied().unwrap_or('零');
    let mut out = String::new();
    match n {
        0..=9 => out.push(digit(n)),
        10..=99 => {
            // 十一, not 一十一: the leading 一 is dropped only when tens lead the number.
            if n >= 20 {
                out.push(digit(n / 10));
            }
            out.push('十');
            if !n.is_multiple_of(10) {
                out.push(digit(n));
            }
        }
        100..=9999 => {
            let units = [(1000, '千'), (100, '百'), (10, '十'), (1, '\0')];
            let mut zero_pending = false;
            let mut started = false;
            for (value, unit) in units {
                let d = (n / value) % 10;
                if d == 0 {
                    zero_pending = started;
                    continue;
                }
                if zero_pending {
                    out.push('零');
                    zero_pending = false;
                }
                out.push(digit(d));
                if unit != '\0' {
                    out.push(unit);
                }
                started = true;
            }
        }
        _ => out.push_str(&n.to_string()),
    }
    out
}

/// The value of a whole string that is one numeral (Chinese or Arabic); `None` for anything else or zero.
pub fn parse_numeral(s: &str) -> Option<u16> {
    match parse_numeral_prefix(s) {
        Some((value, len)) if len == s.len() => Some(value),
        _ => None,
    }
}

/// The numeral at the start of `s`: its value and its length in bytes. `None` when `s` does not start
/// with a non-zero numeral that fits in `u16`.
pub fn parse_numeral_prefix(s: &str) -> Option<(u16, usize)> {
    let first = s.chars().next()?;
    let (value, len) = if arabic_digit(first).is_some() {
        arabic_prefix(s)?
    } else {
        chinese_prefix(s)?
    };
    let value = u16::try_from(value).ok().filter(|v| *v > 0)?;
    Some((value, len))
}

fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

fn arabic_prefix(s: &str) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut len = 0;
    for c in s.chars() {
        let Some(d) = arabic_digit(c) else { break };
        value = value.checked_mul(10)?.checked_add(d)?;
        if value > u32::from(u16::MAX) {
            return None;
        }
        len += c.len_utf8();
    }
    Some((value, len))
}

fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '〇' => Some(0),
        _ => CN_DIGITS.iter().position(|d| *d == c).map(|p| p as u32),
    }
}

fn chinese_unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// Reads the standard form (units strictly falling, 零 between groups) and stops at the first character
/// that would break it, so `第二二条` or `第一百二条` leave text the caller will not accept as a citation.
fn chinese_prefix(s: &str) -> Option<(u32, usize)> {
    let mut total = 0;
    let mut last_unit = 10_000;
    // A digit read but not yet multiplied by a unit, with the byte length up to and including it.
    let mut pending: Option<(u32, usize)> = None;
    let mut after_zero = false;
    // Byte length of the accepted numeral so far (excluding a pending digit or a dangling 零).
    let mut accepted = 0;
    let mut pos = 0;
    for c in s.chars() {
        let next = pos + c.len_utf8();
        if let Some(d) = chinese_digit(c) {
            if pending.is_some() {
                break;
            }
            if d == 0 {
                if total == 0 || after_zero {
                    break;
                }
                after_zero = true;
            } else {
                pending = Some((d, next));
            }
        } else if let Some(unit) = chinese_unit(c) {
            if unit >= last_unit {
                break;
            }
            let digit = match pending.take() {
                Some((d, _)) => d,
                // 十五 means 15; a bare 百 or 千 is not how citations are written.
                None if total == 0 && unit == 10 => 1,
                None => break,
            };
            total += digit * unit;
            last_unit = unit;
            after_zero = false;
            accepted = next;
        } else {
            break;
        }
        pos = next;
    }
    // A trailing digit is a unit digit only right after 十 or 零 (or alone): 一百二 is not 102.
    if let Some((d, end)) = pending
        && (total == 0 || last_unit == 10 || after_zero)
    {
        total += d;
        accepted = end;
    }
    (accepted > 0).then_some((total, accepted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals_round_trip() {
        for n in 1..=2000u16 {
            let text = cn_numeral(n);
            assert_eq!(parse_numeral(&text), Some(n), "{n} → {text}");
        }
    }

    #[test]
    fn writes_numerals_the_regulation_way() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (56, "五十六"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1009, "一千零九"),
            (1010, "一千零一十"),
            (12345, "12345"),
        ];
        for (n, text) in cases {
            assert_eq!(cn_numeral(n), text);
        }
    }

    #[test]
    fn reads_arabic_numerals_in_both_widths() {
        assert_eq!(parse_numeral("20"), Some(20));
        assert_eq!(parse_numeral("２０"), Some(20));
        assert_eq!(parse_numeral("5"), Some(5));
        assert_eq!(parse_numeral("65535"), Some(65535));
        assert_eq!(parse_numeral("65536"), None);
        assert_eq!(parse_numeral("0"), None);
        assert_eq!(parse_numeral_prefix("711号"), Some((711, 3)));
    }

    #[test]
    fn stops_where_the_numeral_stops() {
        assert_eq!(parse_numeral_prefix("二十条"), Some((20, 6)));
        assert_eq!(parse_numeral_prefix("二二条"), Some((2, 3)));
        assert_eq!(parse_numeral_prefix("一百二条"), Some((100, 6)));
        assert_eq!(parse_numeral_prefix("一百零条"), Some((100, 6)));
        assert_eq!(parse_numeral_prefix("十十"), Some((10, 3)));
        assert_eq!(parse_numeral_prefix("百"), None);
        assert_eq!(parse_numeral_prefix("零"), None);
        assert_eq!(parse_numeral_prefix("条"), None);
        assert_eq!(parse_numeral_prefix(""), None);
        assert_eq!(parse_numeral("二十一"), Some(21));
        assert_eq!(parse_numeral("二十一条"), None);
    }
}
