//! R7 heading variants: the example under its title with headings as real reports write them — the
//! 2019 wordings of 四 and 五 (as web-weihai-wendeng prints them), Markdown `##` and `**…**`, and
//! 总体情况 without its numbering. All are accepted without a finding.
//!
//! [`improvement_measures`]: 五 as `五、存在的主要问题及改进措施`, a wording no format has, which is
//! one `label/nonstandard` on that heading.

use super::example::Example;
use super::{Extra, Mark, TITLE, Variant, l1};

pub fn generate(example: &Example) -> Variant {
    let mut ex = example.clone();
    ex.before = vec![TITLE.to_string()];
    for (i, heading) in [
        "总体情况",
        "## 二、主动公开政府信息情况",
        "**三、收到和处理政府信息公开申请情况**",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "## 六、其他需要报告的事项",
    ]
    .into_iter()
    .enumerate()
    {
        ex.sections[i].heading = heading.to_string();
    }
    Variant::plain(l1::render(&ex), ex)
}

pub fn improvement_measures(example: &Example) -> Variant {
    let mut ex = example.clone();
    ex.sections[4].heading = "五、存在的主要问题及改进措施".to_string();
    let doc = l1::render(&ex);
    let extra = vec![Extra {
        code: "label/nonstandard",
        within: doc.range(Mark::Heading(4)),
        states: None,
    }];
    Variant {
        extra,
        ..Variant::plain(doc, ex)
    }
}
