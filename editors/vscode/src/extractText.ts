// Runs `ogi-lsp extract FILE`: the text view of a .docx or .pdf on stdout (exit 0), or a line
// `error: <path>: <reason>` on stderr (exit 2). Knows that contract of the CLI, nothing of VS Code.

import * as cp from 'child_process';

/** The files `ogi-lsp extract` reads, told by their extension in any case, as the CLI tells them. */
export const extractableName = /\.(docx|pdf)$/i;

/** A report's text view is well under a megabyte; past this the output is not a report. */
export const maxTextBytes = 64 * 1024 * 1024;

/** A long PDF takes a few seconds; a minute means the extraction hangs. */
export const extractTimeoutMs = 60_000;

interface ExecFailure extends Error {
    code?: number | string | null;
    killed?: boolean;
    signal?: NodeJS.Signals | null;
}

/**
 * Why the CLI gave no text, in words for a person: the CLI's own reason when it gave one (without
 * its `error: ` prefix and without the path, which the caller names anyway), else what happened.
 */
export function failureReason(error: ExecFailure, stderr: string, file: string, command: string, timeoutMs: number): string {
    const said = stderr
        .split(/\r?\n/)
        .filter((line) => line.startsWith('error: '))
        .map((line) => line.slice('error: '.length))
        .map((line) => (line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line));
    if (said.length > 0) {
        return said.join('; ');
    }
    if (error.code === 'ERR_CHILD_PROCESS_STDOUT_MAXBUFFER') {
        return `its text is larger than ${maxTextBytes / (1024 * 1024)} MB, more than a report can hold`;
    }
    if (error.killed === true && error.signal !== null && error.signal !== undefined) {
        return `\`${command} extract\` took longer than ${timeoutMs / 1000} s and was stopped`;
    }
    if (typeof error.code === 'string') {
        return `cannot run \`${command}\`: ${error.message}`;
    }
    const rest = stderr.trim();
    return `\`${command} extract\` exited with code ${String(error.code)}${rest.length > 0 ? `: ${rest}` : ''}`;
}

/** The text view of `file` (an absolute path), or a rejection whose message says why there is none. */
export function extractText(command: string, file: string, timeoutMs = extractTimeoutMs): Promise<string> {
    return new Promise((resolve, reject) => {
        // No shell: the file name goes to the CLI as one argument, whatever characters it holds.
        cp.execFile(
            command,
            ['extract', file],
            { encoding: 'utf8', maxBuffer: maxTextBytes, timeout: timeoutMs, windowsHide: true },
            (error, stdout, stderr) => {
                if (error === null) {
                    resolve(stdout);
                } else {
                    reject(new Error(failureReason(error, stderr, file, command, timeoutMs)));
                }
            },
        );
    });
}
