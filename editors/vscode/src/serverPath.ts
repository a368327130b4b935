// Finds the ogi-lsp executable: the user's setting, else the binary bundled in the .vsix, else PATH.
// Knows nothing of the language client; it only answers "which file to run" or explains why none.

import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface FoundServer {
    command: string;
    source: ServerSource;
}

export interface MissingServer {
    /** Human-readable reason, including how to fix it. */
    message: string;
}

const exeName = process.platform === 'win32' ? 'ogi-lsp.exe' : 'ogi-lsp';

/** Bundled binary location inside the installed extension (see scripts/package.sh). */
export function bundledServerPath(extensionPath: string): string {
    return path.join(extensionPath, 'server', exeName);
}

function expandHome(p: string): string {
    return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

function isExecutableFile(p: string): boolean {
    try {
        if (!fs.statSync(p).isFile()) {
            return false;
        }
        fs.accessSync(p, fs.constants.X_OK);
        return true;
    } catch {
        return false;
    }
}

/**
 * Some zip tools drop the executable bit; restore it on the bundled file instead of failing,
 * since the file is ours and its only purpose is to be run.
 */
function makeExecutable(p: string): boolean {
    try {
        if (!fs.statSync(p).isFile()) {
            return false;
        }
        fs.chmodSync(p, 0o755);
        return isExecutableFile(p);
    } catch {
        return false;
    }
}

function searchPath(): string | undefined {
    const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d.length > 0);
    for (const dir of dirs) {
        const candidate = path.join(dir, exeName);
        if (isExecutableFile(candidate)) {
            return candidate;
        }
    }
    return undefined;
}

/**
 * An explicit `ogi.server.path` wins: a user who sets it wants that build (a newer server, a debug
 * build); a wrong value is reported rather than silently replaced by another binary.
 */
export function findServer(settingPath: string | undefined, extensionPath: string): FoundServer | MissingServer {
    const configured = (settingPath ?? '').trim();
    if (configured.length > 0) {
        const resolved = expandHome(configured);
        if (isExecutableFile(resolved)) {
            return { command: resolved, source: 'setting' };
        }
        return {
            message:
                `ogi-lsp: the setting "ogi.server.path" points to "${configured}", which is not an executable file. ` +
                'Fix the path, or clear the setting to use the server bundled with the extension or "ogi-lsp" on PATH.',
        };
    }
    const bundled = bundledServerPath(extensionPath);
    if (isExecutableFile(bundled) || makeExecutable(bundled)) {
        return { command: bundled, source: 'bundled' };
    }
    const onPath = searchPath();
    if (onPath !== undefined) {
        return { command: onPath, source: 'path' };
    }
    return {
        message:
            'ogi-lsp: no language server found. This extension has no bundled server for this platform, ' +
            '"ogi.server.path" is not set, and "ogi-lsp" is not on PATH. ' +
            'Install it with "cargo install --path ." in the ogi-lsp repository (or put the binary on PATH), ' +
            'or set "ogi.server.path" to the executable, then run "OGI: Restart Language Server".',
    };
}

export function isFound(s: FoundServer | MissingServer): s is FoundServer {
    return (s as FoundServer).command !== undefined;
}
