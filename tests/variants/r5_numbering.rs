//! R5 numbering and punctuation: L1 as the example, with the spellings real reports mix — `1、` `2. `
//! `3．` for `1.`, `（一）` beside `(一)`, ASCII quotes, stray ASCII and U+3000 spaces inside labels
//! (`商业 企业`, as the archived web-longgang page shows) and around figures (` 7`, as web-hld).
//!
//! All of these are normalised away: the report reads and is judged exactly as the example.

use super::example::Example;
use super::{Variant, l1};

pub fn generate(example: &Example) -> Variant {
    let mut ex = example.clone();
    for (id, label) in [
        (2, "行政 许可"),
        (8, "（一）予以公开"),
        (10, "1、属于国家秘密"),
        (11, "2. 其他法律行政法规禁止公开"),
        (12, "3．危及\"三安全一稳定\""),
        (13, "4.保护第三方 合法权益"),
        (20, "3. 补正后申请内容仍不明确"),
        (23, "3．要求提供公开出版物"),
        (28, "3、其他"),
    ] {
        ex.row_mut(id).label = label.to_string();
    }
    ex.row_mut(10).groups = vec!["（三）不予公开".to_string()];
    ex.requests_header[5].text = "商业 企业".to_string();
    ex.requests_header[6].text = "科研\u{3000}机构".to_string();
    for (id, col, spaced) in [
        (2, 0, " {} "),
        (8, 0, " {}"),
        (6, 6, " {}"),
        (29, 6, "{}  "),
    ] {
        let v = &mut ex.row_mut(id).values[col];
        *v = spaced.replace("{}", v);
    }
    Variant::plain(l1::render(&ex), ex)
}
