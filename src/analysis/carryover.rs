//! Year-to-year carry-over (`carryover/mismatch`): this year's 二、上年结转政府信息公开申请数量 must equal
//! the same agency's previous-year 四、结转下年度继续办理, column by column.
//!
//! The two reports may be in different files, so the check works on [`Ledger`]s — a report's identity
//! and the figures of those two rows — whose places are whatever the caller needs: byte spans in one
//! text, positions in a file, a location in another document. Front ends gather ledgers (the CLI from
//! its inputs, the server from its workspace index), look the predecessor up in an [`Index`] and turn
//! the [`Outcome`] into their own diagnostics.

use std::collections::HashMap;

use super::ReportAnalysis;
use super::identity::Identity;
use super::model::{Report, Value};
use super::rules::unreadable_tables;
use super::{Message, Rule, Span};
use crate::template::{
    ColumnDef, REQUEST_COLUMNS, REQUESTS_CARRIED_IN, REQUESTS_CARRIED_OUT, RowId, TableId,
};

/// A figure of one of the two rows; a blank counts as 0, as in the balance rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Count(i64),
    Blank,
}

impl Figure {
    pub fn value(self) -> i64 {
        match self {
            Figure::Count(v) => v,
            Figure::Blank => 0,
        }
    }

    fn text(self, locale_zh: bool) -> String {
        match (self, locale_zh) {
            (Figure::Count(v), _) => v.to_string(),
            (Figure::Blank, true) => "空白".to_string(),
            (Figure::Blank, false) => "blank".to_string(),
        }
    }
}

/// One of the two rows: where its label is, and each template column's figure with its place
/// (`None` where the cell is absent or holds text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<P> {
    pub label: P,
    pub cells: Vec<Option<(Figure, P)>>,
}

impl<P> Row<P> {
    fn map<Q>(self, f: &mut impl FnMut(P) -> Q) -> Row<Q> {
        Row {
            label: f(self.label),
            cells: self
                .cells
                .into_iter()
                .map(|c| c.map(|(figure, p)| (figure, f(p))))
                .collect(),
        }
    }

    fn figures(&self) -> impl Iterator<Item = Option<Figure>> + '_ {
        self.cells.iter().map(|c| c.as_ref().map(|(f, _)| *f))
    }
}

/// What the carry-over check needs of one report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ledger<P> {
    pub identity: Identity,
    /// 二、上年结转 (`None` when the row is missing or 表三 cannot be read).
    pub carried_in: Option<Row<P>>,
    /// 四、结转下年度继续办理.
    pub carried_out: Option<Row<P>>,
}

impl<P> Ledger<P> {
    /// The same ledger with every place converted (spans to positions, say).
    pub fn map<Q>(self, mut f: impl FnMut(P) -> Q) -> Ledger<Q> {
        Ledger {
            identity: self.identity,
            carried_in: self.carried_in.map(|r| r.map(&mut f)),
            carried_out: self.carried_out.map(|r| r.map(&mut f)),
        }
    }
}

/// The ledger of one analysed report, with spans relative to its segment.
pub fn ledger(analysis: &ReportAnalysis) -> Ledger<Span> {
    let report = &analysis.report;
    let readable = !unreadable_tables(report).contains(&TableId::Requests);
    let row = |row: RowId| readable.then(|| row_of(report, row)).flatten();
    Ledger {
        identity: analysis.identity.clone(),
        carried_in: row(REQUESTS_CARRIED_IN),
        carried_out: row(REQUESTS_CARRIED_OUT),
    }
}

fn row_of(report: &Report, row: RowId) -> Option<Row<Span>> {
    let hit = report.row(row)?;
    if hit.unsure.is_some() {
        return None;
    }
    let label = report.row_span(hit)?;
    // `<!-- ogi-disable carryover/mismatch -->` above the table.
    let suppressed = report
        .suppressions
        .iter()
        .any(|s| s.rule == Rule::CarryoverMismatch && s.covers.contains(&label.start));
    let cells = (0..REQUEST_COLUMNS.len())
        .map(|col| {
            let cell = report.cell(row, col)?;
            let figure = match cell.value {
                Value::Int(v) => Figure::Count(v),
                Value::Missing => Figure::Blank,
                Value::Decimal(_) | Value::Text => return None,
            };
            Some((figure, cell.span.clone()))
        })
        .collect();
    (!suppressed).then_some(Row { label, cells })
}

/// Ledgers by agency and year, to find a report's predecessor.
#[derive(Debug)]
pub struct Index<T> {
    by_key: HashMap<(String, u16), Vec<T>>,
}

impl<T> Default for Index<T> {
    fn default() -> Self {
        Index {
            by_key: HashMap::new(),
        }
    }
}

