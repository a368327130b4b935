// The table preview panel: shows the tables of the report at the cursor (asked from the server with
// `ogi/tables`), follows the cursor, edits and the active editor, and takes the cursor to the source of
// a clicked cell. Rendering is tableHtml.ts; this module only wires VS Code to it.

import { randomBytes } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { enStrings, escapeHtml, renderTables, zhStrings } from './tableHtml';
import { Range, TablesResponse } from './tablesProtocol';

/** Asks the server for the tables of the report holding `position` in `document`. */
export type FetchTables = (document: vscode.TextDocument, position: vscode.Position) => Promise<TablesResponse>;

/** Documents the server reads (see the client's document selector). */
const followedLanguages = new Set(['ogi-report', 'plaintext', 'markdown']);
const followedSchemes = new Set(['file', 'untitled']);
const selectionDelay = 150;
const editDelay = 200;

interface Target {
    document: vscode.TextDocument;
    position: vscode.Position;
}

/** Messages from media/preview.js. */
type WebviewMessage = { type: 'ready' } | { type: 'reveal'; range: Range };

export class TablePreview implements vscode.Disposable {
    private panel: vscode.WebviewPanel | undefined;
    private listeners: vscode.Disposable[] = [];
    /** The report shown: its document and the position it was asked with. */
    private shown: Target | undefined;
    private shownVersion = -1;
    private body = '';
    private timer: NodeJS.Timeout | undefined;
    private asked = 0;
    private applied = 0;
    private readonly strings = vscode.env.language.startsWith('zh') ? zhStrings : enStrings;

    constructor(
        private readonly extensionUri: vscode.Uri,
        private readonly fetch: FetchTables,
        private readonly log: (line: string) => void,
    ) {}

    /** The command: open (or reveal) the panel beside the editor, showing the active editor's report. */
    show(): void {
        const editor = vscode.window.activeTextEditor;
        if (editor === undefined && this.shown === undefined) {
            void vscode.window.showInformationMessage('ogi-lsp: open a report to preview its tables.');
            return;
        }
        if (this.panel === undefined) {
            this.panel = this.createPanel();
        } else {
            this.panel.reveal(undefined, true); // where it is, without taking the focus
        }
        if (editor !== undefined) {
            this.shown = { document: editor.document, position: editor.selection.active };
        }
        this.schedule(this.shown, 0);
    }

    /** Asks again for the report shown, e.g. after the server restarted. */
    refresh(): void {
        if (this.panel !== undefined) {
            this.schedule(this.shown, 0);
        }
    }

    dispose(): void {
        this.panel?.dispose();
    }

    private createPanel(): vscode.WebviewPanel {
        const media = vscode.Uri.joinPath(this.extensionUri, 'media');
        const panel = vscode.window.createWebviewPanel(
            'ogi.tablePreview',
            'OGI Tables',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, localResourceRoots: [media] },
        );
        panel.webview.html = page(panel.webview, media);
        this.listeners = [
            panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.onMessage(m)),
            vscode.window.onDidChangeTextEditorSelection((e) => {
                if (followed(e.textEditor.document)) {
                    this.schedule({ document: e.textEditor.document, position: e.selections[0].active }, selectionDelay);
                }
            }),
            vscode.workspace.onDidChangeTextDocument((e) => {
                if (e.document === this.shown?.document && e.contentChanges.length > 0) {
                    this.schedule(this.shown, editDelay);
                }
            }),
            vscode.window.onDidChangeActiveTextEditor((editor) => {
                if (editor !== undefined && followed(editor.document)) {
                    this.schedule({ document: editor.document, position: editor.selection.active }, 0);
                }
            }),
        ];
        panel.onDidDispose(() => {
            this.listeners.forEach((l) => l.dispose());
            this.listeners = [];
            clearTimeout(this.timer);
            this.panel = undefined;
            this.shown = undefined;
            this.body = '';
        });
        return panel;
    }

    /** Asks for `target` after `delay` ms; a later call within the delay replaces it (debounce). */
    private schedule(target: Target | undefined, delay: number): void {
        clearTimeout(this.timer);
        if (target !== undefined) {
            this.timer = setTimeout(() => void this.ask(target), delay);
        }
    }

    private async ask(target: Target): Promise<void> {
        const asked = ++this.asked;
        let answer: TablesResponse;
        try {
            answer = await this.fetch(target.document, target.position);
        } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            this.log(`ogi/tables failed: ${message}`);
            if (target.document === this.shown?.document) {
                this.render(`<p class="note error">ogi-lsp: ${escapeHtml(message)}</p>`);
            }
            return;
        }
        // Answers may overtake each other; the newest question wins.
        if (asked < this.applied || this.panel === undefined) {
            return;
        }
        const isShown = target.document === this.shown?.document;
        // Another document takes over only when it holds a report (or is an OGI report file):
        // moving to some unrelated text file keeps the last report in view.
        if (!isShown && answer?.report == null && target.document.languageId !== 'ogi-report') {
            if (this.shown !== undefined && this.shown.document.version !== this.shownVersion) {
                this.schedule(this.shown, 0); // an edit of the shown report was superseded by this question
            }
            return;
        }
        this.applied = asked;
        this.shown = target;
        const name = path.basename(target.document.uri.path);
        if (answer === null) {
            this.shownVersion = -1;
            this.render(`<p class="note">${escapeHtml(`ogi-lsp: ${name} is not open in the language server.`)}</p>`);
            return;
        }
        this.shownVersion = answer.version;
        this.panel.title = `OGI Tables: ${name}`;
        this.render(renderTables(answer, name, this.strings));
    }

    private render(body: string): void {
        this.body = body;
        void this.panel?.webview.postMessage({ type: 'show', html: body });
    }

    private onMessage(message: WebviewMessage): void {
        if (message.type === 'ready') {
            // The script (re)loaded: when the panel was hidden and shown again, or the first time.
            if (this.body !== '') {
                this.render(this.body);
            }
        } else if (message.type === 'reveal') {
            void this.reveal(message.range);
        }
    }

    /** Puts the cursor at the start of `range` in the shown document, in the editor showing it. */
    private async reveal(range: Range): Promise<void> {
        const document = this.shown?.document;
        if (document === undefined || document.isClosed) {
            return;
        }
        const at = new vscode.Position(range.start.line, range.start.character);
        const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
        const editor = await vscode.window.showTextDocument(document, {
            viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
            preserveFocus: false,
        });
        editor.selection = new vscode.Selection(at, at);
        editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
}

function followed(document: vscode.TextDocument): boolean {
    return followedLanguages.has(document.languageId) && followedSchemes.has(document.uri.scheme);
}

function page(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>OGI Tables</title>
</head>
<body>
<main id="root"></main>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
}
