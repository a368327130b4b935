//! Aligns the observed sequence of candidate rows to the template's sequence of rows, the way a diff
//! aligns lines: a small dynamic programme that maximises the total score of matched pairs while
//! keeping both sequences in order. Unmatched candidates are extra text (headers, page furniture,
//! prose with numbers); unmatched template rows are missing. Knows nothing of labels or layouts:
//! the caller scores a (candidate, template row) pair, or says it can never match.

/// For each candidate `0..candidates`, the template position `0..template` it is aligned to.
/// `score(i, j)` is `None` when candidate `i` cannot stand for template row `j`, else a positive score.
pub fn align(
    candidates: usize,
    template: usize,
    score: impl Fn(usize, usize) -> Option<f32>,
) -> Vec<Option<usize>> {
    // best.at(i, j): the best total for the first i candidates and the first j template rows.
    let mut best = Totals {
        width: template + 1,
        cells: vec![0f32; (candidates + 1) * (template + 1)],
    };
    for i in 1..=candidates {
        for j in 1..=template {
            let skip_candidate = best.at(i - 1, j);
            let skip_row = best.at(i, j - 1);
            let pair = score(i - 1, j - 1).map_or(f32::MIN, |s| best.at(i - 1, j - 1) + s);
            best.set(i, j, skip_candidate.max(skip_row).max(pair));
        }
    }
    let mut out = vec![None; candidates];
    let (mut i, mut j) = (candidates, template);
    while i > 0 && j > 0 {
        let here = best.at(i, j);
        if here == best.at(i - 1, j) {
            i -= 1;
        } else if here == best.at(i, j - 1) {
            j -= 1;
        } else {
            if let Some(slot) = out.get_mut(i - 1) {
                *slot = Some(j - 1);
            }
            i -= 1;
            j -= 1;
        }
    }
    out
}

/// The programme's table of best totals, row by row.
struct Totals {
    width: usize,
    cells: Vec<f32>,
}

impl Totals {
    fn at(&self, i: usize, j: usize) -> f32 {
        self.cells.get(i * self.width + j).copied().unwrap_or(0.0)
    }

    fn set(&mut self, i: usize, j: usize, total: f32) {
        if let Some(cell) = self.cells.get_mut(i * self.width + j) {
            *cell = total;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: [&str; 6] = ["规章", "许可", "处罚", "强制", "收费", "总计"];

    /// Scores by shared characters, as a damaged label still shares most of its text.
    fn similarity(a: &str, b: &str) -> Option<f32> {
        let shared = a.chars().filter(|c| b.contains(*c)).count();
        let score = shared as f32 / b.chars().count().max(a.chars().count()) as f32;
        (score >= 0.5).then_some(score)
    }

    fn aligned(observed: &[&str]) -> Vec<Option<&'static str>> {
        align(observed.len(), TEMPLATE.len(), |i, j| {
            similarity(observed[i], TEMPLATE[j])
        })
        .into_iter()
        .map(|j| j.map(|j| TEMPLATE[j]))
        .collect()
    }

    #[test]
    fn identical_sequences_pair_one_to_one() {
        let got = aligned(&TEMPLATE);
        assert_eq!(got, TEMPLATE.iter().map(|t| Some(*t)).collect::<Vec<_>>());
    }

    #[test]
    fn a_damaged_label_keeps_its_place() {
        assert_eq!(
            aligned(&["规章", "许x", "处罚"]),
            vec![Some("规章"), Some("许可"), Some("处罚")]
        );
    }

    #[test]
    fn missing_rows_are_gaps_and_extra_text_is_skipped() {
        assert_eq!(
            aligned(&["规章", "页眉", "强制", "总计"]),
            vec![Some("规章"), None, Some("强制"), Some("总计")]
        );
    }

    #[test]
    fn a_reordered_row_is_left_out_rather_than_dragging_others() {
        // 处罚 before 许可: one of them cannot be aligned in order; the rest still are.
        let got = aligned(&["规章", "处罚", "许可", "强制"]);
        assert_eq!(got[0], Some("规章"));
        assert_eq!(got[3], Some("强制"));
        assert_eq!(got.iter().filter(|g| g.is_none()).count(), 1);
    }

    #[test]
    fn a_duplicated_row_is_matched_once() {
        let got = aligned(&["规章", "许可", "许可", "处罚"]);
        assert_eq!(got.iter().filter(|g| **g == Some("许可")).count(), 1);
        assert_eq!(got[3], Some("处罚"));
    }

    #[test]
    fn nothing_to_align() {
        assert!(align(0, 6, |_, _| Some(1.0)).is_empty());
        assert_eq!(align(2, 0, |_, _| Some(1.0)), vec![None, None]);
    }
}
