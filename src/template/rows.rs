//! The rows, groups, sub-tables and columns of 表二, 表三 and 表四, in template order.

use super::TableId;
use super::basis::{self, Basis};
use super::format::Format;

/// Index into [`ROWS`].
pub type RowId = usize;

/// A template row: a label followed by value cells.
#[derive(Debug)]
pub struct RowDef {
    pub id: RowId,
    pub table: TableId,
    /// 表二: index into [`SUB_TABLES`]; 表三: index into [`GROUPS`] of the innermost group, if any.
    pub parent: Option<usize>,
    /// The label exactly as the template writes it; empty for 表四's unlabelled data row.
    pub label: &'static str,
    pub label_en: &'static str,
    /// Number of value cells.
    pub cells: usize,
    /// Cells may hold decimals (本年收费金额（单位：万元）).
    pub decimal: bool,
    pub basis: Basis,
    /// The one format that has the row; `None` when both have it.
    pub format: Option<Format>,
    /// Columns (bit per column) that take part in no equation and are never reported: the trial
    /// format's 本年增/减 (may be negative) and 采购总金额 (carries a unit).
    pub free: u16,
}

const fn row(
    id: RowId,
    table: TableId,
    parent: Option<usize>,
    label: &'static str,
    label_en: &'static str,
    cells: usize,
    basis: Basis,
) -> RowDef {
    RowDef {
        id,
        table,
        parent,
        label,
        label_en,
        cells,
        decimal: false,
        basis,
        format: None,
        free: 0,
    }
}

const fn only(mut def: RowDef, format: Format) -> RowDef {
    def.format = Some(format);
    def
}

const fn trial(
    id: RowId,
    parent: usize,
    label: &'static str,
    label_en: &'static str,
    cells: usize,
    free: u16,
    basis: Basis,
) -> RowDef {
    let mut def = only(
        row(id, Active, Some(parent), label, label_en, cells, basis),
        Format::Trial2019,
    );
    def.free = free;
    def
}

/// A 表二 sub-table, anchored by its item of 第二十条.
#[derive(Debug)]
pub struct SubTableDef {
    pub item: u16,
    pub anchor: &'static str,
    pub columns: &'static [&'static str],
    pub rows: std::ops::Range<RowId>,
    pub basis: Basis,
}

impl SubTableDef {
    /// The definitions of the sub-table's rows.
    pub fn row_defs(&self) -> &'static [RowDef] {
        ROWS.get(self.rows.clone()).unwrap_or_default()
    }
}

pub const SUB_TABLES: [SubTableDef; 4] = [
    SubTableDef {
        item: 1,
        anchor: "第二十条第（一）项",
        columns: &["本年制发件数", "本年废止件数", "现行有效件数"],
        rows: 0..2,
        basis: basis::ITEM_1,
    },
    SubTableDef {
        item: 5,
        anchor: "第二十条第（五）项",
        columns: &["本年处理决定数量"],
        rows: 2..3,
        basis: basis::ITEM_5,
    },
    SubTableDef {
        item: 6,
        anchor: "第二十条第（六）项",
        columns: &["本年处理决定数量"],
        rows: 3..5,
        basis: basis::ITEM_6,
    },
    SubTableDef {
        item: 8,
        anchor: "第二十条第（八）项",
        columns: &["本年收费金额（单位：万元）"],
        rows: 5..6,
        basis: basis::ITEM_8,
    },
];

/// 表二 of the 2019 trial format: the same four items of 第二十条 (same indices) and （九）.
pub const TRIAL_SUB_TABLES: [SubTableDef; 5] = [
    SubTableDef {
        item: 1,
        anchor: "第二十条第（一）项",
        columns: &["本年新制作数量", "本年新公开数量", "对外公开总数量"],
        rows: 32..34,
        basis: basis::ITEM_1,
    },
    SubTableDef {
        item: 5,
        anchor: "第二十条第（五）项",
        columns: &["上一年项目数量", "本年增/减", "处理决定数量"],
        rows: 34..36,
        basis: basis::ITEM_5,
    },
    SubTableDef {
        item: 6,
        anchor: "第二十条第（六）项",
        columns: &["上一年项目数量", "本年增/减", "处理决定数量"],
        rows: 36..38,
        basis: basis::ITEM_6,
    },
    SubTableDef {
        item: 8,
        anchor: "第二十条第（八）项",
        columns: &["上一年项目数量", "本年增/减"],
        rows: 38..39,
        basis: basis::ITEM_8,
    },
    SubTableDef {
        item: 9,
        anchor: "第二十条第（九）项",
        columns: &["采购项目数量", "采购总金额"],
        rows: 39..40,
        basis: basis::ITEM_9,
    },
];

