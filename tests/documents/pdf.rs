//! The example report as a published PDF: the text as PDF text reads it
//! (tests/fixtures/layouts/l5-pdf.txt, a table row on one line), prose wrapped to the page, 45 lines
//! a page, in a CJK font embedded as PDF writers embed one (a Type0 font over a CIDFontType2 subset
//! of the glyphs drawn, their widths, a ToUnicode map for text extraction). Also the PDFs a checker
//! cannot read: locked with a password, scanned (no text layer), cut short. Written with lopdf, as
//! pdf-extract re-exports it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use pdf_extract::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
use pdf_extract::{
    Dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream,
    StringFormat, dictionary,
};
use ttf_parser::{Face, GlyphId};

/// A TrueType collection with the Latin and CJK characters of a report, from a Debian package (the
/// editor tests' screenshots use it too).
pub const FONT: &str = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
pub const FONT_PACKAGE: &str = "fonts-wqy-microhei";
/// WenQuanYi Micro Hei, the collection's proportional face.
const FACE: u32 = 0;

/// The example report as text read from a PDF.
pub const L5: &str = include_str!("../fixtures/layouts/l5-pdf.txt");

/// A4, in points.
const PAGE_WIDTH: f64 = 595.0;
const PAGE_HEIGHT: f64 = 842.0;
const MARGIN: f64 = 40.0;
const FONT_SIZE: f64 = 10.0;
/// Under 1.5 × the font size: an extractor reads consecutive lines, not a blank line between them.
const LEADING: f64 = 14.0;
pub const LINES_PER_PAGE: usize = 45;

/// The font's bytes, or a failure that says which package brings it.
pub fn font() -> Vec<u8> {
    std::fs::read(FONT).unwrap_or_else(|e| {
        panic!(
            "cannot read the CJK font {FONT} ({e}); install Debian's {FONT_PACKAGE}: \
             apt-get install {FONT_PACKAGE} (.ci/test installs it)"
        )
    })
}

fn face(font: &[u8]) -> Face<'_> {
    Face::parse(font, FACE).unwrap_or_else(|e| panic!("{FONT} is not a font: {e}"))
}

/// Advance width of `c` in thousandths of the font size.
fn advance(face: &Face, c: char) -> f64 {
    let glyph = glyph(face, c);
    let units = face.glyph_hor_advance(glyph).unwrap_or(0);
    f64::from(units) * 1000.0 / f64::from(face.units_per_em())
}

fn glyph(face: &Face, c: char) -> GlyphId {
    face.glyph_index(c)
        .unwrap_or_else(|| panic!("{FONT} has no glyph for {c:?}"))
}

/// The lines of each page, as drawn.
#[derive(Debug, Clone)]
pub struct Layout {
    pub pages: Vec<Vec<String>>,
}

impl Layout {
    /// `text`'s lines wrapped to the width of the text block and cut into pages.
    pub fn new(text: &str, font: &[u8]) -> Layout {
        let face = face(font);
        let width = (PAGE_WIDTH - 2.0 * MARGIN) / FONT_SIZE * 1000.0;
        let lines: Vec<String> = text
            .lines()
            .flat_map(|line| wrap(&face, line, width))
            .collect();
        Layout {
            pages: lines
                .chunks(LINES_PER_PAGE)
                .map(<[String]>::to_vec)
                .collect(),
        }
    }

    /// The 1-based page of the first line holding `needle`.
    pub fn page_of(&self, needle: &str) -> u32 {
        let page = self
            .pages
            .iter()
            .position(|lines| lines.iter().any(|l| l.contains(needle)))
            .unwrap_or_else(|| panic!("no page shows {needle:?}"));
        page as u32 + 1
    }
}

/// `line` cut into lines no wider than `width` (thousandths of the font size). A run of Latin
/// letters and figures (`1774项`'s `1774`, `98.34%`) is never cut, as a typesetter keeps it.
fn wrap(face: &Face, line: &str, width: f64) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for c in line.chars() {
        let latin = |c: char| c.is_ascii_graphic();
        match units.last_mut() {
            Some(u) if latin(c) && u.chars().all(latin) => u.push(c),
            _ => units.push(c.to_string()),
        }
    }
    let mut out = vec![String::new()];
    let mut used = 0.0;
    for unit in units {
        let w: f64 = unit.chars().map(|c| advance(face, c)).sum();
        if used + w > width && used > 0.0 {
            out.push(String::new());
            used = 0.0;
        }
        out.last_mut().expect("a line").push_str(&unit);
        used += w;
    }
    out
}

