//! Which agency's report for which year: read from the title (`东胜区…局2024年政府信息公开工作年度报告`,
//! `2022年度螅镇政府信息公开工作年度报告`), else from the opening sentence that names the report
//! (`现公布区统计局2023年政府信息公开工作年度报告`), else from the agency that implements the regulation
//! (`…，东胜区行政审批政务服务与数据管理局认真贯彻落实《条例》`). Reports of one agency are matched on
//! [`Agency::key`], so two spellings of one name (spaces, full-width letters, 人民政府) meet.

use super::model::Report;

/// The agency a report is by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    /// As written (without surrounding spaces).
    pub name: String,
    /// The name folded for matching: no spaces or punctuation, half-width, without 人民政府.
    pub key: String,
}

impl Agency {
    pub fn new(name: &str) -> Option<Agency> {
        let name = name.trim_matches(|c: char| c.is_whitespace() || is_punctuation(c));
        let key = normalise(name);
        (key.chars().count() >= 2).then(|| Agency {
            name: name.to_string(),
            key,
        })
    }
}

/// A report's agency and year, each when the text says it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub agency: Option<Agency>,
    pub year: Option<u16>,
}

impl Identity {
    /// `(agency key, year)` when both are known: what reports are matched on.
    pub fn key(&self) -> Option<(&str, u16)> {
        Some((self.agency.as_ref()?.key.as_str(), self.year?))
    }
}

/// Verbs that open the sentence announcing a report (`现公布区统计局2023年…年度报告`).
const ANNOUNCES: [&str; 6] = ["现公布", "特编制", "现发布", "编制", "发布", "公布"];
/// The report name every title and opening sentence ends with.
const REPORT_NAME: &str = "年度报告";
/// How far into a report its opening sentences reach.
const OPENING: usize = 1500;

/// The identity of one report segment.
pub fn identify(text: &str, report: &Report) -> Identity {
    let title = report
        .title
        .as_ref()
        .and_then(|t| text.get(t.clone()))
        .map(super::facts::plain_title);
    let from_title = title.as_deref().and_then(named_report);
    let opening = text.get(..floor(text, OPENING)).unwrap_or_default();
    let from_opening = || opening.lines().find_map(named_report);
    let (agency, year) = match from_title.or_else(from_opening) {
        Some((agency, year)) => (agency, Some(year)),
        None => (None, None),
    };
    Identity {
        agency: agency
            .or_else(|| implementing_agency(opening))
            .or_else(|| compiling_agency(opening)),
        year: year.or(report.year),
    }
}

/// `{agency}{year}年(度){…}年度报告` or `{year}年(度){agency}{…}年度报告` within one line; the agency is
/// `None` when the line names only the year (`2024 年政府信息公开工作年度报告`, `我局2022年…`).
fn named_report(line: &str) -> Option<(Option<Agency>, u16)> {
    let (head, _) = line.split_once(REPORT_NAME)?;
    let (before, year, after) = year_in(head)?;
    let before = after_last_clause(strip_page_header(before)).trim_start();
    // The sentence that announces the report: what follows its verb names the agency.
    let before = ANNOUNCES
        .iter()
        .find_map(|verb| before.strip_prefix(verb))
        .unwrap_or(before);
    let agency = Agency::new(before)
        .filter(|a| !is_self_reference(&a.name))
        .or_else(|| {
            // `2022年度螅镇政府信息公开工作年度报告`: the agency follows the year.
            let body = after.trim_start_matches('度');
            let name = body.split_once("政府信息公开").map_or("", |(name, _)| name);
            Agency::new(name).filter(|a| !is_self_reference(&a.name))
        });
    Some((agency, year))
}

/// A page header before the title on a printed page (`Page 8 - …`).
fn strip_page_header(s: &str) -> &str {
    match s.split_once(" - ") {
        Some((page, rest)) if page.trim_start().starts_with("Page") => rest,
        _ => s,
    }
}

/// The last clause of a sentence head: what follows its last comma or full stop.
fn after_last_clause(s: &str) -> &str {
    s.rsplit(['，', ',', '。', '；', ';', '：', ':'])
        .next()
        .unwrap_or(s)
}

/// The first `YYYY年` of `s` (2007–2099, the regulation's years), with what comes before and after it.
fn year_in(s: &str) -> Option<(&str, u16, &str)> {
    s.match_indices('年').find_map(|(at, _)| {
        let head = s.get(..at)?.trim_end();
        let (before, digits) = head.split_at_checked(head.len().checked_sub(4)?)?;
        let after = s.get(at + '年'.len_utf8()..)?;
        if !digits.bytes().all(|b| b.is_ascii_digit())
            || before.bytes().last().is_some_and(|b| b.is_ascii_digit())
        {
            return None;
        }
        let year: u16 = digits.parse().ok()?;
        (2007..=2099)
            .contains(&year)
            .then_some((before, year, after))
    })
}

/// Verbs with which a report says its agency implements the regulation.
const IMPLEMENTS: [&str; 3] = ["认真贯彻", "深入贯彻", "贯彻落实"];

/// Endings of the names of Chinese administrative bodies; a name found in prose must have one.
const AGENCY_ENDINGS: [&str; 22] = [
    "局",
    "委员会",
    "委",
    "办公室",
    "办",
    "人民政府",
    "政府",
    "镇",
    "乡",
    "街道",
    "办事处",
    "中心",
    "院",
    "厅",
    "部",
    "处",
    "所",
    "站",
    "署",
    "馆",
    "管委会",
    "区",
];