/// A group label of 表三 that spans several rows (三、本年度办理结果; （三）不予公开 …).
#[derive(Debug)]
pub struct GroupDef {
    pub label: &'static str,
    pub label_en: &'static str,
    pub parent: Option<usize>,
    pub basis: Basis,
}

pub const GROUP_RESULTS: usize = 0;
/// （六）其他处理: a group of three rows in the 2021 format, one row in the trial format.
pub const GROUP_OTHER: usize = 4;
pub const GROUPS: [GroupDef; 5] = [
    GroupDef {
        label: "三、本年度办理结果",
        label_en: "III. Outcomes this year",
        parent: None,
        basis: basis::NONE,
    },
    GroupDef {
        label: "（三）不予公开",
        label_en: "(3) Withheld",
        parent: Some(0),
        basis: basis::WITHHELD,
    },
    GroupDef {
        label: "（四）无法提供",
        label_en: "(4) Cannot be provided",
        parent: Some(0),
        basis: basis::NOT_HELD,
    },
    GroupDef {
        label: "（五）不予处理",
        label_en: "(5) Not handled",
        parent: Some(0),
        basis: basis::COMPLAINT,
    },
    GroupDef {
        label: "（六）其他处理",
        label_en: "(6) Otherwise handled",
        parent: Some(0),
        basis: basis::NONE,
    },
];

use TableId::{Active, Appeals, Requests};

pub const REQUESTS_NEW: RowId = 6;
pub const REQUESTS_CARRIED_IN: RowId = 7;
pub const REQUESTS_FIRST_OUTCOME: RowId = 8;
pub const REQUESTS_TOTAL: RowId = 29;
pub const REQUESTS_CARRIED_OUT: RowId = 30;
pub const APPEALS_ROW: RowId = 31;
/// The trial format's single （六）其他处理 row.
pub const TRIAL_OTHER_OUTCOME: RowId = 40;
/// 本年增/减 (column 1) of the trial format's 表二 rows.
const CHANGE: u16 = 1 << 1;

/// The definition of row `id`. Row ids come from the template itself (a format's order, a label's row),
/// so every id is in range; an id that is not names a row with no label and no cells.
pub fn row_def(id: RowId) -> &'static RowDef {
    static NO_ROW: RowDef = row(RowId::MAX, Appeals, None, "", "", 0, basis::NONE);
    ROWS.get(id).unwrap_or(&NO_ROW)
}

/// A set of template rows (the rows a report has, or that an alignment names).
#[derive(Debug, Clone)]
pub struct RowSet([bool; ROWS.len()]);

impl RowSet {
    pub fn insert(&mut self, row: RowId) {
        if let Some(member) = self.0.get_mut(row) {
            *member = true;
        }
    }

    pub fn contains(&self, row: RowId) -> bool {
        self.0.get(row).is_some_and(|&member| member)
    }
}

impl FromIterator<RowId> for RowSet {
    fn from_iter<I: IntoIterator<Item = RowId>>(rows: I) -> Self {
        let mut set = RowSet([false; ROWS.len()]);
        for row in rows {
            set.insert(row);
        }
        set
    }
}

