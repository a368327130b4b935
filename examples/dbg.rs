use ogi_lsp::analysis;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    for (off, t) in analysis::report_texts(&text) {
        let r = analysis::analyze_report(t);
        println!(
            "report at {off}: title {:?}",
            r.report.title.clone().map(|s| &t[s])
        );
        for s in &r.report.sections {
            println!("  section {} {:?}", s.index, &t[s.heading.clone()]);
        }
        for l in &r.report.labels {
            println!(
                "  label {:?} {:?} exact={}",
                l.kind,
                &t[l.span.clone()],
                l.exact
            );
        }
        for h in &r.report.rows {
            println!(
                "  row {} {:?} cells={} unsure={:?} dup={}",
                h.row,
                h.label.clone().map(|s| &t[s]),
                h.cells.len(),
                h.unsure,
                h.duplicate
            );
        }
        for (tb, s) in &r.report.tables {
            println!("  table {:?} {:?}", tb, s);
        }
        fn walk(i: &ogi_lsp::analysis::facts::OutlineItem, d: usize) {
            println!("  OUT {}{:?} {}", " ".repeat(d), i.kind, i.name);
            for c in &i.children {
                walk(c, d + 2);
            }
        }
        for i in analysis::facts::outline(t, &r) {
            walk(&i, 0);
        }
        if std::env::var("CANDS").is_ok() {
            cands(t);
        }
    }
}
#[allow(dead_code)]
fn unused() {}
pub fn cands(t: &str) {
    let r = ogi_lsp::analysis::candidates::read(t);
    for c in &r.candidates {
        println!(
            "  CAND lc={} frags={:?} cells={:?}",
            c.label_cells,
            c.fragments
                .iter()
                .map(|f| &t[f.clone()])
                .collect::<Vec<_>>(),
            c.cells
                .iter()
                .map(|s| match s {
                    ogi_lsp::analysis::candidates::Slot::Cell(x) => t[x.clone()].to_string(),
                    ogi_lsp::analysis::candidates::Slot::Soft(_) => "|".into(),
                })
                .collect::<Vec<_>>()
        );
    }
}
