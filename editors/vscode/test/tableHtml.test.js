// The table preview's HTML: merged headers, group and row labels, cell states, equation tooltips.
// Runs against the compiled out/tableHtml.js (npm test compiles first).

const test = require('node:test');
const assert = require('node:assert/strict');
const { renderTables, zhStrings, enStrings } = require('../out/tableHtml');

const range = (line, character, length) => ({ start: { line, character }, end: { line, character: character + length } });
const cell = (col, text, status, at, totals = [], equations = []) => ({
    col,
    text,
    value: /^\d+$/.test(text) ? Number(text) : null,
    kind: { fine: 'number', failing: 'number', blank: 'blank', unreadable: 'text', absent: 'absent' }[status],
    status,
    range: at,
    totals,
    equations,
});
const absentCells = (n) => Array.from({ length: n }, (_, col) => cell(col, '', 'absent', null));

const failingTotal = '表三 · 一、本年新收 · 总计 = 9 + 0 = 9 ✗（表中为 8）';
const heldColumn = '表三 · 自然人 · 一 = 8 ✓';

/** A small 表三 (one failing row total, a blank, an absent row, an unreadable row) and a missing 表四. */
const answer = {
    uri: 'file:///ws/r.ogi.txt',
    version: 3,
    report: { title: '某局2024年政府信息公开工作年度报告', year: 2024, range: range(0, 0, 17) },
    tables: [
        {
            id: 'requests',
            name: '表三',
            title: '收到和处理政府信息公开申请情况',
            format: '2021',
            found: true,
            unreadable: false,
            blocks: [
                {
                    caption: null,
                    captionRange: null,
                    labelColumns: 3,
                    valueColumns: 3,
                    header: [
                        [{ text: '（勾稽关系）', columns: 3, rows: 2 }, { text: '申请人情况', columns: 3, rows: 1 }],
                        [{ text: '自然人', columns: 1, rows: 1 }, { text: '其他', columns: 1, rows: 1 }, { text: '总计', columns: 1, rows: 1 }],
                    ],
                    rows: [
                        {
                            row: 6,
                            groups: [],
                            label: '一、本年新收',
                            labelColumns: 3,
                            labelRange: range(5, 0, 6),
                            found: true,
                            unsure: null,
                            cells: [
                                cell(0, '9', 'failing', range(6, 0, 1), [], [1, 0]),
                                cell(1, '/', 'blank', range(7, 0, 1), [], [0]),
                                cell(2, '8', 'failing', range(8, 0, 1), [0], [0]),
                            ],
                        },
                        {
                            row: 8,
                            groups: [{ text: '三、本年度办理结果', columns: 1, rows: 2 }],
                            label: '（一）予以公开',
                            labelColumns: 2,
                            labelRange: null,
                            found: false,
                            unsure: null,
                            cells: absentCells(3),
                        },
                        {
                            row: 9,
                            groups: [],
                            label: '（二）<部分>公开',
                            labelColumns: 2,
                            labelRange: range(12, 0, 8),
                            found: true,
                            unsure: 'runTogether',
                            cells: [cell(0, '1 2', 'unreadable', range(13, 0, 3)), cell(1, '', 'absent', null), cell(2, '', 'absent', null)],
                        },
                    ],
                },
            ],
            equations: [
                { rule: 'balance/row-total', total: { row: 6, col: 2 }, terms: [], expected: 9, actual: 8, holds: false, text: failingTotal },
                { rule: 'balance/column', total: { row: 6, col: 0 }, terms: [], expected: 8, actual: 8, holds: true, text: heldColumn },
            ],
        },
        {
            id: 'appeals',
            name: '表四',
            title: '政府信息公开行政复议、行政诉讼情况',
            format: '2021',
            found: false,
            unreadable: false,
            blocks: [
                {
                    caption: null,
                    captionRange: null,
                    labelColumns: 0,
                    valueColumns: 2,
                    header: [[{ text: '行政复议', columns: 2, rows: 1 }]],
                    rows: [{ row: 31, groups: [], label: '', labelColumns: 0, labelRange: null, found: false, unsure: null, cells: absentCells(2) }],
                },
            ],
            equations: [],
        },
    ],
};

const html = renderTables(answer, 'r.ogi.txt', zhStrings);

/** The HTML of table `id`'s section, from its `data-table` attribute on. */
function section(id) {
    const start = html.indexOf(`data-table="${id}"`);
    assert.notEqual(start, -1, `no section for ${id}`);
    const end = html.indexOf('</section>', start);
    return html.slice(start, end);
}

