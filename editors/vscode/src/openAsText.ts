// "OGI: Open as Report Text": the text view of a .docx or .pdf, from `ogi-lsp extract`, opened as an
// untitled OGI Report document, which the language server then checks like any report. Knows which
// files to open and how to show the outcome; running the CLI belongs to extractText.

import * as path from 'path';
import * as vscode from 'vscode';
import { extractableName, extractText } from './extractText';

const reportLanguage = 'ogi-report';

function isExtractable(uri: vscode.Uri): boolean {
    return extractableName.test(uri.path);
}

/**
 * The .docx or .pdf of the active editor tab. VS Code shows them in a binary or custom editor, not a
 * text editor, so the tab's input says which file it is.
 */
function activeFile(): vscode.Uri | undefined {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    const uri =
        input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom
            ? input.uri
            : vscode.window.activeTextEditor?.document.uri;
    return uri !== undefined && isExtractable(uri) ? uri : undefined;
}

async function pickFiles(): Promise<vscode.Uri[]> {
    const picked = await vscode.window.showOpenDialog({
        canSelectMany: true,
        openLabel: 'Open as Report Text',
        title: 'OGI: Open as Report Text',
        filters: { 'Word or PDF report': ['docx', 'pdf'] },
    });
    return picked ?? [];
}

/**
 * From the explorer: the clicked file, or every .docx / .pdf selected with it. From the command
 * palette: the active editor's .docx / .pdf, else the files the user picks.
 */
async function filesToOpen(clicked: unknown, selected: unknown): Promise<vscode.Uri[]> {
    if (clicked instanceof vscode.Uri) {
        const all = Array.isArray(selected) && selected.length > 1 ? selected.filter((u) => u instanceof vscode.Uri) : [clicked];
        return all.filter(isExtractable);
    }
    const active = activeFile();
    return active !== undefined ? [active] : pickFiles();
}

async function openOne(command: string, file: vscode.Uri, log: (line: string) => void): Promise<void> {
    const name = path.basename(file.fsPath);
    let content: string;
    try {
        if (file.scheme !== 'file') {
            throw new Error(`only files on disk can be read (this one is on "${file.scheme}:")`);
        }
        content = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: `ogi-lsp: reading ${name}…` },
            () => extractText(command, file.fsPath),
        );
    } catch (err) {
        const message = `Cannot open ${name} as report text: ${err instanceof Error ? err.message : String(err)}`;
        log(`${message} (${file.fsPath})`);
        void vscode.window.showErrorMessage(message);
        return;
    }
    // Untitled, so saving asks where: the text view is a new file, never written over the original.
    const document = await vscode.workspace.openTextDocument({ language: reportLanguage, content });
    await vscode.window.showTextDocument(document, { preview: false });
}

/**
 * The command's handler. `server` finds the executable (and tells the user when there is none);
 * it is asked only once there is a file to read.
 */
export async function openAsReportText(
    server: () => string | undefined,
    log: (line: string) => void,
    clicked?: unknown,
    selected?: unknown,
): Promise<void> {
    const files = await filesToOpen(clicked, selected);
    if (files.length === 0) {
        if (clicked instanceof vscode.Uri) {
            void vscode.window.showErrorMessage(`${path.basename(clicked.fsPath)} is not a .docx or .pdf file.`);
        }
        return;
    }
    const command = server();
    if (command === undefined) {
        return;
    }
    for (const file of files) {
        await openOne(command, file, log);
    }
}
