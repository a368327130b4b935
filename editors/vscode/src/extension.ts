// Extension entry: starts the ogi-lsp language client and registers the OGI commands.
// The server decides which plaintext / markdown documents are reports; this side only forwards them.

import * as vscode from 'vscode';
import { DocumentSelector, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { openAsReportText } from './openAsText';
import { checkWorkspace, insertSkeleton, OgiLanguageClient } from './serverCommands';
import { findServer, isFound } from './serverPath';
import { TablePreview } from './tablePreview';
import { tablesMethod, TablesParams, TablesResponse } from './tablesProtocol';

const clientId = 'ogi';
const clientName = 'OGI Language Server';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel;
let preview: TablePreview | undefined;
const log = (line: string): void => outputChannel.appendLine(line);

const documentSelector: DocumentSelector = ['ogi-report', 'plaintext', 'markdown'].flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
]);

function config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('ogi');
}

function locateServer(context: vscode.ExtensionContext): string | undefined {
    const found = findServer(config().get<string>('server.path'), context.extensionPath);
    if (!isFound(found)) {
        outputChannel.appendLine(found.message);
        void vscode.window.showErrorMessage(found.message, 'Open Settings').then((choice) => {
            if (choice === 'Open Settings') {
                void vscode.commands.executeCommand('workbench.action.openSettings', 'ogi.server.path');
            }
        });
        return undefined;
    }
    outputChannel.appendLine(`Using the ${found.source} server: ${found.command}`);
    return found.command;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
    const command = locateServer(context);
    if (command === undefined) {
        return;
    }
    const serverOptions: ServerOptions = {
        run: { command, args: ['serve'], transport: TransportKind.stdio },
        debug: { command, args: ['serve'], transport: TransportKind.stdio },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector,
        outputChannel,
        // Rules travel both ways the server may read them: once at start, and on every change
        // (didChangeConfiguration, plus workspace/configuration answered from section `ogi`).
        initializationOptions: () => ({ rules: config().get<Record<string, string>>('rules') ?? {} }),
        synchronize: { configurationSection: 'ogi' },
    };
    const next = new OgiLanguageClient(clientId, clientName, serverOptions, clientOptions);
    client = next;
    try {
        await next.start();
    } catch (err) {
        const message = `ogi-lsp failed to start (${command}): ${err instanceof Error ? err.message : String(err)}`;
        outputChannel.appendLine(message);
        void vscode.window.showErrorMessage(message, 'Show Log').then((choice) => {
            if (choice === 'Show Log') {
                outputChannel.show();
            }
        });
    }
}

async function stopClient(): Promise<void> {
    const current = client;
    client = undefined;
    if (current !== undefined) {
        try {
            await current.stop();
        } catch (err) {
            outputChannel.appendLine(`Stopping the server failed: ${String(err)}`);
        }
    }
}

async function restartServer(context: vscode.ExtensionContext): Promise<void> {
    await stopClient();
    await startClient(context);
    preview?.refresh();
}

async function fetchTables(document: vscode.TextDocument, position: vscode.Position): Promise<TablesResponse> {
    if (client === undefined || !client.isRunning()) {
        throw new Error('the language server is not running (OGI: Restart Language Server starts it again).');
    }
    const textDocument = { uri: client.code2ProtocolConverter.asUri(document.uri) };
    const params: TablesParams = { textDocument, position: client.code2ProtocolConverter.asPosition(position) };
    const answer = await client.sendRequest<TablesResponse>(tablesMethod, params);
    // The server analyses only the report at the position, so a cursor outside every report (on the
    // blank first line, say) gets no report even when the document holds one: then show the first.
    if (answer !== null && answer.report === null) {
        return client.sendRequest<TablesResponse>(tablesMethod, { textDocument } satisfies TablesParams);
    }
    return answer;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    outputChannel = vscode.window.createOutputChannel(clientName);
    preview = new TablePreview(context.extensionUri, fetchTables, log);
    context.subscriptions.push(
        outputChannel,
        preview,
        vscode.commands.registerCommand('ogi.restartServer', () => restartServer(context)),
        vscode.commands.registerCommand('ogi.insertSkeleton', () => insertSkeleton(client, log)),
        vscode.commands.registerCommand('ogi.checkWorkspace', () => checkWorkspace(client, log)),
        vscode.commands.registerCommand('ogi.showTablePreview', () => preview?.show()),
        vscode.commands.registerCommand('ogi.openAsReportText', (clicked?: unknown, selected?: unknown) =>
            openAsReportText(() => locateServer(context), log, clicked, selected),
        ),
        vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('ogi.server.path')) {
                void restartServer(context);
            }
        }),
    );
    await startClient(context);
}

export function deactivate(): Promise<void> {
    return stopClient();
}