/// Every row of both formats: 0–31 are the 2021 format's (表二 0–5 and 表三's （六） sub-rows
/// 26–28 only there), 32–40 the trial format's own.
#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
pub const ROWS: [RowDef; 41] = {
    let mut fee = row(
        5,
        Active,
        Some(3),
        "行政事业性收费",
        "Administrative fees",
        1,
        basis::ITEM_8,
    );
    fee.decimal = true;
    let mut rows = [
        row(0, Active, Some(0), "规章", "Rules", 3, basis::ITEM_1),
        row(
            1,
            Active,
            Some(0),
            "行政规范性文件",
            "Normative documents",
            3,
            basis::ITEM_1,
        ),
        row(
            2,
            Active,
            Some(1),
            "行政许可",
            "Administrative licences",
            1,
            basis::ITEM_5,
        ),
        row(
            3,
            Active,
            Some(2),
            "行政处罚",
            "Administrative penalties",
            1,
            basis::ITEM_6,
        ),
        row(
            4,
            Active,
            Some(2),
            "行政强制",
            "Administrative coercion",
            1,
            basis::ITEM_6,
        ),
        fee,
        row(
            6,
            Requests,
            None,
            "一、本年新收政府信息公开申请数量",
            "I. New applications this year",
            7,
            basis::NEW_REQUESTS,
        ),
        row(
            7,
            Requests,
            None,
            "二、上年结转政府信息公开申请数量",
            "II. Carried over from last year",
            7,
            basis::CARRIED_IN,
        ),
        row(
            8,
            Requests,
            Some(0),
            "（一）予以公开",
            "(1) Disclosed",
            7,
            basis::DISCLOSED,
        ),
        row(
            9,
            Requests,
            Some(0),
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "(2) Partly disclosed",
            7,
            basis::PARTIAL,
        ),
        row(
            10,
            Requests,
            Some(1),
            "1.属于国家秘密",
            "1. State secret",
            7,
            basis::SECRET,
        ),
        row(
            11,
            Requests,
            Some(1),
            "2.其他法律行政法规禁止公开",
            "2. Forbidden by other laws",
            7,
            basis::FORBIDDEN,
        ),
        row(
            12,
            Requests,
            Some(1),
            "3.危及“三安全一稳定”",
            "3. Endangers security or stability",
            7,
            basis::SECURITY,
        ),
        row(
            13,
            Requests,
            Some(1),
            "4.保护第三方合法权益",
            "4. Protects third parties",
            7,
            basis::THIRD_PARTY,
        ),
        row(
            14,
            Requests,
            Some(1),
            "5.属于三类内部事务信息",
            "5. Internal affairs",
            7,
            basis::INTERNAL,
        ),
        row(
            15,
            Requests,
            Some(1),
            "6.属于四类过程性信息",
            "6. Process information",
            7,
            basis::PROCESS,
        ),
        row(
            16,
            Requests,
            Some(1),
            "7.属于行政执法案卷",
            "7. Enforcement case files",
            7,
            basis::CASE_FILES,
        ),
        row(
            17,
            Requests,
            Some(1),
            "8.属于行政查询事项",
            "8. Administrative inquiry matters",
            7,
            basis::INQUIRY,
        ),
        row(
            18,
            Requests,
            Some(2),
            "1.本机关不掌握相关政府信息",
            "1. Not held by this agency",
            7,
            basis::NOT_HELD,
        ),
        row(
            19,
            Requests,
            Some(2),
            "2.没有现成信息需要另行制作",
            "2. Would need to be created",
            7,
            basis::NOT_MADE,
        ),
        row(
            20,
            Requests,
            Some(2),
            "3.补正后申请内容仍不明确",
            "3. Still unclear after correction",
            7,
            basis::UNCLEAR,
        ),
        row(
            21,
            Requests,
            Some(3),
            "1.信访举报投诉类申请",
            "1. Petitions and complaints",
            7,
            basis::COMPLAINT,
        ),
        row(
            22,
            Requests,
            Some(3),
            "2.重复申请",
            "2. Repeated applications",
            7,
            basis::REPEATED,
        ),
        row(
            23,
            Requests,
            Some(3),
            "3.要求提供公开出版物",
            "3. Published material requested",
            7,
            basis::PUBLICATIONS,
        ),
        row(
            24,
            Requests,
            Some(3),
            "4.无正当理由大量反复申请",
            "4. Mass applications without reason",
            7,
            basis::MASS_REQUESTS,
        ),
        row(
            25,
            Requests,
            Some(3),
            "5.要求行政机关确认或重新出具已获取信息",
            "5. Confirmation or reissue requested",
            7,
            basis::CONFIRMATION,
        ),
        row(
            26,
            Requests,
            Some(4),
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1. No correction in time",
            7,
            basis::NO_CORRECTION,
        ),
        row(
            27,
            Requests,
            Some(4),
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "2. Fee not paid in time",
            7,
            basis::UNPAID_FEE,
        ),
        row(28, Requests, Some(4), "3.其他", "3. Other", 7, basis::NONE),
        row(
            29,
            Requests,
            Some(0),
            "（七）总计",
            "(7) Total",
            7,
            basis::NONE,
        ),
        row(
            30,
            Requests,
            None,
            "四、结转下年度继续办理",
            "IV. Carried forward to next year",
            7,
            basis::CARRIED_OUT,
        ),
        row(
            31,
            Appeals,
            None,
            "",
            "Reviews and lawsuits",
            15,
            basis::REVIEW,
        ),
        trial(32, 0, "规章", "Rules", 3, 0, basis::ITEM_1),
        trial(
            33,
            0,
            "规范性文件",
            "Normative documents",
            3,
            0,
            basis::ITEM_1,
        ),
        trial(
            34,
            1,
            "行政许可",
            "Administrative licences",
            3,
            CHANGE,
            basis::ITEM_5,
        ),
        trial(
            35,
            1,
            "其他对外管理服务事项",
            "Other external management and services",
            3,
            CHANGE,
            basis::ITEM_5,
        ),
        trial(
            36,
            2,
            "行政处罚",
            "Administrative penalties",
            3,
            CHANGE,
            basis::ITEM_6,
        ),
        trial(
            37,
            2,
            "行政强制",
            "Administrative coercion",
            3,
            CHANGE,
            basis::ITEM_6,
        ),
        trial(
            38,
            3,
            "行政事业性收费",
            "Administrative fees",
            2,
            CHANGE,
            basis::ITEM_8,
        ),
        // 采购总金额 carries its unit (251000元): column 1 is free.
        trial(
            39,
            4,
            "政府集中采购",
            "Government centralised procurement",
            2,
            1 << 1,
            basis::ITEM_9,
        ),
        only(
            row(
                40,
                Requests,
                Some(0),
                "（六）其他处理",
                "(6) Otherwise handled",
                7,
                basis::NONE,
            ),
            Format::Trial2019,
        ),
    ];
    // 表二 and 表三's （六） sub-rows as the 2021 format writes them.
    let mut id = 0;
    while id < 29 {
        if id <= 5 || id >= 26 {
            rows[id].format = Some(Format::Y2021);
        }
        id += 1;
    }
    rows
};