/// The font as a PDF draws it: character codes (CIDs, two bytes each) and the fonts' objects.
struct EmbeddedFont {
    cids: BTreeMap<char, u16>,
}

impl EmbeddedFont {
    /// Adds the Type0 font that draws `chars` to `doc`; its CIDs are the glyph ids of the subset.
    fn add(doc: &mut Document, font: &[u8], chars: &BTreeSet<char>) -> (EmbeddedFont, Object) {
        let face = face(font);
        let mut remapper = subsetter::GlyphRemapper::new();
        let mut cids = BTreeMap::new();
        let mut unicode = BTreeMap::new();
        for &c in chars {
            let cid = remapper.remap(glyph(&face, c).0);
            if let Some(other) = unicode.insert(cid, c) {
                panic!("{c:?} and {other:?} share a glyph: the text could not be extracted");
            }
            cids.insert(c, cid);
        }
        let subset = subsetter::subset(font, FACE, &remapper).expect("a font subset");
        let widths: Vec<Object> = remapper
            .remapped_gids()
            .map(|old| {
                let units = face.glyph_hor_advance(GlyphId(old)).unwrap_or(0);
                Object::Integer(i64::from(units) * 1000 / i64::from(face.units_per_em()))
            })
            .collect();

        // A subset's name carries a six-letter tag (ISO 32000-1, 9.6.4).
        let name = "OGIAAA+WenQuanYiMicroHei";
        let mut file = Stream::new(dictionary! { "Length1" => subset.len() as i64 }, subset);
        file.compress().expect("deflate the font");
        let file = doc.add_object(file);
        let scale = |v: i16| i64::from(v) * 1000 / i64::from(face.units_per_em());
        let bbox = face.global_bounding_box();
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor",
            "FontName" => Object::Name(name.into()),
            "Flags" => 4,
            "FontBBox" => vec![
                scale(bbox.x_min).into(), scale(bbox.y_min).into(),
                scale(bbox.x_max).into(), scale(bbox.y_max).into(),
            ],
            "ItalicAngle" => 0,
            "Ascent" => scale(face.ascender()),
            "Descent" => scale(face.descender()),
            "CapHeight" => scale(face.capital_height().unwrap_or(face.ascender())),
            "StemV" => 80,
            "FontFile2" => file,
        });
        let cid_font = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "CIDFontType2",
            "BaseFont" => Object::Name(name.into()),
            "CIDSystemInfo" => dictionary! {
                "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("Identity"),
                "Supplement" => 0,
            },
            "FontDescriptor" => descriptor,
            "DW" => 1000,
            "W" => vec![0.into(), Object::Array(widths)],
            "CIDToGIDMap" => "Identity",
        });
        let mut to_unicode = Stream::new(Dictionary::new(), to_unicode_cmap(&unicode).into_bytes());
        to_unicode.compress().expect("deflate the CMap");
        let to_unicode = doc.add_object(to_unicode);
        let type0 = doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type0",
            "BaseFont" => Object::Name(name.into()),
            "Encoding" => "Identity-H",
            "DescendantFonts" => vec![cid_font.into()],
            "ToUnicode" => to_unicode,
        });
        (EmbeddedFont { cids }, type0.into())
    }

    /// `text` as a hex string of CIDs.
    fn encode(&self, text: &str) -> String {
        text.chars()
            .map(|c| format!("{:04X}", self.cids[&c]))
            .collect()
    }
}

