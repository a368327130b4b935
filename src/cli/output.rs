//! Where `check` writes: stdout, or the file of `--output`. Keeps the output file out of the inputs
//! and never lets it overwrite one. Knows nothing of formats.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::inputs::{Input, Source};

/// Bytes written to the output at a time.
const BUFFER: usize = 1 << 16;

/// Where the output goes: stdout, or the file of `--output`, created before checking starts so that
/// a path that cannot be written fails at once, not after thousands of files.
pub struct Sink {
    file: Option<File>,
    /// The output file's absolute path.
    path: Option<PathBuf>,
}

impl Sink {
    pub fn open(output: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<Sink> {
        let Some(path) = output.filter(|p| p.as_os_str() != "-") else {
            return Ok(Sink {
                file: None,
                path: None,
            });
        };
        // Creating the file would empty a report named as an input before it is read.
        if let Some(same) = inputs.iter().find(|i| same_file(i, path)) {
            anyhow::bail!(
                "the output file {} is also an input ({}): it would be overwritten",
                path.display(),
                same.display()
            );
        }
        let file = File::create(path)
            .with_context(|| format!("cannot write output to {}", path.display()))?;
        let absolute = std::fs::canonicalize(path)
            .with_context(|| format!("cannot write output to {}", path.display()))?;
        Ok(Sink {
            file: Some(file),
            path: Some(absolute),
        })
    }

    /// Whether the output goes to stdout (perhaps a terminal).
    pub fn is_stdout(&self) -> bool {
        self.file.is_none()
    }

    /// Whether `input` is the output file.
    pub fn is(&self, input: &Input) -> bool {
        match (&self.path, &input.source) {
            (Some(out), Source::File(path)) => std::fs::canonicalize(path).is_ok_and(|p| &p == out),
            _ => false,
        }
    }

    pub fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.write_with(|out| out.write_all(bytes))
    }

    /// Lets `write` produce the output piece by piece through a buffer, instead of as one string.
    pub fn write_with(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> anyhow::Result<()> {
        let written = match (&mut self.file, &self.path) {
            (Some(file), Some(path)) => {
                let mut out = BufWriter::with_capacity(BUFFER, file);
                return write(&mut out)
                    .and_then(|()| out.flush())
                    .with_context(|| format!("cannot write output to {}", path.display()));
            }
            _ => {
                let mut out = BufWriter::with_capacity(BUFFER, std::io::stdout().lock());
                write(&mut out).and_then(|()| out.flush())
            }
        };
        match written {
            // A reader that stopped early (`| head`) has what it wanted.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context("cannot write output"),
        }
    }
}

/// Whether two paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