/// A column of a table, with the header groups above it.
#[derive(Debug)]
pub struct ColumnDef {
    pub label: &'static str,
    pub label_en: &'static str,
    /// Header groups from outer to inner (申请人情况 / 法人或其他组织).
    pub groups: &'static [&'static str],
    pub basis: Basis,
}

const fn col(
    label: &'static str,
    label_en: &'static str,
    groups: &'static [&'static str],
    basis: Basis,
) -> ColumnDef {
    ColumnDef {
        label,
        label_en,
        groups,
        basis,
    }
}

const ORG: &[&str] = &["申请人情况", "法人或其他组织"];
pub const REQUEST_COLUMNS: [ColumnDef; 7] = [
    col(
        "自然人",
        "Natural persons",
        &["申请人情况"],
        basis::APPLICANTS,
    ),
    col("商业企业", "Businesses", ORG, basis::APPLICANTS),
    col("科研机构", "Research institutions", ORG, basis::APPLICANTS),
    col(
        "社会公益组织",
        "Public-interest organisations",
        ORG,
        basis::APPLICANTS,
    ),
    col(
        "法律服务机构",
        "Legal service providers",
        ORG,
        basis::APPLICANTS,
    ),
    col("其他", "Other organisations", ORG, basis::APPLICANTS),
    col("总计", "Total", &["申请人情况"], basis::NONE),
];