impl<T> Index<T> {
    /// Files `item` under its report's agency and year (a report without both is never compared).
    pub fn insert(&mut self, identity: &Identity, item: T) {
        if let Some((agency, year)) = identity.key() {
            self.by_key
                .entry((agency.to_string(), year))
                .or_default()
                .push(item);
        }
    }

    /// The same agency's reports on the year before `identity`'s.
    pub fn previous(&self, identity: &Identity) -> &[T] {
        let Some((agency, year)) = identity.key() else {
            return &[];
        };
        self.by_key
            .get(&(agency.to_string(), year.saturating_sub(1)))
            .map_or(&[], Vec::as_slice)
    }
}

/// Where a predecessor is, for messages: its file's name and the 1-based line of its row.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub file: &'a str,
    pub line: usize,
}

impl Place<'_> {
    fn zh(&self) -> String {
        format!("{} 第 {} 行", self.file, self.line)
    }

    fn en(&self) -> String {
        format!("{} line {}", self.file, self.line)
    }
}

/// The result of checking one report against its predecessors.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<P, Q> {
    /// This year's carried-over figures differ from last year's carried-forward ones. `at` is the first
    /// differing cell; `previous` its counterpart in last year's report, the candidate at index
    /// `candidate`.
    Mismatch {
        at: P,
        previous: Q,
        candidate: usize,
        message: Message,
        related: Message,
    },
    /// Two different reports of the agency for last year: which one holds is not guessed.
    Ambiguous { at: P, message: Message },
}

