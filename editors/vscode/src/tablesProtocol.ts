// The `ogi/tables` request: one report's tables as the server's table model lays them out.
// Types only (plus the method name), mirroring the server's src/lsp/tables.rs.

export const tablesMethod = 'ogi/tables';

export interface Position {
    line: number;
    character: number;
}

export interface Range {
    start: Position;
    end: Position;
}

export interface TablesParams {
    textDocument: { uri: string };
    /** Selects the report holding this position; the first report when absent. */
    position?: Position;
}

/** `null` when the server does not have the document open. */
export type TablesResponse = TablesResult | null;

export interface TablesResult {
    uri: string;
    version: number;
    /** `null`: the document holds no report. */
    report: { title: string | null; year: number | null; range: Range } | null;
    tables: Table[];
}

export interface Table {
    id: 'active' | 'requests' | 'appeals';
    name: string;
    title: string;
    format: '2021' | '2019';
    found: boolean;
    unreadable: boolean;
    blocks: Block[];
    equations: Equation[];
}

/** A header or group label cell, with its HTML colspan (`columns`) and rowspan (`rows`). */
export interface HeaderCell {
    text: string;
    columns: number;
    rows: number;
}

export interface Block {
    caption: string | null;
    captionRange: Range | null;
    labelColumns: number;
    valueColumns: number;
    header: HeaderCell[][];
    rows: Row[];
}

export interface Row {
    row: number;
    /** Group label cells that start at this row, outermost first. */
    groups: HeaderCell[];
    label: string;
    labelColumns: number;
    labelRange: Range | null;
    found: boolean;
    unsure: 'cellCount' | 'runTogether' | null;
    cells: Cell[];
}

export type CellStatus = 'fine' | 'failing' | 'blank' | 'unreadable' | 'absent';

export interface Cell {
    col: number;
    text: string;
    value: number | null;
    kind: 'number' | 'blank' | 'text' | 'absent';
    status: CellStatus;
    range: Range | null;
    /** Indices into the table's `equations`: those this cell is the total of, and all that hold it. */
    totals: number[];
    equations: number[];
}

export interface Equation {
    rule: string;
    total: { row: number; col: number };
    terms: { sign: number; row: number; col: number }[];
    expected: number;
    actual: number;
    holds: boolean;
    /** The equation evaluated, in the server's language. */
    text: string;
}
