// The commands that run on the server: OGI: Insert Report Skeleton (`ogi.skeleton`) and OGI: Check Whole
// Workspace (`ogi.checkWorkspace`), both through `workspace/executeCommand`. Also the language client
// class, which leaves the server's command ids to these commands.

import * as vscode from 'vscode';
import {
    DynamicFeature,
    ExecuteCommandParams,
    ExecuteCommandRequest,
    LanguageClient,
    StaticFeature,
    WorkDoneProgress,
    WorkDoneProgressCancelNotification,
} from 'vscode-languageclient/node';
import {
    CheckWorkspaceArgument,
    checkWorkspaceCommand,
    checkWorkspaceResult,
    checkWorkspaceSummary,
    SkeletonArgument,
    skeletonCommand,
    skeletonText,
} from './commandsProtocol';

/**
 * vscode-languageclient registers a VS Code command under the id of every command the server lists in
 * `executeCommandProvider` (its ExecuteCommandFeature), and registering an id twice throws. The server's
 * `ogi.checkWorkspace` is also this extension's command id, so that registration would fail the client's
 * start; and a bare forwarder would skip the progress, the messages and the insertion these commands add.
 * This client leaves the feature out: the server's commands are reached only through the commands below.
 */
export class OgiLanguageClient extends LanguageClient {
    public override registerFeature(feature: StaticFeature | DynamicFeature<unknown>): void {
        const method = 'registrationType' in feature ? feature.registrationType.method : undefined;
        if (method !== ExecuteCommandRequest.method) {
            super.registerFeature(feature);
        }
    }
}

export type Log = (line: string) => void;

const restartHint = 'OGI: Restart Language Server starts it again';

/** The running client that offers `command`, or an error saying why there is none. */
function clientFor(client: LanguageClient | undefined, command: string, action: string): LanguageClient {
    if (client === undefined || !client.isRunning()) {
        throw new Error(`ogi-lsp: ${action} needs the language server, which is not running (${restartHint}).`);
    }
    const offered = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    if (!offered.includes(command)) {
        throw new Error(`ogi-lsp: ${action} needs the server command ${command}, which this ogi-lsp does not offer; update ogi-lsp.`);
    }
    return client;
}

function showError(err: unknown, log: Log): void {
    const message = err instanceof Error ? err.message : String(err);
    log(message);
    void vscode.window.showErrorMessage(message);
}

async function requestSkeleton(client: LanguageClient, editor: vscode.TextEditor): Promise<string> {
    const argument: SkeletonArgument = {
        uri: client.code2ProtocolConverter.asUri(editor.document.uri),
        position: client.code2ProtocolConverter.asPosition(editor.selection.active),
    };
    const params: ExecuteCommandParams = { command: skeletonCommand, arguments: [argument] };
    const text = skeletonText(await client.sendRequest(ExecuteCommandRequest.type, params));
    if (text === undefined) {
        // The server answers null for a document it does not have: one of a language it is not sent.
        throw new Error(
            `ogi-lsp: the server has no skeleton for ${editor.document.uri.toString(true)} (language ${editor.document.languageId}); ` +
                'it reads OGI Report, plain text and Markdown documents.',
        );
    }
    return text;
}

/** OGI: Insert Report Skeleton: asks the server for a blank report in the document's layout, inserts it at the cursor. */
export async function insertSkeleton(client: LanguageClient | undefined, log: Log): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (editor === undefined) {
        void vscode.window.showInformationMessage('ogi-lsp: open a document to insert the report skeleton into.');
        return;
    }
    try {
        const text = await requestSkeleton(clientFor(client, skeletonCommand, 'Insert Report Skeleton'), editor);
        if (!(await editor.edit((b) => b.insert(editor.selection.active, text)))) {
            throw new Error('ogi-lsp: the editor did not accept the skeleton (was the document changed meanwhile?).');
        }
    } catch (err) {
        showError(err, log);
    }
}

/** Reports the server's `$/progress` for `token` in `progress`: its messages, and its percentage as increments. */
function followProgress(
    client: LanguageClient,
    token: string,
    progress: vscode.Progress<{ message?: string; increment?: number }>,
): vscode.Disposable {
    let done = 0;
    return client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'end') {
            return;
        }
        const increment = value.percentage !== undefined ? Math.max(0, value.percentage - done) : undefined;
        done = value.percentage ?? done;
        progress.report({ message: value.message, increment });
    });
}

let progressTokens = 0;

/**
 * OGI: Check Whole Workspace: the server reads every report file under the workspace folders and
 * publishes the diagnostics of those not open, in its (the editor's) language; open documents keep their
 * live diagnostics. Shows the summary, and lists the files that could not be read in the output channel.
 */
export async function checkWorkspace(client: LanguageClient | undefined, log: Log): Promise<void> {
    try {
        const running = clientFor(client, checkWorkspaceCommand, 'Check Whole Workspace');
        const folders = vscode.workspace.workspaceFolders ?? [];
        if (folders.length === 0) {
            throw new Error('ogi-lsp: open a folder first; "Check Whole Workspace" checks the files of the workspace folders.');
        }
        const argument: CheckWorkspaceArgument = { folders: folders.map((f) => running.code2ProtocolConverter.asUri(f.uri)) };
        const workDoneToken = `ogi-check-workspace-${++progressTokens}`;
        const params: ExecuteCommandParams = { command: checkWorkspaceCommand, arguments: [argument], workDoneToken };
        // Cancel stops the server between two files (window/workDoneProgress/cancel on the command's
        // token): it still publishes and answers for the files it checked.
        const { answer, cancelled } = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'ogi-lsp: checking the workspace…', cancellable: true },
            async (progress, cancel) => {
                const following = followProgress(running, workDoneToken, progress);
                const cancelling = cancel.onCancellationRequested(
                    () => void running.sendNotification(WorkDoneProgressCancelNotification.type, { token: workDoneToken }),
                );
                try {
                    const answer: unknown = await running.sendRequest(ExecuteCommandRequest.type, params);
                    return { answer, cancelled: cancel.isCancellationRequested };
                } finally {
                    following.dispose();
                    cancelling.dispose();
                }
            },
        );
        const result = checkWorkspaceResult(answer);
        if (result === undefined) {
            throw new Error(`ogi-lsp: ${checkWorkspaceCommand} gave no result: ${JSON.stringify(answer)}`);
        }
        const summary = checkWorkspaceSummary(result, cancelled);
        log(summary);
        for (const { uri, reason } of result.unreadable) {
            // A URI for a file it could not read, a path for a folder it could not list.
            log(`  could not read ${vscode.Uri.parse(uri).fsPath}: ${reason}`);
        }
        void vscode.window.showInformationMessage(summary);
        void vscode.commands.executeCommand('workbench.actions.view.problems');
    } catch (err) {
        showError(err, log);
    }
}