/// The CMap from CIDs to Unicode that lets a reader extract the text (ISO 32000-1, 9.10.3).
fn to_unicode_cmap(unicode: &BTreeMap<u16, char>) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = unicode.iter().collect();
    // At most 100 entries a block.
    for block in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", block.len()));
        for (cid, c) in block {
            let utf16: String = c
                .encode_utf16(&mut [0; 2])
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            cmap.push_str(&format!("<{cid:04X}> <{utf16}>\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

/// A document whose pages draw these content streams, with `font` (if any) as `/F1`.
fn pages(doc: &mut Document, contents: Vec<Vec<u8>>, font: Option<Object>) {
    let pages_id = doc.new_object_id();
    let mut resources = Dictionary::new();
    if let Some(font) = font {
        resources.set("Font", dictionary! { "F1" => font });
    }
    let resources = doc.add_object(resources);
    let kids: Vec<Object> = contents
        .into_iter()
        .map(|content| {
            let mut stream = Stream::new(Dictionary::new(), content);
            stream.compress().expect("deflate the page");
            let content = doc.add_object(stream);
            doc.add_object(dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
                "Resources" => resources,
                "Contents" => content,
            })
            .into()
        })
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    // The file identifier: encryption keys are derived from it.
    let id = Object::String(b"ogi-lsp test PDF".to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
}

/// The PDF of a layout: each line drawn where a typesetter would put it.
pub fn document(layout: &Layout, font: &[u8]) -> Document {
    let mut doc = Document::with_version("1.7");
    let chars: BTreeSet<char> = layout
        .pages
        .iter()
        .flatten()
        .flat_map(|l| l.chars())
        .collect();
    let (embedded, font) = EmbeddedFont::add(&mut doc, font, &chars);
    let contents = layout
        .pages
        .iter()
        .map(|lines| {
            let mut ops = format!("BT\n/F1 {FONT_SIZE} Tf\n");
            for (i, line) in lines.iter().enumerate() {
                if line.is_empty() {
                    continue;
                }
                let y = PAGE_HEIGHT - MARGIN - FONT_SIZE - i as f64 * LEADING;
                ops.push_str(&format!(
                    "1 0 0 1 {MARGIN} {y} Tm\n<{}> Tj\n",
                    embedded.encode(line)
                ));
            }
            ops.push_str("ET\n");
            ops.into_bytes()
        })
        .collect();
    pages(&mut doc, contents, Some(font));
    doc
}

pub fn bytes(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("write the PDF");
    out
}

/// The PDF of `text` (PDF text layout: a table row on one line) and its layout.
pub fn of_text(text: &str) -> (Layout, Vec<u8>) {
    let font = font();
    let layout = Layout::new(text, &font);
    let pdf = bytes(&mut document(&layout, &font));
    (layout, pdf)
}

/// How a PDF is encrypted: RC4 with a 128-bit key (PDF 1.4), or AES with a 256-bit key (PDF 2.0,
/// what current writers choose).
#[derive(Debug, Clone, Copy)]
pub enum Cipher {
    Rc4,
    Aes256,
}

/// `doc` encrypted with `cipher`: opening it needs `user` (nothing when empty); `owner` lifts the
/// permissions, of which only printing is granted.
pub fn encrypted(mut doc: Document, cipher: Cipher, user: &str, owner: &str) -> Vec<u8> {
    let permissions = Permissions::PRINTABLE;
    let version = match cipher {
        Cipher::Rc4 => EncryptionVersion::V2 {
            document: &doc,
            owner_password: owner,
            user_password: user,
            key_length: 128,
            permissions,
        },
        Cipher::Aes256 => {
            let filter: Arc<dyn CryptFilter> = Arc::new(Aes256CryptFilter);
            EncryptionVersion::V5 {
                encrypt_metadata: true,
                crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), filter)]),
                file_encryption_key: &FILE_KEY,
                stream_filter: b"StdCF".to_vec(),
                string_filter: b"StdCF".to_vec(),
                owner_password: owner,
                user_password: user,
                permissions,
            }
        }
    };
    let state = EncryptionState::try_from(version).expect("an encryption key");
    doc.encrypt(&state).expect("encrypt the PDF");
    bytes(&mut doc)
}

/// AES-256's file key, random in a real writer; any 32 bytes do for a test.
const FILE_KEY: [u8; 32] = *b"ogi-lsp test file encryption key";

/// A scan as a PDF without OCR: a page of graphics and no text at all.
pub fn without_text() -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let page = b"0.5 g\n60 600 475 180 re f\n0 g\n60 200 475 360 re S\n".to_vec();
    pages(&mut doc, vec![page], None);
    bytes(&mut doc)
}