/// `…，{agency}认真贯彻落实《…条例》`: the subject of the sentence, when it ends like an agency's name.
fn implementing_agency(opening: &str) -> Option<Agency> {
    IMPLEMENTS.iter().find_map(|verb| {
        let (head, _) = opening.split_once(verb)?;
        let clause = after_last_clause(head.lines().last().unwrap_or_default());
        let clause = clause.trim();
        let plausible = clause.chars().count() <= 40
            && AGENCY_ENDINGS.iter().any(|e| clause.ends_with(e))
            && !is_self_reference(clause);
        plausible.then(|| Agency::new(clause)).flatten()
    })
}

/// `本报告由淮安市人民政府办公室根据《…》编制`: the agency that compiled the report.
fn compiling_agency(opening: &str) -> Option<Agency> {
    let (_, rest) = opening.split_once("本报告由")?;
    let end = ["根据", "依据", "按照", "编制"]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()?;
    let name = rest.get(..end)?.trim();
    let plausible = name.chars().count() <= 40
        && !name.contains(['\n', '，', ',', '。'])
        && !is_self_reference(name)
        && AGENCY_ENDINGS.iter().any(|e| name.ends_with(e));
    plausible.then(|| Agency::new(name)).flatten()
}

/// 我局, 本机关, 我镇 …: the report speaks of itself without naming itself.
fn is_self_reference(name: &str) -> bool {
    name.starts_with('我') || name.starts_with('本') || name.starts_with("全")
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            c,
            '，' | '。'
                | '、'
                | '；'
                | '：'
                | '（'
                | '）'
                | '《'
                | '》'
                | '“'
                | '”'
                | '【'
                | '】'
                | '·'
                | '—'
        )
}

/// The matching key of an agency name: letters, digits and Han characters only, full-width folded to
/// half-width, lower case, and a trailing 人民政府 dropped (`西四镇人民政府` is `西四镇`).
pub fn normalise(name: &str) -> String {
    let folded: String = name
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    match folded.strip_suffix("人民政府") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_string(),
        _ => folded,
    }
}

fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(line: &str) -> Option<(Option<String>, u16)> {
        named_report(line).map(|(a, y)| (a.map(|a| a.name), y))
    }

    #[test]
    fn titles_name_the_agency_before_or_after_the_year() {
        let cases = [
            (
                "东胜区行政审批政务服务与数据管理局2024年政府信息公开工作年度报告",
                Some("东胜区行政审批政务服务与数据管理局"),
                2024,
            ),
            (
                "平潭综合实验区2023年度政府信息公开工作年度报告",
                Some("平潭综合实验区"),
                2023,
            ),
            ("2022年度螅镇政府信息公开工作年度报告", Some("螅镇"), 2022),
            (
                "Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告",
                Some("威海市文登区信访局"),
                2022,
            ),
            ("2024 年政府信息公开工作年度报告", None, 2024),
            (
                "根据《中华人民共和国政府信息公开条例》规定,现公布区统计局2023年政府信息公开工作年度报告。",
                Some("区统计局"),
                2023,
            ),
            (
                "根据《条例》规定,现公布我局2022年政府信息公开工作年度报告。",
                None,
                2022,
            ),
            (
                "根据《中华人民共和国政府信息公开条例》要求,特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告。",
                Some("湛江市人民政府地方志办公室"),
                2023,
            ),
        ];
        for (line, agency, year) in cases {
            assert_eq!(
                named(line),
                Some((agency.map(str::to_string), year)),
                "{line}"
            );
        }
        assert_eq!(named("一、总体情况"), None);
    }

    #[test]
    fn the_implementing_agency_is_the_subject_before_the_regulation() {
        let opening = "一、总体情况\n按照区委、区政府部署要求,东胜区行政审批政务服务与数据管理局认真贯彻落实《中华人民共和国政府信息公开条例》";
        assert_eq!(
            implementing_agency(opening).map(|a| a.name),
            Some("东胜区行政审批政务服务与数据管理局".to_string())
        );
        assert_eq!(
            implementing_agency("2024年，我局认真贯彻落实《条例》"),
            None
        );
        assert_eq!(
            implementing_agency("今年以来，各项工作认真贯彻落实《条例》"),
            None
        );
        assert_eq!(
            compiling_agency(
                "本报告由淮安市人民政府办公室根据《中华人民共和国政府\n信息公开条例》规定编制。"
            )
            .map(|a| a.name),
            Some("淮安市人民政府办公室".to_string())
        );
        assert_eq!(compiling_agency("本报告由我局根据《条例》编制。"), None);
    }

    #[test]
    fn names_fold_to_one_key() {
        assert_eq!(
            normalise("海城市西四镇人民政府"),
            normalise("海城市 西四镇")
        );
        assert_eq!(
            normalise("武汉市东湖生态旅游风景区管理委员会 卫生健康办公室"),
            "武汉市东湖生态旅游风景区管理委员会卫生健康办公室"
        );
        assert_eq!(normalise("ＡＢＣ区（试点）局"), "abc区试点局");
        assert_ne!(normalise("东胜区财政局"), normalise("东胜区统计局"));
        assert_eq!(normalise("市人民政府"), "市人民政府");
    }
}
