//! Reading and writing the little-endian fields of the structured formats.

/// A cursor over a fuzz input; every read past the end yields `None`.
pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Input<'a> {
        Input { data }
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn u8(&mut self) -> Option<u8> {
        let (&first, rest) = self.data.split_first()?;
        self.data = rest;
        Some(first)
    }

    pub fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.u8()?, self.u8()?]))
    }

    /// Up to `n` bytes (fewer at the end of the input).
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let (taken, rest) = self.data.split_at(n.min(self.data.len()));
        self.data = rest;
        taken
    }

    /// A string of at most 255 bytes: its length, then its bytes read as UTF-8 with replacements.
    pub fn short_text(&mut self) -> Option<String> {
        let n = self.u8()?;
        Some(String::from_utf8_lossy(self.bytes(usize::from(n))).into_owned())
    }

    /// At most 65,535 bytes, taken as they are.
    pub fn long_bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.u16()?;
        Some(self.bytes(usize::from(n)).to_vec())
    }
}

/// The writer matching [`Input`].
#[derive(Default)]
pub struct Output {
    pub data: Vec<u8>,
}

impl Output {
    pub fn u8(&mut self, v: u8) -> &mut Output {
        self.data.push(v);
        self
    }

    pub fn u16(&mut self, v: u16) -> &mut Output {
        self.data.extend_from_slice(&v.to_le_bytes());
        self
    }

    /// The counterpart of [`Input::short_text`]; longer text is cut at 255 bytes.
    pub fn short_text(&mut self, text: &str) -> &mut Output {
        let bytes = &text.as_bytes()[..text.len().min(255)];
        self.u8(bytes.len() as u8);
        self.data.extend_from_slice(bytes);
        self
    }

    /// The counterpart of [`Input::long_bytes`]; longer input is cut at 65,535 bytes.
    pub fn long_bytes(&mut self, bytes: &[u8]) -> &mut Output {
        let bytes = &bytes[..bytes.len().min(usize::from(u16::MAX))];
        self.u16(bytes.len() as u16);
        self.data.extend_from_slice(bytes);
        self
    }
}
