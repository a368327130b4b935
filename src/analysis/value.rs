//! Reading a value cell: counts, amounts, placeholders for "no value", or text.

use super::model::Value;

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Placeholders that mean the cell is empty (SPEC §2).
fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '-' | '—' | '－' | '–' | '/' | '／'))
        || t == "无"
}

/// Parses a cell: an optional sign, ASCII or full-width digits (with `,` between thousands), an optional decimal part.
pub fn parse(text: &str) -> Value {
    // Fast path: plain ASCII digits, the vast majority of cells.
    let b = text.as_bytes();
    if !b.is_empty() && b.len() <= 15 && b.iter().all(u8::is_ascii_digit) {
        return Value::Int(
            b.iter()
                .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0')),
        );
    }
    // Labels reach here too: text that cannot start a number or a placeholder is text.
    let first = text.trim_start().chars().next();
    if !first.is_some_and(|c| {
        digit(c).is_some() || matches!(c, '-' | '－' | '−' | '—' | '–' | '/' | '／' | '无')
    }) {
        return if first.is_none() {
            Value::Missing
        } else {
            Value::Text
        };
    }
    if is_placeholder(text) {
        return Value::Missing;
    }
    let mut chars = text.trim().chars().peekable();
    let negative = matches!(chars.peek(), Some('-' | '－' | '−'));
    if negative {
        chars.next();
    }
    let (mut int, mut frac, mut frac_div) = (0i64, 0i64, 1i64);
    let (mut digits, mut in_frac, mut ok) = (0, false, true);
    for c in chars {
        if let Some(d) = digit(c) {
            digits += 1;
            if digits > 15 {
                ok = false;
                break;
            }
            if in_frac {
                frac = frac * 10 + d as i64;
                frac_div *= 10;
            } else {
                int = int * 10 + d as i64;
            }
        } else if (c == '.' || c == '．') && !in_frac && digits > 0 {
            in_frac = true;
        } else if (c == ',' || c == '，') && !in_frac && digits > 0 {
        } else {
            ok = false;
            break;
        }
    }
    if !ok || digits == 0 {
        return Value::Text;
    }
    let sign = if negative { -1 } else { 1 };
    if in_frac && frac != 0 {
        Value::Decimal(sign as f64 * (int as f64 + frac as f64 / frac_div as f64))
    } else {
        Value::Int(sign * int)
    }
}

/// A field that belongs in a value position: a number or a placeholder.
pub fn is_value_like(text: &str) -> bool {
    !matches!(parse(text), Value::Text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(parse("52425"), Value::Int(52425));
        assert_eq!(parse("５２"), Value::Int(52));
        assert_eq!(parse("1,234"), Value::Int(1234));
        assert_eq!(parse("-3"), Value::Int(-3));
        assert_eq!(parse("2.50"), Value::Decimal(2.5));
        assert_eq!(parse("7.0"), Value::Int(7));
        assert_eq!(parse("—"), Value::Missing);
        assert_eq!(parse("无"), Value::Missing);
        assert_eq!(parse(""), Value::Missing);
        assert_eq!(parse("八"), Value::Text);
        assert_eq!(parse("8件"), Value::Text);
        assert_eq!(parse("99999999999999999999"), Value::Text);
    }
}
