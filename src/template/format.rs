//! The two national formats a report may follow: the 2021 format (国办公开办函〔2021〕30号) and the
//! 2019 trial format it replaced (国办公开办函〔2019〕60号, for the 2019 and 2020 reports). They
//! differ in 表二 (five sub-tables with other columns) and in 表三's （六）其他处理 (one row in the trial
//! format); sections and 表四 are the same. Each format lists its rows in template order.

use super::rows::{SUB_TABLES, SubTableDef, TRIAL_SUB_TABLES};
use super::{ROWS, RowId, TableId, row_def};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// 国办公开办函〔2021〕30号, for the reports on 2021 and later years.
    #[default]
    Y2021,
    /// 国办公开办函〔2019〕60号 (试行), for the reports on 2019 and 2020.
    Trial2019,
}

/// The first year reported in the 2021 format.
pub const FIRST_2021_YEAR: u16 = 2021;

impl Format {
    pub const ALL: [Format; 2] = [Format::Y2021, Format::Trial2019];

    pub fn name(self) -> &'static str {
        match self {
            Format::Y2021 => "2021 年统一格式（国办公开办函〔2021〕30号）",
            Format::Trial2019 => "2019 年试行格式（国办公开办函〔2019〕60号）",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Format::Y2021 => "the 2021 national format (国办公开办函〔2021〕30号)",
            Format::Trial2019 => "the 2019 trial format (国办公开办函〔2019〕60号)",
        }
    }

    /// The format a report on `year` should follow.
    pub fn for_year(year: u16) -> Format {
        if year >= FIRST_2021_YEAR {
            Format::Y2021
        } else {
            Format::Trial2019
        }
    }

    /// 表二's sub-tables; an anchor's index means the same item of 第二十条 in both formats.
    pub fn sub_tables(self) -> &'static [SubTableDef] {
        match self {
            Format::Y2021 => &SUB_TABLES,
            Format::Trial2019 => &TRIAL_SUB_TABLES,
        }
    }

    /// Whether the format has row `row`.
    pub fn has(self, row: RowId) -> bool {
        ROWS.get(row)
            .is_some_and(|r| r.format.is_none_or(|f| f == self))
    }

    /// The rows of `table` in template order.
    pub fn rows(self, table: TableId) -> impl Iterator<Item = RowId> {
        let order: &'static [RowId] = match self {
            Format::Y2021 => &ORDER_2021,
            Format::Trial2019 => &ORDER_TRIAL,
        };
        order
            .iter()
            .copied()
            .filter(move |&r| row_def(r).table == table)
    }

    /// Every row in template order.
    pub fn all_rows(self) -> &'static [RowId] {
        match self {
            Format::Y2021 => &ORDER_2021,
            Format::Trial2019 => &ORDER_TRIAL,
        }
    }
}

#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const fn range<const N: usize>(start: RowId) -> [RowId; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = start + i;
        i += 1;
    }
    out
}

/// Rows 0–31 in order.
const ORDER_2021: [RowId; 32] = range::<32>(0);

/// 表二 (32–39), 表三 up to （五） (6–25), （六）其他处理 (40), （七）总计 and 四 (29, 30), 表四 (31).
#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const ORDER_TRIAL: [RowId; 32] = {
    let mut out = [0; 32];
    let mut k = 0;
    let mut r = 32;
    while r < 40 {
        out[k] = r;
        k += 1;
        r += 1;
    }
    let mut r = 6;
    while r <= 25 {
        out[k] = r;
        k += 1;
        r += 1;
    }
    out[k] = 40;
    out[k + 1] = 29;
    out[k + 2] = 30;
    out[k + 3] = 31;
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_lists_its_own_rows_once() {
        for format in Format::ALL {
            let rows = format.all_rows();
            assert!(rows.iter().all(|&r| format.has(r)), "{format:?}");
            let mut seen = rows.to_vec();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), rows.len());
            let total = ROWS.iter().filter(|r| format.has(r.id)).count();
            assert_eq!(total, rows.len(), "{format:?}");
        }
    }

    #[test]
    fn the_trial_format_has_other_active_rows_and_one_other_outcome() {
        let active: Vec<&str> = Format::Trial2019
            .rows(TableId::Active)
            .map(|r| ROWS[r].label)
            .collect();
        assert_eq!(
            active,
            vec![
                "规章",
                "规范性文件",
                "行政许可",
                "其他对外管理服务事项",
                "行政处罚",
                "行政强制",
                "行政事业性收费",
                "政府集中采购"
            ]
        );
        assert_eq!(Format::Trial2019.rows(TableId::Requests).count(), 23);
        assert_eq!(Format::Y2021.rows(TableId::Requests).count(), 25);
        assert_eq!(Format::Trial2019.sub_tables().len(), 5);
        assert_eq!(Format::for_year(2020), Format::Trial2019);
        assert_eq!(Format::for_year(2021), Format::Y2021);
    }
}
