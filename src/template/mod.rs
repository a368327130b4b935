//! The national report format (国办公开办函〔2021〕30号) as data: the six sections, the tables with
//! their rows and columns, the balance equations, and the article each item derives from.
//! A revised template is a change to these tables, not to the checking code. Knows nothing of text.
//!
//! Sources: the tables of 《中华人民共和国政府信息公开工作年度报告格式》 (国务院办公厅政府信息与政务公开办公室,
//! 国办公开办函〔2021〕30号, 2021-09-26), with row labels as the template writes them; the legal basis of
//! each item follows the table 年报表格标签 → 法条依据对照, whose evidence grades (模板明示 / 文本对应 / 推断)
//! are kept in [`BasisKind`] — no official item-by-item mapping exists for 表三 and 表四.

mod basis;
mod equations;
mod format;
mod rows;

pub use basis::{Basis, BasisKind};
pub use equations::{EQUATIONS, Equation, EquationDef, Slot, TRIAL_EQUATIONS, equations};
pub use format::{FIRST_2021_YEAR, Format};
pub use rows::*;

/// The three statistical tables of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    /// 表二 主动公开政府信息情况 (four sub-tables under 第二十条).
    Active,
    /// 表三 收到和处理政府信息公开申请情况.
    Requests,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    Appeals,
}

impl TableId {
    pub fn name(self) -> &'static str {
        match self {
            TableId::Active => "表二",
            TableId::Requests => "表三",
            TableId::Appeals => "表四",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            TableId::Active => "Table 2",
            TableId::Requests => "Table 3",
            TableId::Appeals => "Table 4",
        }
    }

    /// The section (index into [`SECTIONS`]) that holds the table.
    pub fn section(self) -> usize {
        match self {
            TableId::Active => 1,
            TableId::Requests => 2,
            TableId::Appeals => 3,
        }
    }

    /// The section that holds the table.
    pub fn section_def(self) -> &'static SectionDef {
        match self {
            TableId::Active => &SECTIONS[1],
            TableId::Requests => &SECTIONS[2],
            TableId::Appeals => &SECTIONS[3],
        }
    }
}

/// One of the six sections of a report.
#[derive(Debug)]
pub struct SectionDef {
    /// 一 … 六
    pub numeral: &'static str,
    pub title: &'static str,
    pub title_en: &'static str,
    /// Other wordings of the title that reports use and that are not deviations: the 2019 trial
    /// format's and the regulation's (第五十条). Each is also accepted without its numbering.
    pub aliases: &'static [&'static str],
    pub table: Option<TableId>,
    pub basis: Basis,
}

impl SectionDef {
    /// The heading as the template writes it: `二、主动公开政府信息情况`.
    pub fn heading(&self) -> String {
        format!("{}、{}", self.numeral, self.title)
    }
}

pub const SECTIONS: [SectionDef; 6] = [
    SectionDef {
        numeral: "一",
        title: "总体情况",
        title_en: "Overview",
        aliases: &[],
        table: None,
        basis: basis::SECTION_OVERVIEW,
    },
    SectionDef {
        numeral: "二",
        title: "主动公开政府信息情况",
        title_en: "Information disclosed on the agency's own initiative",
        aliases: &["行政机关主动公开政府信息的情况", "主动公开政府信息的情况"],
        table: Some(TableId::Active),
        basis: basis::SECTION_ACTIVE,
    },
    SectionDef {
        numeral: "三",
        title: "收到和处理政府信息公开申请情况",
        title_en: "Applications received and handled",
        aliases: &[
            "行政机关收到和处理政府信息公开申请的情况",
            "收到和处理政府信息公开申请的情况",
        ],
        table: Some(TableId::Requests),
        basis: basis::SECTION_REQUESTS,
    },
    SectionDef {
        numeral: "四",
        title: "政府信息公开行政复议、行政诉讼情况",
        title_en: "Administrative reviews and lawsuits",
        aliases: &[
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
            "因政府信息公开工作被申请行政复议提起行政诉讼情况",
            "政府信息公开行政复议、行政诉讼的情况",
        ],
        table: Some(TableId::Appeals),
        basis: basis::SECTION_APPEALS,
    },
    SectionDef {
        numeral: "五",
        title: "存在的主要问题及改进情况",
        title_en: "Main problems and improvements",
        aliases: &["政府信息公开工作存在的主要问题及改进情况"],
        table: None,
        basis: basis::SECTION_PROBLEMS,
    },
    SectionDef {
        numeral: "六",
        title: "其他需要报告的事项",
        title_en: "Other matters to report",
        aliases: &[],
        table: None,
        basis: basis::SECTION_OTHER,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_table_has_the_template_shape() {
        let rows: Vec<&RowDef> = Format::Y2021
            .rows(TableId::Requests)
            .map(|r| &ROWS[r])
            .collect();
        assert_eq!(rows.len(), 25);
        assert!(rows.iter().all(|r| r.cells == 7));
        assert_eq!(rows[0].label, "一、本年新收政府信息公开申请数量");
        assert_eq!(rows[24].label, "四、结转下年度继续办理");
        assert_eq!(REQUEST_COLUMNS.len(), 7);
    }

    #[test]
    fn active_table_has_four_sub_tables() {
        assert_eq!(
            SUB_TABLES.iter().map(|s| s.item).collect::<Vec<_>>(),
            vec![1, 5, 6, 8]
        );
        let labels: Vec<&str> = Format::Y2021
            .rows(TableId::Active)
            .map(|r| ROWS[r].label)
            .collect();
        assert_eq!(
            labels,
            vec![
                "规章",
                "行政规范性文件",
                "行政许可",
                "行政处罚",
                "行政强制",
                "行政事业性收费"
            ]
        );
    }

    #[test]
    fn appeals_table_is_one_row_of_fifteen() {
        assert_eq!(ROWS[APPEALS_ROW].cells, 15);
        assert_eq!(APPEALS_COLUMNS.len(), 15);
    }

    #[test]
    fn each_table_has_its_section() {
        for table in [TableId::Active, TableId::Requests, TableId::Appeals] {
            assert_eq!(SECTIONS[table.section()].table, Some(table));
            assert_eq!(table.section_def().title, SECTIONS[table.section()].title);
        }
    }

    #[test]
    fn row_ids_are_indices() {
        for (i, row) in ROWS.iter().enumerate() {
            assert_eq!(row.id, i, "{}", row.label);
        }
    }
}