const REVIEW_G: &[&str] = &["行政复议"];
const DIRECT_G: &[&str] = &["行政诉讼", "未经复议直接起诉"];
const AFTER_G: &[&str] = &["行政诉讼", "复议后起诉"];
pub const APPEALS_COLUMNS: [ColumnDef; 15] = [
    col("结果维持", "Upheld", REVIEW_G, basis::REVIEW),
    col("结果纠正", "Corrected", REVIEW_G, basis::REVIEW),
    col("其他结果", "Other result", REVIEW_G, basis::REVIEW),
    col("尚未审结", "Pending", REVIEW_G, basis::REVIEW),
    col("总计", "Total", REVIEW_G, basis::REVIEW),
    col("结果维持", "Upheld", DIRECT_G, basis::LITIGATION),
    col("结果纠正", "Corrected", DIRECT_G, basis::LITIGATION),
    col("其他结果", "Other result", DIRECT_G, basis::LITIGATION),
    col("尚未审结", "Pending", DIRECT_G, basis::LITIGATION),
    col("总计", "Total", DIRECT_G, basis::LITIGATION),
    col("结果维持", "Upheld", AFTER_G, basis::LITIGATION),
    col("结果纠正", "Corrected", AFTER_G, basis::LITIGATION),
    col("其他结果", "Other result", AFTER_G, basis::LITIGATION),
    col("尚未审结", "Pending", AFTER_G, basis::LITIGATION),
    col("总计", "Total", AFTER_G, basis::LITIGATION),
];

/// Header texts that stand in the tables without being rows: recognised so they are neither values
/// nor unknown text.
pub const HEADER_TEXTS: &[(TableId, &str)] = &[
    (Active, "信息内容"),
    (Active, "本年制发件数"),
    (Active, "本年废止件数"),
    (Active, "现行有效件数"),
    (Active, "本年处理决定数量"),
    (Active, "本年收费金额（单位：万元）"),
    // The 2019 trial format's 表二 headers.
    (Active, "本年新制作数量"),
    (Active, "本年新公开数量"),
    (Active, "对外公开总数量"),
    (Active, "上一年项目数量"),
    (Active, "本年增/减"),
    (Active, "处理决定数量"),
    (Active, "采购项目数量"),
    (Active, "采购总金额"),
    (
        Requests,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    ),
    (
        Requests,
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
    ),
    (Requests, "申请人情况"),
    (Requests, "自然人"),
    (Requests, "法人或其他组织"),
    (Requests, "商业企业"),
    (Requests, "科研机构"),
    (Requests, "社会公益组织"),
    (Requests, "法律服务机构"),
    (Requests, "其他"),
    (Requests, "总计"),
    (Appeals, "行政复议"),
    (Appeals, "行政诉讼"),
    (Appeals, "未经复议直接起诉"),
    (Appeals, "复议后起诉"),
    (Appeals, "结果维持"),
    (Appeals, "结果纠正"),
    (Appeals, "其他结果"),
    (Appeals, "尚未审结"),
    (Appeals, "总计"),
];

/// The column definitions of a row's cells.
pub fn columns_of(row: RowId) -> &'static [ColumnDef] {
    match ROWS.get(row).map(|r| (r.table, r.parent)) {
        Some((TableId::Requests, _)) => &REQUEST_COLUMNS,
        Some((TableId::Appeals, _)) => &APPEALS_COLUMNS,
        _ => &[],
    }
}

/// The header text of column `col` of `row` (表二's columns come from its sub-table).
pub fn column_label(row: RowId, col: usize) -> &'static str {
    match ROWS.get(row) {
        Some(r) if r.table == TableId::Active => r
            .parent
            .and_then(|p| r.format.unwrap_or_default().sub_tables().get(p))
            .and_then(|s| s.columns.get(col))
            .copied()
            .unwrap_or(""),
        Some(_) => columns_of(row).get(col).map(|c| c.label).unwrap_or(""),
        None => "",
    }
}
