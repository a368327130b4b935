//! Writes the benchmark corpus of benches/support/corpus.rs to a directory (default
//! target/bench-corpus): for every layout and kind, one compilation of at least `OGI_BENCH_MB`
//! megabytes (10⁶ bytes, default 100) and `OGI_BENCH_FILES` copies as separate files in a tree
//! (default 10,000), and a MANIFEST stating each input's copies, bytes and the findings `check` must
//! give. benches/run.sh runs it as `cargo bench --bench corpus -- DIR`.
//!
//! The bytes depend only on the fixtures and the sizes, so a corpus the MANIFEST shows was written
//! from the same inputs is left as it is instead of being written again.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test may panic: that is a failed test

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/settings.rs"]
mod settings;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use corpus::{Kind, Layout, Template};
use settings::setting;

/// Copies per directory of the file tree: a directory of 10,000 entries is slow to list on some
/// file systems, and real collections are grouped by agency.
const PER_DIRECTORY: usize = 100;

/// One corpus input as the MANIFEST lists it: its path relative to the corpus directory, copies,
/// bytes, and the findings `check` gives for it.
struct Entry {
    path: String,
    copies: usize,
    bytes: u64,
}

impl Entry {
    fn line(&self, kind: Kind) -> String {
        let findings = self.copies * kind.findings_per_copy();
        format!("{} {} {} {findings}", self.path, self.copies, self.bytes)
    }
}

/// The compilation: copies 1, 2, … until at least `bytes`.
fn write_compilation(path: &Path, template: &Template, kind: Kind, bytes: u64) -> (usize, u64) {
    let file = fs::File::create(path).unwrap_or_else(|e| panic!("create {}: {e}", path.display()));
    let mut out = BufWriter::with_capacity(1 << 20, file);
    let mut copy = String::new();
    let (mut copies, mut written) = (0, 0u64);
    while written < bytes {
        copies += 1;
        copy.clear();
        template.write(&mut copy, copies, kind);
        out.write_all(copy.as_bytes())
            .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        written += copy.len() as u64;
    }
    out.flush()
        .unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    (copies, written)
}

/// Copies 1 to `files`, each in its own file: `dir/NNN/NNNNN.ext`, numbered so that path order is copy
/// order.
fn write_tree(dir: &Path, template: &Template, kind: Kind, files: usize) -> u64 {
    if dir.exists() {
        fs::remove_dir_all(dir).unwrap_or_else(|e| panic!("remove {}: {e}", dir.display()));
    }
    let width = files.to_string().len();
    let group_width = (files / PER_DIRECTORY).to_string().len();
    let extension = template.layout().extension();
    let mut copy = String::new();
    let mut written = 0;
    for n in 1..=files {
        let group = dir.join(format!("{:0group_width$}", (n - 1) / PER_DIRECTORY));
        if (n - 1) % PER_DIRECTORY == 0 {
            fs::create_dir_all(&group)
                .unwrap_or_else(|e| panic!("create {}: {e}", group.display()));
        }
        copy.clear();
        template.write(&mut copy, n, kind);
        let path = group.join(format!("{n:0width$}.{extension}"));
        fs::write(&path, &copy).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        written += copy.len() as u64;
    }
    written
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs bench targets without it, and a test
    // run must not write hundreds of megabytes.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--bench") {
        eprintln!("corpus: nothing written outside `cargo bench --bench corpus -- [DIR]`");
        return;
    }
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("target/bench-corpus"), PathBuf::from);
    let megabytes = setting("OGI_BENCH_MB", 100);
    let files = setting("OGI_BENCH_FILES", 10_000);

    let header = format!(
        "ogi-lsp benchmark corpus {:016x} mb={megabytes} files={files}",
        corpus::fingerprint()
    );
    let manifest = dir.join("MANIFEST");
    if let Ok(existing) = fs::read_to_string(&manifest)
        && existing.lines().next() == Some(header.as_str())
    {
        eprintln!("corpus: {} is current", dir.display());
        return;
    }
    fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    // Written last: an interrupted run leaves no MANIFEST, so the next run starts again.
    let _ = fs::remove_file(&manifest);

    let mut lines = vec![
        header,
        "# path copies bytes findings — `check --format json` must report the findings".to_owned(),
    ];
    for layout in Layout::ALL {
        let template = Template::new(layout);
        for kind in Kind::ALL {
            let stem = format!("{}-{}", layout.name(), kind.name());
            let path = format!("{stem}.{}", layout.extension());
            eprintln!("corpus: {path} and {stem}/");
            let (copies, bytes) = write_compilation(
                &dir.join(&path),
                &template,
                kind,
                megabytes as u64 * 1_000_000,
            );
            lines.push(
                Entry {
                    path,
                    copies,
                    bytes,
                }
                .line(kind),
            );
            let bytes = write_tree(&dir.join(&stem), &template, kind, files);
            let entry = Entry {
                path: format!("{stem}/"),
                copies: files,
                bytes,
            };
            lines.push(entry.line(kind));
        }
    }
    fs::write(&manifest, lines.join("\n") + "\n")
        .unwrap_or_else(|e| panic!("write {}: {e}", manifest.display()));
    eprintln!("corpus: written to {}", dir.display());
}
