//! Findings: what a rule reports about a report. Owns rule codes, severities and bilingual messages;
//! knows nothing of how a front end presents them.

use std::ops::Range;

use super::Frame;

/// A byte range into the text that was analysed.
pub type Span = Range<usize>;

/// The language of user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Zh,
    En,
}

impl Locale {
    /// Chinese for any `zh*` locale tag (and when none is given), English otherwise.
    pub fn from_tag(tag: Option<&str>) -> Locale {
        match tag {
            Some(t) if !t.to_ascii_lowercase().starts_with("zh") => Locale::En,
            _ => Locale::Zh,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Some(match s {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "information" | "info" => Severity::Information,
            "hint" => Severity::Hint,
            _ => return None,
        })
    }
}

macro_rules! rules {
    ($($variant:ident => $code:literal, $sev:ident, $zh:literal, $en:literal;)*) => {
        /// Every rule of the specification, with its stable code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $($variant,)* }

        impl Rule {
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            pub fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            pub fn from_code(code: &str) -> Option<Rule> {
                match code { $($code => Some(Rule::$variant),)* _ => None }
            }

            pub fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$sev,)* }
            }

            /// One line saying what the rule checks.
            pub fn describe(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $((Rule::$variant, Locale::Zh) => $zh, (Rule::$variant, Locale::En) => $en,)*
                }
            }
        }
    };
}

rules! {
    RowTotal => "balance/row-total", Error,
        "表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
        "Table 3, every row: total = natural persons + the five kinds of organisations";
    ResultTotal => "balance/result-total", Error,
        "表三每一列：（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）1–3",
        "Table 3, every column: (7) total = the sum of outcomes (1)–(6)";
    IntakeOutcome => "balance/intake-outcome", Error,
        "表三每一列：一 + 二 = 三（七）总计 + 四",
        "Table 3, every column: new + carried over = handled + carried forward";
    ReviewTotal => "balance/review-total", Error,
        "表四：行政复议总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        "Table 4: administrative review total = upheld + corrected + other + pending";
    LitigationTotal => "balance/litigation-total", Error,
        "表四：行政诉讼（未经复议直接起诉、复议后起诉）总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        "Table 4: litigation totals = upheld + corrected + other + pending";
    MissingSection => "structure/missing-section", Error,
        "六个部分齐全且顺序正确", "All six sections are present";
    MissingRow => "structure/missing-row", Error,
        "表二、表三、表四的每一行和每个分表都存在", "Every template row and sub-table is present";
    CellCount => "structure/cell-count", Error,
        "每行的数值单元格数量与模板一致", "A row has the template's number of value cells";
    DuplicateRow => "structure/duplicate-row", Warning,
        "同一模板行出现两次", "A template row appears twice";
    Order => "structure/order", Warning,
        "部分和行的顺序与模板一致", "Sections and rows follow template order";
    SupersededFormat => "structure/superseded-format", Warning,
        "2021 年度起的报告仍使用 2019 年试行格式的表格", "A report on 2021 or later whose table follows the 2019 trial format";
    NotANumber => "value/not-a-number", Error,
        "数值单元格中是文字而不是数字", "A value cell holds text that is not a number";
    NotInteger => "value/not-integer", Error,
        "件数必须是整数", "Counts are whole numbers";
    Negative => "value/negative", Error,
        "件数不能为负数", "Counts are not negative";
    Missing => "value/missing", Warning,
        "单元格为空或只有占位符", "An empty or placeholder cell";
    Nonstandard => "label/nonstandard", Warning,
        "标签与模板文字不一致", "A label differs from the template text";
    UnknownReference => "statute/unknown-reference", Error,
        "引用了《条例》中不存在的条、款、项", "A reference to an article, paragraph or item the regulation does not have";
    NarrativeMismatch => "narrative/mismatch", Warning,
        "正文中的数字与表格不一致", "A figure in the prose differs from the table";
    CarryoverMismatch => "carryover/mismatch", Warning,
        "上年结转与上一年度报告的结转下年度不一致", "Carried-over differs from last year's carried-forward";
}

/// User-facing text in both languages, chosen by the front end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

impl Message {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Message {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Zh => &self.zh,
            Locale::En => &self.en,
        }
    }
}

/// Another place that takes part in a finding (the addends of an equation, the first of two duplicates).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: Message,
}

/// A text replacement that repairs a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub title: Message,
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub span: Span,
    pub message: Message,
    pub related: Vec<Related>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(rule: Rule, span: Span, message: Message) -> Finding {
        Finding {
            rule,
            severity: rule.default_severity(),
            span,
            message,
            related: Vec::new(),
            fix: None,
        }
    }

    pub fn with_related(mut self, related: Vec<Related>) -> Finding {
        self.related = related;
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }

    /// The same finding with its report-relative spans placed in the document (reports are analysed
    /// on their own text).
    pub fn in_document(&self, frame: Frame) -> Finding {
        Finding {
            rule: self.rule,
            severity: self.severity,
            span: frame.span(&self.span),
            message: self.message.clone(),
            related: self
                .related
                .iter()
                .map(|r| Related {
                    span: frame.span(&r.span),
                    message: r.message.clone(),
                })
                .collect(),
            fix: self.fix.as_ref().map(|f| Fix {
                title: f.title.clone(),
                span: frame.span(&f.span),
                replacement: f.replacement.clone(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &rule in Rule::ALL {
            assert_eq!(Rule::from_code(rule.code()), Some(rule));
            assert!(seen.insert(rule.code()), "duplicate code {}", rule.code());
        }
        assert_eq!(Rule::ALL.len(), 19);
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Locale::from_tag(Some("zh-CN")), Locale::Zh);
        assert_eq!(Locale::from_tag(Some("en-US")), Locale::En);
        assert_eq!(Locale::from_tag(None), Locale::Zh);
    }
}
