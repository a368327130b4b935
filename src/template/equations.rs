//! The balance equations (勾稽关系) as data. Each definition is a family — one equation per row or
//! per column of a table, or a single one — expanded once into concrete cell equations that one
//! generic checker evaluates.

use std::sync::OnceLock;

use super::TableId;
use super::format::Format;
use super::rows::*;
use crate::analysis::Rule;

/// A cell relative to the row or column the family iterates over.
#[derive(Debug, Clone, Copy)]
pub enum Slot {
    /// Column `n` of the current row.
    Col(usize),
    /// Row `r` in the current column.
    Row(RowId),
    /// A fixed cell.
    Cell(RowId, usize),
}

#[derive(Debug, Clone, Copy)]
pub enum Axis {
    /// One equation for every row of the table.
    EachRow(TableId),
    /// One equation for each of the first `n` columns of 表三.
    EachColumn(usize),
    Once,
}

/// `total = Σ sign × term`.
#[derive(Debug, Clone, Copy)]
pub struct EquationDef {
    pub rule: Rule,
    pub axis: Axis,
    pub total: Slot,
    pub terms: &'static [(i8, Slot)],
}

#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const fn plus_cols<const N: usize>(cols: [usize; N]) -> [(i8, Slot); N] {
    let mut out = [(1i8, Slot::Col(0)); N];
    let mut i = 0;
    while i < N {
        out[i] = (1, Slot::Col(cols[i]));
        i += 1;
    }
    out
}

#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const fn plus_cells<const N: usize>(row: RowId, cols: [usize; N]) -> [(i8, Slot); N] {
    let mut out = [(1i8, Slot::Col(0)); N];
    let mut i = 0;
    while i < N {
        out[i] = (1, Slot::Cell(row, cols[i]));
        i += 1;
    }
    out
}

/// Every outcome row of 表三 that adds up to （七）总计: （一）（二）, （三）1–8, （四）1–3, （五）1–5, （六）1–3.
#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const OUTCOMES: [(i8, Slot); 21] = {
    let mut out = [(1i8, Slot::Row(0)); 21];
    let mut i = 0;
    while i < 21 {
        out[i] = (1, Slot::Row(REQUESTS_FIRST_OUTCOME + i));
        i += 1;
    }
    out
};

/// The trial format's outcomes: （一）–（五） as in 2021, and （六）其他处理 as one row.
#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
const TRIAL_OUTCOMES: [(i8, Slot); 19] = {
    let mut out = [(1i8, Slot::Row(0)); 19];
    let mut i = 0;
    while i < 18 {
        out[i] = (1, Slot::Row(REQUESTS_FIRST_OUTCOME + i));
        i += 1;
    }
    out[18] = (1, Slot::Row(TRIAL_OTHER_OUTCOME));
    out
};

pub const EQUATIONS: &[EquationDef] = &[
    EquationDef {
        rule: Rule::RowTotal,
        axis: Axis::EachRow(TableId::Requests),
        total: Slot::Col(6),
        terms: &plus_cols([0, 1, 2, 3, 4, 5]),
    },
    EquationDef {
        rule: Rule::ResultTotal,
        axis: Axis::EachColumn(7),
        total: Slot::Row(REQUESTS_TOTAL),
        terms: &OUTCOMES,
    },
    EquationDef {
        rule: Rule::IntakeOutcome,
        axis: Axis::EachColumn(7),
        total: Slot::Row(REQUESTS_CARRIED_OUT),
        terms: &[
            (1, Slot::Row(REQUESTS_NEW)),
            (1, Slot::Row(REQUESTS_CARRIED_IN)),
            (-1, Slot::Row(REQUESTS_TOTAL)),
        ],
    },
    EquationDef {
        rule: Rule::ReviewTotal,
        axis: Axis::Once,
        total: Slot::Cell(APPEALS_ROW, 4),
        terms: &plus_cells(APPEALS_ROW, [0, 1, 2, 3]),
    },
    EquationDef {
        rule: Rule::LitigationTotal,
        axis: Axis::Once,
        total: Slot::Cell(APPEALS_ROW, 9),
        terms: &plus_cells(APPEALS_ROW, [5, 6, 7, 8]),
    },
    EquationDef {
        rule: Rule::LitigationTotal,
        axis: Axis::Once,
        total: Slot::Cell(APPEALS_ROW, 14),
        terms: &plus_cells(APPEALS_ROW, [10, 11, 12, 13]),
    },
];

