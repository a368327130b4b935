//! The example report as two years of one agency, for the carry-over tests: the 2024 example is the
//! successor, and a copy moved to 2023 with a chosen 四、结转下年度继续办理 row is its predecessor.

pub const EXAMPLE: &str = include_str!("../fixtures/dongsheng-2024.txt");
pub const AGENCY: &str = "东胜区行政审批政务服务与数据管理局";
const CARRIED_OUT: &str = "四、结转下年度继续办理 |\n";

/// The example moved to `year`, its 四、结转下年度继续办理 figures replaced by `carried_out`.
pub fn report(year: u16, carried_out: [i64; 7]) -> String {
    let text = EXAMPLE.replace("2024", &year.to_string());
    let Some(label) = text.find(CARRIED_OUT) else {
        panic!("the example has no {CARRIED_OUT}");
    };
    let start = label + CARRIED_OUT.len();
    let end = start
        + text[start..]
            .match_indices('\n')
            .nth(6)
            .map_or(0, |(at, _)| at + 1);
    let cells: String = carried_out.iter().map(|c| format!("{c} |\n")).collect();
    format!("{}{cells}{}", &text[..start], &text[end..])
}

/// The same report by another agency.
pub fn by(agency: &str, text: &str) -> String {
    text.replace(AGENCY, agency)
}

/// A report with its title line (a compilation needs titles to tell its reports apart).
pub fn titled(year: u16, text: &str) -> String {
    format!("{AGENCY}{year}年政府信息公开工作年度报告\n{text}")
}

/// The 0-based line of the 二、上年结转 row's first figure in the example's layout (label, then one
/// figure a line).
pub fn carried_in_line(text: &str) -> u32 {
    let at = text
        .find("二、上年结转政府信息公开申请数量")
        .unwrap_or_default();
    text[..at].matches('\n').count() as u32 + 1
}

/// Writes `name` into `dir`.
pub fn write(dir: &std::path::Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{name}: {e}"));
}

/// Writes the example as `2024.txt` and its predecessor with `carried_out` as `2023.txt`.
pub fn write_pair(dir: &std::path::Path, carried_out: [i64; 7]) {
    write(dir, "2024.txt", EXAMPLE);
    write(dir, "2023.txt", &report(2023, carried_out));
}
