//! The example report (`tests/fixtures/dongsheng-2024.txt`, layout L1) taken apart into its sections
//! and tables: the labels, figures and prose every variant is rendered from. Knows the template's shape
//! (how many rows and columns each table has), not how any variant writes it.

pub const EXAMPLE: &str = include_str!("../fixtures/dongsheng-2024.txt");

/// A flattened cell and the line of pipes that follows it in L1 (`""` when none does).
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub text: String,
    pub trail: String,
}

/// A template row: the group labels that open before it, its label, its figures as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Template row id (src/template/rows.rs).
    pub id: usize,
    pub groups: Vec<String>,
    pub label: String,
    pub values: Vec<String>,
    /// The line of pipes after the row in L1.
    pub trail: String,
}

/// A 表二 sub-table: its anchor (第二十条第(一)项), headers (信息内容 and the columns), rows.
#[derive(Debug, Clone, PartialEq)]
pub struct SubTable {
    pub anchor: Item,
    pub header: Vec<Item>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub prose: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Lines before 一、总体情况.
    pub before: Vec<String>,
    pub sections: Vec<Section>,
    /// 表二's four sub-tables.
    pub active: Vec<SubTable>,
    /// 表三's header cells: the note, 申请人情况, 自然人, 法人或其他组织, 总计, the five organisations.
    pub requests_header: Vec<Item>,
    /// 表三's 25 rows (ids 6–30).
    pub requests: Vec<Row>,
    /// 表四's 19 header cells, in reading order over its three header rows.
    pub appeals_header: Vec<Item>,
    /// 表四's 15 figures.
    pub appeals: Vec<String>,
}

const NUMERALS: [&str; 6] = ["一、", "二、", "三、", "四、", "五、", "六、"];
/// 表二: (columns, rows) of each sub-table.
const SUB_TABLES: [(usize, usize); 4] = [(3, 2), (1, 1), (1, 2), (1, 1)];

fn is_figure(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.')
}

impl Example {
    pub fn load() -> Example {
        parse(EXAMPLE)
    }

    /// Every template row, 表二 then 表三 (表四's one row is [`Example::appeals`]).
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.active
            .iter()
            .flat_map(|t| t.rows.iter())
            .chain(self.requests.iter())
    }

    pub fn row_mut(&mut self, id: usize) -> &mut Row {
        self.active
            .iter_mut()
            .flat_map(|t| t.rows.iter_mut())
            .chain(self.requests.iter_mut())
            .find(|r| r.id == id)
            .expect("a template row of 表二 or 表三")
    }

    /// The figure of template cell (row, col) as written.
    pub fn value(&self, row: usize, col: usize) -> &str {
        if row == 31 {
            return &self.appeals[col];
        }
        &self
            .rows()
            .find(|r| r.id == row)
            .expect("template row")
            .values[col]
    }
}

/// Splits L1 text into sections and the flattened cells of each.
pub fn parse(text: &str) -> Example {
    let mut before = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut cells: Vec<Vec<Item>> = Vec::new();
    for line in text.split('\n') {
        let pipes = !line.is_empty() && line.chars().all(|c| c == '|');
        if let Some(cell) = line.strip_suffix(" |") {
            cells
                .last_mut()
                .expect("a cell inside a section")
                .push(Item {
                    text: cell.to_string(),
                    trail: String::new(),
                });
        } else if pipes {
            let last = cells.last_mut().and_then(|c| c.last_mut());
            last.expect("pipes after a cell").trail = line.to_string();
        } else if sections.len() < 6 && line.starts_with(NUMERALS[sections.len()]) {
            sections.push(Section {
                heading: line.to_string(),
                prose: Vec::new(),
            });
            cells.push(Vec::new());
        } else if let Some(s) = sections.last_mut() {
            s.prose.push(line.to_string());
        } else {
            before.push(line.to_string());
        }
    }
    assert_eq!(sections.len(), 6, "the example has six sections");
    let mut tables = cells.into_iter().skip(1);
    let active = active(tables.next().unwrap_or_default());
    let (requests_header, requests) = requests(tables.next().unwrap_or_default());
    let (appeals_header, appeals) = appeals(tables.next().unwrap_or_default());
    Example {
        before,
        sections,
        active,
        requests_header,
        requests,
        appeals_header,
        appeals,
    }
}

/// A row label followed by `n` figures; the last figure's pipes end the row.
fn row(id: usize, groups: Vec<String>, it: &mut impl Iterator<Item = Item>, n: usize) -> Row {
    let label = it.next().expect("a row label").text;
    let figures: Vec<Item> = it.take(n).collect();
    assert_eq!(figures.len(), n, "{label}");
    Row {
        id,
        groups,
        label,
        trail: figures.last().map(|f| f.trail.clone()).unwrap_or_default(),
        values: figures.into_iter().map(|f| f.text).collect(),
    }
}

fn active(cells: Vec<Item>) -> Vec<SubTable> {
    let mut it = cells.into_iter();
    let mut id = 0;
    SUB_TABLES
        .iter()
        .map(|&(cols, rows)| SubTable {
            anchor: it.next().expect("an anchor"),
            header: it.by_ref().take(cols + 1).collect(),
            rows: (0..rows)
                .map(|_| {
                    id += 1;
                    row(id - 1, Vec::new(), &mut it, cols)
                })
                .collect(),
        })
        .collect()
}

fn requests(cells: Vec<Item>) -> (Vec<Item>, Vec<Row>) {
    let mut it = cells.into_iter().peekable();
    let header: Vec<Item> = it.by_ref().take(10).collect();
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    while let Some(item) = it.next() {
        if it.peek().is_some_and(|next| is_figure(&next.text)) {
            let mut label_first = std::iter::once(item).chain(it.by_ref());
            let id = 6 + rows.len();
            rows.push(row(id, std::mem::take(&mut groups), &mut label_first, 7));
        } else {
            groups.push(item.text);
        }
    }
    assert_eq!(rows.len(), 25);
    (header, rows)
}

fn appeals(cells: Vec<Item>) -> (Vec<Item>, Vec<String>) {
    let (values, header): (Vec<Item>, Vec<Item>) =
        cells.into_iter().partition(|c| is_figure(&c.text));
    assert_eq!((header.len(), values.len()), (19, 15));
    (header, values.into_iter().map(|v| v.text).collect())
}
