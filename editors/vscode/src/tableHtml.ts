// Renders an `ogi/tables` answer as HTML for the table preview: merged headers, group and row
// labels, every figure with its status and equations. Pure (no vscode): the panel lives in
// tablePreview.ts, the styles in media/preview.css. Elements with `data-range` ("line,char,line,char")
// lead back to their source when clicked.

import { Block, Cell, Equation, HeaderCell, Range, Row, Table, TablesResult } from './tablesProtocol';

/** The preview's own words; the equations come already worded by the server. */
export interface PreviewStrings {
    year: (year: number) => string;
    noReport: string;
    tableMissing: string;
    tableUnreadable: string;
    allHold: (count: number) => string;
    failing: (count: number) => string;
    blank: string;
    unreadable: string;
    absent: string;
    rowAbsent: string;
    unsure: { cellCount: string; runTogether: string };
    trialFormat: string;
    legend: { holds: string; failing: string; blank: string; unreadable: string; absent: string; click: string };
}

export const zhStrings: PreviewStrings = {
    year: (year) => `${year} 年度`,
    noReport: '此文档中没有找到政府信息公开工作年度报告。',
    tableMissing: '未找到',
    tableUnreadable: '无法读取',
    allHold: (count) => `${count} 项勾稽关系全部成立`,
    failing: (count) => `${count} 项勾稽关系不成立`,
    blank: '空白',
    unreadable: '无法读取',
    absent: '缺失',
    rowAbsent: '报告中没有这一行',
    unsure: { cellCount: '单元格数目与表格不符，无法逐格对应', runTogether: '数字连写在一起，无法分开' },
    trialFormat: '2019 年试行格式',
    legend: { holds: '合计成立', failing: '勾稽关系不成立', blank: '空白', unreadable: '无法读取', absent: '缺失', click: '点击单元格跳到原文' },
};

export const enStrings: PreviewStrings = {
    year: (year) => `year ${year}`,
    noReport: 'No annual open-government-information report found in this document.',
    tableMissing: 'not found',
    tableUnreadable: 'unreadable',
    allHold: (count) => `all ${count} equations hold`,
    failing: (count) => `${count} equation${count === 1 ? '' : 's'} fail`,
    blank: 'blank (空白)',
    unreadable: 'unreadable',
    absent: 'absent',
    rowAbsent: 'the report lacks this row',
    unsure: { cellCount: 'the row has the wrong number of cells', runTogether: 'figures run together' },
    trialFormat: '2019 trial format',
    legend: { holds: 'total holds', failing: 'equation fails', blank: 'blank', unreadable: 'unreadable', absent: 'absent', click: 'click a cell to go to its source' },
};

export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Attributes, skipping the undefined ones: `attrs({ class: 'x', title: undefined })` → ` class="x"`. */
function attrs(values: Record<string, string | number | undefined>): string {
    return Object.entries(values)
        .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
        .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
        .join('');
}

/** Makes an element lead to its source: clickable and focusable (Enter), see media/preview.js. */
function source(range: Range | null): Record<string, string | number | undefined> {
    if (range === null) {
        return {};
    }
    return { 'data-range': [range.start.line, range.start.character, range.end.line, range.end.character].join(','), tabindex: 0 };
}

/** `colspan` / `rowspan` values, omitted when 1. */
const span = (n: number): number | undefined => (n > 1 ? n : undefined);

/** A `class` value from the names that apply: `classes('row', !found && 'absent')`. */
const classes = (...names: (string | false)[]): string => names.filter(Boolean).join(' ');

/** The equations at `indices` (indices into the table's `equations`). */
const pick = (indices: number[], equations: Equation[]): Equation[] =>
    indices.map((i) => equations[i]).filter((e): e is Equation => e !== undefined);

/** The whole preview body for one answer; `documentName` stands in for a report without a title. */
export function renderTables(result: TablesResult, documentName: string, s: PreviewStrings): string {
    const report = result.report;
    const title = report?.title ?? documentName;
    const meta = [report?.year != null ? s.year(report.year) : undefined, report?.title != null ? documentName : undefined]
        .filter((m) => m !== undefined)
        .join(' · ');
    const heading =
        `<header${attrs({ class: 'report', ...source(report?.range ?? null) })}>` +
        `<h1>${escapeHtml(title)}</h1>${meta ? `<p class="meta">${escapeHtml(meta)}</p>` : ''}</header>`;
    if (report === null) {
        return `${heading}<p class="note">${escapeHtml(s.noReport)}</p>`;
    }
    return heading + legend(s) + result.tables.map((t) => table(t, s)).join('');
}

