//! R8 page furniture: the example as a saved web page gives it (web-wuhan-donghu, web-hld,
//! web-houqi): a breadcrumb, the title, 字号 / 发布时间 / 来源 / 打印 lines, the title again, the
//! report, then the page footer.
//!
//! The repeated title does not start a second report: one report, read and judged as the example.

use super::example::Example;
use super::{Doc, TITLE, Variant, l1};

pub fn generate(example: &Example) -> Variant {
    let ex = example.clone();
    let mut d = Doc::new("\n");
    for line in [
        "首页 > 政务公开 > 政府信息公开年报",
        TITLE,
        "字号：大 中 小",
        "发布时间：2025-01-20",
        "来源：东胜区行政审批政务服务与数据管理局",
        "打印 关闭",
        "",
        TITLE,
    ] {
        d.line(line);
    }
    l1::write(&mut d, &ex);
    for line in ["", "【打印本页】 【关闭窗口】", "主办单位：东胜区人民政府"]
    {
        d.line(line);
    }
    Variant::plain(d.finish(), ex)
}