/// The trial format's equations: the same families, with its own outcome rows.
#[expect(
    clippy::indexing_slicing,
    reason = "evaluated at compile time: an index out of range fails the build"
)]
pub const TRIAL_EQUATIONS: &[EquationDef] = &[
    EQUATIONS[0],
    EquationDef {
        rule: Rule::ResultTotal,
        axis: Axis::EachColumn(7),
        total: Slot::Row(REQUESTS_TOTAL),
        terms: &TRIAL_OUTCOMES,
    },
    EQUATIONS[2],
    EQUATIONS[3],
    EQUATIONS[4],
    EQUATIONS[5],
];

/// A concrete equation over template cells `(row, column)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    pub rule: Rule,
    pub total: (RowId, usize),
    pub terms: Vec<(i8, (RowId, usize))>,
}

fn resolve(slot: Slot, row: RowId, col: usize) -> (RowId, usize) {
    match slot {
        Slot::Col(c) => (row, c),
        Slot::Row(r) => (r, col),
        Slot::Cell(r, c) => (r, c),
    }
}

fn expand(def: &EquationDef, format: Format, out: &mut Vec<Equation>) {
    let places: Vec<(RowId, usize)> = match def.axis {
        Axis::EachRow(table) => format.rows(table).map(|r| (r, 0)).collect(),
        Axis::EachColumn(n) => (0..n).map(|c| (0, c)).collect(),
        Axis::Once => vec![(0, 0)],
    };
    for (row, col) in places {
        out.push(Equation {
            rule: def.rule,
            total: resolve(def.total, row, col),
            terms: def
                .terms
                .iter()
                .map(|&(sign, slot)| (sign, resolve(slot, row, col)))
                .collect(),
        });
    }
}

/// All concrete equations of a format's template, expanded once.
pub fn equations(format: Format) -> &'static [Equation] {
    static Y2021: OnceLock<Vec<Equation>> = OnceLock::new();
    static TRIAL: OnceLock<Vec<Equation>> = OnceLock::new();
    let (cell, defs) = match format {
        Format::Y2021 => (&Y2021, EQUATIONS),
        Format::Trial2019 => (&TRIAL, TRIAL_EQUATIONS),
    };
    cell.get_or_init(|| {
        let mut out = Vec::new();
        for def in defs {
            expand(def, format, &mut out);
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_expand_to_the_expected_counts() {
        let count = |rule| {
            equations(Format::Y2021)
                .iter()
                .filter(|e| e.rule == rule)
                .count()
        };
        assert_eq!(count(Rule::RowTotal), 25);
        assert_eq!(count(Rule::ResultTotal), 7);
        assert_eq!(count(Rule::IntakeOutcome), 7);
        assert_eq!(count(Rule::ReviewTotal), 1);
        assert_eq!(count(Rule::LitigationTotal), 2);
    }

    #[test]
    fn result_total_sums_the_twenty_one_outcome_rows() {
        let eq = equations(Format::Y2021)
            .iter()
            .find(|e| e.rule == Rule::ResultTotal)
            .expect("result total");
        assert_eq!(eq.total, (REQUESTS_TOTAL, 0));
        assert_eq!(
            eq.terms.first().map(|t| t.1),
            Some((REQUESTS_FIRST_OUTCOME, 0))
        );
        assert_eq!(eq.terms.last().map(|t| t.1), Some((REQUESTS_TOTAL - 1, 0)));
        assert!(
            eq.terms
                .iter()
                .all(|t| ROWS[t.1.0].table == TableId::Requests && t.1.0 < REQUESTS_TOTAL)
        );
    }

    #[test]
    fn the_trial_format_adds_its_single_other_outcome() {
        let eq = equations(Format::Trial2019)
            .iter()
            .find(|e| e.rule == Rule::ResultTotal)
            .expect("result total");
        assert_eq!(eq.terms.len(), 19);
        assert_eq!(eq.terms.last().map(|t| t.1), Some((TRIAL_OTHER_OUTCOME, 0)));
        let rows = equations(Format::Trial2019)
            .iter()
            .filter(|e| e.rule == Rule::RowTotal)
            .count();
        assert_eq!(rows, 23);
    }

    #[test]
    fn every_cell_exists_in_the_template() {
        for eq in Format::ALL.iter().flat_map(|&f| equations(f)) {
            for (r, c) in std::iter::once(eq.total).chain(eq.terms.iter().map(|t| t.1)) {
                assert!(c < ROWS[r].cells, "{:?}", eq);
            }
        }
    }
}