test('the heading names the report, its year and its file', () => {
    assert.match(html, /^<header class="report" data-range="0,0,0,17" tabindex="0"><h1>某局2024年政府信息公开工作年度报告<\/h1><p class="meta">2024 年度 · r\.ogi\.txt<\/p><\/header><ul class="legend">/);
});

test('header cells keep the colspan and rowspan of the model', () => {
    assert.ok(
        section('requests').includes('<thead><tr><th colspan="3" rowspan="2">（勾稽关系）</th><th colspan="3">申请人情况</th></tr><tr><th>自然人</th><th>其他</th><th>总计</th></tr></thead>'),
    );
});

test('a row: its label spans the label columns and leads to its source; its figures follow', () => {
    const row = section('requests').match(/<tr class="row" data-row="6">.*?<\/tr>/s)[0];
    assert.equal(
        row,
        '<tr class="row" data-row="6"><th class="label" colspan="3" data-range="5,0,5,6" tabindex="0">一、本年新收</th>' +
            `<td class="cell failing" data-col="0" data-range="6,0,6,1" tabindex="0" title="${failingTotal}\n${heldColumn}">9</td>` +
            `<td class="cell blank" data-col="1" data-range="7,0,7,1" tabindex="0" title="空白\n${failingTotal}">/</td>` +
            `<td class="cell failing total" data-col="2" data-range="8,0,8,1" tabindex="0" title="${failingTotal}">8</td></tr>`,
    );
});

test('a group label starts at its first row and spans its rows; an absent row is dim and leads nowhere', () => {
    const row = section('requests').match(/<tr class="row absent" data-row="8">.*?<\/tr>/)[0];
    assert.equal(
        row,
        '<tr class="row absent" data-row="8"><th class="group" rowspan="2">三、本年度办理结果</th>' +
            '<th class="label" colspan="2" title="报告中没有这一行">（一）予以公开</th>' +
            '<td class="cell absent" data-col="0" title="缺失"></td><td class="cell absent" data-col="1" title="缺失"></td><td class="cell absent" data-col="2" title="缺失"></td></tr>',
    );
});

test('an unreadable row says why, shows what it read, and escapes the text', () => {
    const row = section('requests').match(/<tr class="row unsure" data-row="9">.*?<\/tr>/)[0];
    assert.ok(row.includes('<th class="label" colspan="2" data-range="12,0,12,8" tabindex="0" title="数字连写在一起，无法分开">（二）&#60;部分&#62;公开</th>'), row);
    assert.ok(row.includes('<td class="cell unreadable" data-col="0" data-range="13,0,13,3" tabindex="0" title="无法读取">1 2</td>'), row);
});

test('a total that holds gets the holds mark; the table heading counts failing equations', () => {
    const table = answer.tables[0];
    const rows = table.blocks[0].rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, status: c.status === 'failing' ? 'fine' : c.status })) }));
    const held = { ...table, blocks: [{ ...table.blocks[0], rows }], equations: table.equations.map((e) => ({ ...e, holds: true })) };
    const out = renderTables({ ...answer, tables: [held] }, 'r.ogi.txt', enStrings);
    assert.ok(out.includes('<td class="cell fine total holds" data-col="2" data-range="8,0,8,1" tabindex="0" title="'), out);
    assert.ok(out.includes('<td class="cell fine" data-col="0"'), 'only totals get the mark');
    assert.ok(out.includes('<span class="status holds">all 2 equations hold</span>'));
    assert.ok(section('requests').includes('<span class="status failing">1 项勾稽关系不成立</span>'));
});

test('a table the report lacks is dim and says so; 表四 has no label column', () => {
    const t = section('appeals');
    assert.ok(t.startsWith('data-table="appeals"><h2><span class="name">表四</span> 政府信息公开行政复议、行政诉讼情况 <span class="status absent">未找到</span></h2>'), t);
    assert.match(html, /<section class="table absent" data-table="appeals">/);
    assert.ok(t.includes('<tr class="row absent" data-row="31"><td class="cell absent" data-col="0" title="缺失"></td>'), t);
});

test('a document without a report: the file name and a note, no tables', () => {
    const out = renderTables({ uri: 'file:///ws/x.md', version: 1, report: null, tables: [] }, 'x.md', enStrings);
    assert.equal(out, '<header class="report"><h1>x.md</h1></header><p class="note">No annual open-government-information report found in this document.</p>');
});