function legend(s: PreviewStrings): string {
    const item = (classes: string, sample: string, text: string) =>
        `<li><span class="cell ${classes}">${sample}</span>${escapeHtml(text)}</li>`;
    return (
        '<ul class="legend">' +
        item('fine total holds', '8', s.legend.holds) +
        item('failing total', '9', s.legend.failing) +
        item('blank', '', s.legend.blank) +
        item('unreadable', '?', s.legend.unreadable) +
        item('absent', '', s.legend.absent) +
        `<li class="hint">${escapeHtml(s.legend.click)}</li></ul>`
    );
}

function table(t: Table, s: PreviewStrings): string {
    const failing = t.equations.filter((e) => !e.holds).length;
    let status = '';
    if (!t.found) {
        status = `<span class="status absent">${escapeHtml(s.tableMissing)}</span>`;
    } else if (t.unreadable) {
        status = `<span class="status unreadable">${escapeHtml(s.tableUnreadable)}</span>`;
    } else if (failing > 0) {
        status = `<span class="status failing">${escapeHtml(s.failing(failing))}</span>`;
    } else if (t.equations.length > 0) {
        status = `<span class="status holds">${escapeHtml(s.allHold(t.equations.length))}</span>`;
    }
    const format = t.format === '2019' ? `<span class="format">${escapeHtml(s.trialFormat)}</span>` : '';
    return (
        `<section${attrs({ class: classes('table', !t.found && 'absent', t.unreadable && 'unreadable'), 'data-table': t.id })}>` +
        `<h2>${[`<span class="name">${escapeHtml(t.name)}</span>`, escapeHtml(t.title), format, status].filter(Boolean).join(' ')}</h2>` +
        t.blocks.map((b) => block(b, t.equations, s)).join('') +
        '</section>'
    );
}

function block(b: Block, equations: Equation[], s: PreviewStrings): string {
    const caption = b.caption === null ? '' : `<h3${attrs({ class: 'caption', ...source(b.captionRange) })}>${escapeHtml(b.caption)}</h3>`;
    const header = b.header.map((cells) => `<tr>${cells.map((c) => headerCell(c)).join('')}</tr>`).join('');
    const rows = b.rows.map((r) => row(r, equations, s)).join('');
    return `${caption}<table><thead>${header}</thead><tbody>${rows}</tbody></table>`;
}

function headerCell(c: HeaderCell, className?: string): string {
    return `<th${attrs({ class: className, colspan: span(c.columns), rowspan: span(c.rows) })}>${escapeHtml(c.text)}</th>`;
}

function row(r: Row, equations: Equation[], s: PreviewStrings): string {
    const note = !r.found ? s.rowAbsent : r.unsure !== null ? s.unsure[r.unsure] : undefined;
    const groups = r.groups.map((g) => headerCell(g, 'group')).join('');
    const label =
        r.labelColumns === 0
            ? ''
            : `<th${attrs({ class: 'label', colspan: span(r.labelColumns), ...source(r.labelRange), title: note })}>${escapeHtml(r.label)}</th>`;
    return `<tr${attrs({ class: classes('row', !r.found && 'absent', r.unsure !== null && 'unsure'), 'data-row': r.row })}>${groups}${label}${r.cells.map((c) => cell(c, equations, s)).join('')}</tr>`;
}

function cell(c: Cell, equations: Equation[], s: PreviewStrings): string {
    const totals = pick(c.totals, equations);
    const holds = totals.length > 0 && totals.every((e) => e.holds);
    const note = c.status === 'blank' ? s.blank : c.status === 'unreadable' ? s.unreadable : c.status === 'absent' ? s.absent : undefined;
    // Failing equations first: they are what the reader came for.
    const all = pick(c.equations, equations);
    const texts = [...all.filter((e) => !e.holds), ...all.filter((e) => e.holds)].map((e) => e.text);
    const title = [note, ...texts].filter((t): t is string => t !== undefined).join('\n');
    const text = c.status === 'absent' ? '' : c.text;
    const names = classes('cell', c.status, totals.length > 0 && 'total', holds && 'holds');
    return `<td${attrs({ class: names, 'data-col': c.col, ...source(c.range), title })}>${escapeHtml(text)}</td>`;
}