/// Checks `this` against the previous-year ledgers `candidates` (from [`Index::previous`]), each with
/// its place. Candidates with the same carried-forward figures are copies of one report (a page saved
/// as .html and as .txt), and are not ambiguous.
pub fn check<P: Clone, Q: Clone>(
    this: &Ledger<P>,
    candidates: &[(&Ledger<Q>, Place<'_>)],
) -> Option<Outcome<P, Q>> {
    let carried_in = this.carried_in.as_ref()?;
    let year = this.identity.year?;
    let readable: Vec<_> = candidates
        .iter()
        .enumerate()
        .filter_map(|(i, (l, place))| Some((l.carried_out.as_ref()?, *place, i)))
        .collect();
    let (first, place, candidate) = readable.first()?;
    let distinct = readable
        .iter()
        .any(|(row, _, _)| row.figures().ne(first.figures()));
    if distinct {
        let places_zh: Vec<String> = readable.iter().map(|(_, p, _)| p.zh()).collect();
        let places_en: Vec<String> = readable.iter().map(|(_, p, _)| p.en()).collect();
        let previous = year - 1;
        return Some(Outcome::Ambiguous {
            at: carried_in.label.clone(),
            message: Message::new(
                format!(
                    "本机关 {previous} 年度报告有 {} 份且“四、结转下年度继续办理”各不相同（{}），未比对上年结转",
                    readable.len(),
                    places_zh.join("；")
                ),
                format!(
                    "{} different {previous} reports of this agency ({}): carried-over figures not compared",
                    readable.len(),
                    places_en.join("; ")
                ),
            ),
        });
    }
    mismatch(carried_in, first, year, *place, *candidate)
}

fn mismatch<P: Clone, Q: Clone>(
    carried_in: &Row<P>,
    carried_out: &Row<Q>,
    year: u16,
    place: Place<'_>,
    candidate: usize,
) -> Option<Outcome<P, Q>> {
    let differing: Vec<(&ColumnDef, Figure, &P, Figure, &Q)> = carried_in
        .cells
        .iter()
        .zip(&carried_out.cells)
        .enumerate()
        .filter_map(|(col, (this, last))| {
            let ((now, at), (then, previous)) = (this.as_ref()?, last.as_ref()?);
            let column = REQUEST_COLUMNS.get(col)?;
            (now.value() != then.value()).then_some((column, *now, at, *then, previous))
        })
        .collect();
    let &(_, _, at, _, previous) = differing.first()?;
    let columns = |zh: bool| {
        differing
            .iter()
            .map(|(column, now, _, then, _)| {
                if zh {
                    format!(
                        "{} 本表 {}，上年 {}",
                        column.label,
                        now.text(true),
                        then.text(true)
                    )
                } else {
                    format!(
                        "{} {} here, {} last year",
                        column.label_en.to_lowercase(),
                        now.text(false),
                        then.text(false)
                    )
                }
            })
            .collect::<Vec<_>>()
    };
    let last = year - 1;
    Some(Outcome::Mismatch {
        at: at.clone(),
        previous: previous.clone(),
        candidate,
        message: Message::new(
            format!(
                "上年结转与 {} {last} 年度报告的“四、结转下年度继续办理”不一致：{}",
                place.zh(),
                columns(true).join("；")
            ),
            format!(
                "Carried over differs from carried forward in the {last} report ({}): {}",
                place.en(),
                columns(false).join("; ")
            ),
        ),
        related: Message::new(
            format!("{last} 年度报告的“四、结转下年度继续办理”"),
            format!("carried forward in the {last} report"),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_report;

    const EXAMPLE: &str = include_str!("../../tests/fixtures/dongsheng-2024.txt");

    fn ledger_of(text: &str) -> Ledger<Span> {
        ledger(&analyze_report(text))
    }

    /// The example as the agency's previous report: 2023, with `carried_out` as its 四 row.
    fn predecessor(carried_out: &str) -> String {
        let text = EXAMPLE.replace("2024", "2023");
        let start = text.find("四、结转下年度继续办理 |\n").expect("四 row");
        let row_start = start + "四、结转下年度继续办理 |\n".len();
        let row_end = row_start
            + text[row_start..]
                .match_indices('\n')
                .nth(6)
                .expect("seven cells")
                .0
            + 1;
        let cells: String = carried_out.split(' ').map(|c| format!("{c} |\n")).collect();
        format!("{}{cells}{}", &text[..row_start], &text[row_end..])
    }

    #[test]
    fn the_example_knows_its_agency_year_and_rows() {
        let l = ledger_of(EXAMPLE);
        assert_eq!(
            l.identity.agency.as_ref().map(|a| a.name.as_str()),
            Some("东胜区行政审批政务服务与数据管理局")
        );
        assert_eq!(l.identity.year, Some(2024));
        let figures = |r: &Option<Row<Span>>| {
            r.as_ref().map(|r| {
                r.figures()
                    .map(|f| f.map(Figure::value))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(figures(&l.carried_in), Some(vec![Some(0); 7]));
        assert_eq!(
            figures(&l.carried_out),
            Some(vec![
                Some(1),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(0),
                Some(1)
            ])
        );
    }

    #[test]
    fn one_mismatch_names_every_differing_column_at_the_first() {
        let this = ledger_of(EXAMPLE);
        let text = predecessor("0 0 2 0 0 0 2");
        let last = ledger_of(&text);
        assert_eq!(last.identity.year, Some(2023));
        let mut index = Index::default();
        index.insert(
            &last.identity,
            (
                &last,
                Place {
                    file: "2023.txt",
                    line: 286,
                },
            ),
        );
        let candidates = index.previous(&this.identity).to_vec();
        assert_eq!(candidates.len(), 1);
        let Some(Outcome::Mismatch {
            at,
            previous,
            message,
            ..
        }) = check(&this, &candidates)
        else {
            panic!("expected a mismatch");
        };
        assert_eq!(&EXAMPLE[at.clone()], "0");
        let in_row = this.carried_in.as_ref().expect("二 row");
        assert_eq!(Some(&at), in_row.cells[2].as_ref().map(|(_, s)| s));
        assert_eq!(&text[previous], "2");
        assert_eq!(
            message.zh,
            "上年结转与 2023.txt 第 286 行 2023 年度报告的“四、结转下年度继续办理”不一致：科研机构 本表 0，上年 2；总计 本表 0，上年 2"
        );
    }

    #[test]
    fn agreeing_reports_and_other_agencies_give_nothing() {
        let this = ledger_of(EXAMPLE);
        let same = ledger_of(&predecessor("0 0 0 0 0 0 0"));
        let place = Place { file: "a", line: 1 };
        assert_eq!(check(&this, &[(&same, place)]), None);
        let other = ledger_of(
            &predecessor("1 0 0 0 0 0 1")
                .replace("东胜区行政审批政务服务与数据管理局", "东胜区统计局"),
        );
        let mut index = Index::default();
        index.insert(&other.identity, &other);
        assert!(index.previous(&this.identity).is_empty());
    }

    #[test]
    fn two_different_predecessors_are_reported_not_guessed_between() {
        let this = ledger_of(EXAMPLE);
        let a = ledger_of(&predecessor("1 0 0 0 0 0 1"));
        let b = ledger_of(&predecessor("0 0 0 0 0 0 0"));
        let (pa, pb) = (
            Place {
                file: "a.txt",
                line: 3,
            },
            Place {
                file: "b.txt",
                line: 5,
            },
        );
        let Some(Outcome::Ambiguous { at, message }) = check(&this, &[(&a, pa), (&b, pb)]) else {
            panic!("expected ambiguity");
        };
        assert_eq!(&EXAMPLE[at], "二、上年结转政府信息公开申请数量");
        assert!(
            message.zh.contains("a.txt 第 3 行；b.txt 第 5 行"),
            "{}",
            message.zh
        );
        // Copies of one report (same figures) are one predecessor.
        let copy = ledger_of(&predecessor("1 0 0 0 0 0 1"));
        assert!(matches!(
            check(&this, &[(&a, pa), (&copy, pb)]),
            Some(Outcome::Mismatch { .. })
        ));
    }
}
