//! A generated document: its text and where each cell, label and heading was written, so that a test
//! can say which characters a finding must point at without asking the reader under test.

use std::ops::Range;

/// What a marked stretch of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A section heading (index 0–5).
    Heading(usize),
    /// A 表二 sub-table anchor, a column header or a note.
    Header,
    /// A 表三 group label (三、本年度办理结果, （三）不予公开 …).
    Group,
    /// A template row's label.
    Label(usize),
    /// A template cell (row, column).
    Cell(usize, usize),
}

pub struct Doc {
    pub text: String,
    pub marks: Vec<(Mark, Range<usize>)>,
    /// What ends a line: `"\n"`, or `"\n\n"` where every line is followed by an empty one.
    newline: &'static str,
}

impl Doc {
    pub fn new(newline: &'static str) -> Doc {
        Doc {
            text: String::new(),
            marks: Vec::new(),
            newline,
        }
    }

    pub fn put(&mut self, s: &str) -> &mut Doc {
        self.text.push_str(s);
        self
    }

    pub fn nl(&mut self) -> &mut Doc {
        self.text.push_str(self.newline);
        self
    }

    pub fn line(&mut self, s: &str) -> &mut Doc {
        self.put(s).nl()
    }

    /// Writes `s` and remembers where its characters are, without the spaces around them.
    pub fn mark(&mut self, mark: Mark, s: &str) -> &mut Doc {
        let start = self.text.len() + (s.len() - s.trim_start().len());
        self.marks.push((mark, start..start + s.trim().len()));
        self.put(s)
    }

    /// Writes a label wrapped over several lines and marks it as one stretch.
    pub fn mark_lines(&mut self, mark: Mark, lines: &[&str]) -> &mut Doc {
        let start = self.text.len();
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                self.nl();
            }
            self.put(l);
        }
        self.marks.push((mark, start..self.text.len()));
        self
    }

    /// Marks a stretch written piece by piece (an HTML cell of several paragraphs) from `start`.
    pub fn mark_from(&mut self, mark: Mark, start: usize, end: usize) {
        self.marks.push((mark, start..end));
    }

    /// The first stretch with this mark.
    pub fn range(&self, mark: Mark) -> Range<usize> {
        self.marks
            .iter()
            .find(|(m, _)| *m == mark)
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{mark:?} was not written"))
    }

    /// The line that holds `offset`, without its line break.
    pub fn line_at(&self, offset: usize) -> Range<usize> {
        let start = self.text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = self.text[offset..]
            .find('\n')
            .map_or(self.text.len(), |i| offset + i);
        start..end
    }

    /// The document, without the line break after its last line.
    pub fn finish(mut self) -> Doc {
        if self.text.ends_with(self.newline) {
            self.text.truncate(self.text.len() - self.newline.len());
        }
        self
    }
}
