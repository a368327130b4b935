// "Check whole workspace": runs `ogi-lsp check --format json` on each workspace folder and shows the
// result in the Problems panel. Knows the JSON schema of the CLI (SPEC §5), not the language server.

import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

interface JsonPosition {
    line: number;
    character: number;
}

interface JsonRange {
    start: JsonPosition;
    end: JsonPosition;
}

interface JsonRelated {
    path?: string;
    message?: string;
    range?: JsonRange;
}

interface JsonDiagnostic {
    code?: string;
    severity?: string;
    message?: string;
    range?: JsonRange;
    related?: JsonRelated[];
}

interface JsonFile {
    path: string;
    diagnostics?: JsonDiagnostic[];
}

interface JsonOutput {
    files?: JsonFile[];
    /** Files that could not be read: not UTF-8, an encrypted or scanned PDF, a damaged file. */
    unreadable?: { path?: string; reason?: string }[];
    summary?: { files?: number; reports?: number; errors?: number; warnings?: number };
}

function toSeverity(s: string | undefined): vscode.DiagnosticSeverity {
    switch (s) {
        case 'error':
            return vscode.DiagnosticSeverity.Error;
        case 'information':
            return vscode.DiagnosticSeverity.Information;
        case 'hint':
            return vscode.DiagnosticSeverity.Hint;
        default:
            return vscode.DiagnosticSeverity.Warning;
    }
}

// JSON positions are LSP positions (0-based lines, UTF-16 characters), the same units as VS Code's.
function toRange(r: JsonRange | undefined): vscode.Range {
    if (r === undefined) {
        return new vscode.Range(0, 0, 0, 0);
    }
    return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function toDiagnostic(d: JsonDiagnostic, fileUri: vscode.Uri, folder: string): vscode.Diagnostic {
    const diag = new vscode.Diagnostic(toRange(d.range), d.message ?? '', toSeverity(d.severity));
    diag.source = 'ogi-lsp';
    if (d.code !== undefined) {
        diag.code = d.code;
    }
    diag.relatedInformation = (d.related ?? []).map((rel) => {
        const uri = rel.path !== undefined ? vscode.Uri.file(path.resolve(folder, rel.path)) : fileUri;
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(rel.range)), rel.message ?? '');
    });
    return diag;
}

interface RunResult {
    stdout: string;
    stderr: string;
    code: number | null;
}

function run(command: string, args: string[], cwd: string, token: vscode.CancellationToken): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const child = cp.execFile(command, args, { cwd, maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
            // A non-zero exit is an answer here (1 = errors found, 2 = usage or I/O problems), not a failure.
            const code = error !== null && typeof error.code === 'number' ? error.code : child.exitCode;
            if (error !== null && typeof error.code !== 'number' && stdout.length === 0) {
                reject(error);
                return;
            }
            resolve({ stdout, stderr, code });
        });
        token.onCancellationRequested(() => child.kill());
    });
}

/**
 * The CLI reads rule settings from a file (`--config`, `{ "rules": { code: level } }`), the same shape
 * as the `ogi.rules` setting, so the batch check and the live diagnostics agree.
 */
function writeRulesConfig(rules: Record<string, string>): { args: string[]; cleanup: () => void } {
    if (Object.keys(rules).length === 0) {
        return { args: [], cleanup: () => {} };
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-check-'));
    const file = path.join(dir, 'rules.json');
    fs.writeFileSync(file, JSON.stringify({ rules }));
    return { args: ['--config', file], cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Checks every workspace folder; returns a one-line summary for the status message. */
export async function checkWorkspace(
    serverCommand: string,
    rules: Record<string, string>,
    collection: vscode.DiagnosticCollection,
    token: vscode.CancellationToken,
): Promise<string> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
        throw new Error('ogi-lsp: open a folder first; "Check Whole Workspace" checks the files of the workspace folders.');
    }
    const config = writeRulesConfig(rules);
    try {
        return await checkFolders(serverCommand, folders, config.args, collection, token);
    } finally {
        config.cleanup();
    }
}

async function checkFolders(
    serverCommand: string,
    folders: readonly vscode.WorkspaceFolder[],
    configArgs: string[],
    collection: vscode.DiagnosticCollection,
    token: vscode.CancellationToken,
): Promise<string> {
    collection.clear();
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let files = 0;
    let errors = 0;
    let warnings = 0;
    let unreadable = 0;
    for (const folder of folders) {
        const dir = folder.uri.fsPath;
        const result = await run(serverCommand, ['check', '--format', 'json', ...configArgs, dir], dir, token);
        if (token.isCancellationRequested) {
            return 'cancelled';
        }
        let parsed: JsonOutput;
        try {
            parsed = JSON.parse(result.stdout) as JsonOutput;
        } catch {
            const detail = result.stderr.trim() || result.stdout.trim().slice(0, 500);
            throw new Error(`ogi-lsp check failed on ${dir} (exit code ${result.code}): ${detail}`);
        }
        for (const file of parsed.files ?? []) {
            const uri = vscode.Uri.file(path.resolve(dir, file.path));
            // An open document already has live diagnostics from the server; listing the saved
            // file's findings beside them would show every problem twice.
            if (!open.has(uri.toString())) {
                collection.set(uri, (file.diagnostics ?? []).map((d) => toDiagnostic(d, uri, dir)));
            }
        }
        // A file that could not be read gets its reason in the Problems panel, not silence.
        for (const failure of parsed.unreadable ?? []) {
            if (failure.path === undefined) {
                continue;
            }
            const uri = vscode.Uri.file(path.resolve(dir, failure.path));
            const diag = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), failure.reason ?? 'cannot be read', vscode.DiagnosticSeverity.Error);
            diag.source = 'ogi-lsp';
            diag.code = 'unreadable';
            collection.set(uri, [diag]);
            unreadable += 1;
        }
        files += parsed.summary?.files ?? parsed.files?.length ?? 0;
        errors += parsed.summary?.errors ?? 0;
        warnings += parsed.summary?.warnings ?? 0;
    }
    const skipped = unreadable > 0 ? `; ${unreadable} file(s) could not be read` : '';
    return `ogi-lsp: checked ${files} file(s) on disk: ${errors} error(s), ${warnings} warning(s)${skipped}.`;
}
