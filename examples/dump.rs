fn main() {
    let path = std::env::args().nth(1).expect("path");
    let text = std::fs::read_to_string(&path).expect("read");
    let a = ogi_lsp::analysis::analyze(&text);
    for p in &a.reports {
        println!(
            "report at {} len {} rows {} cells {} sections {:?}",
            p.offset,
            p.len,
            p.analysis.report.rows.len(),
            p.analysis.report.cells.len(),
            p.analysis
                .report
                .sections
                .iter()
                .map(|s| s.index)
                .collect::<Vec<_>>()
        );
    }
    for f in a.findings() {
        let line = text[..f.span.start].matches('\n').count() + 1;
        println!(
            "{}:{} {} {} [{}]",
            line,
            f.span.start,
            f.rule.code(),
            f.message.zh,
            &text[f.span.clone()]
        );
    }
}
