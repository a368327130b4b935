fn main() {
    let file =
        std::env::var("OGI_FILE").unwrap_or_else(|_| "tests/fixtures/dongsheng-2024.txt".into());
    let base = std::fs::read_to_string(&file).expect("fixture");
    let base = base.as_str();
    let mut text = String::new();
    let mut i = 0;
    let target: usize = std::env::var("OGI_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000_000);
    while text.len() < target {
        text.push_str(&format!("某局{i}政府信息公开工作年度报告\n"));
        text.push_str(base);
        i += 1;
    }
    let mut best = f64::MAX;
    let mut a = ogi_lsp::analysis::analyze("");
    for _ in 0..5 {
        let t = std::time::Instant::now();
        a = ogi_lsp::analysis::analyze(&text);
        best = best.min(t.elapsed().as_secs_f64());
    }
    let dt = std::time::Duration::from_secs_f64(best);
    println!(
        "{} reports, {} findings, {:.1} MB/s",
        a.reports.len(),
        a.findings().count(),
        text.len() as f64 / dt.as_secs_f64() / 1e6
    );
}
