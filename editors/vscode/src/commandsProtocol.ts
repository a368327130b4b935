// The server's `workspace/executeCommand` commands the extension calls: `ogi.skeleton` and
// `ogi.checkWorkspace`. Their ids, argument and result shapes, and the checks and texts that need no
// VS Code (so the unit tests run them in plain Node).

export const skeletonCommand = 'ogi.skeleton';
export const checkWorkspaceCommand = 'ogi.checkWorkspace';

/** The one argument of `ogi.skeleton`. */
export interface SkeletonArgument {
    uri: string;
    position?: { line: number; character: number };
}

/** The one (optional) argument of `ogi.checkWorkspace`; without it the server checks its workspace folders. */
export interface CheckWorkspaceArgument {
    folders: string[];
}

export interface Unreadable {
    uri: string;
    reason: string;
}

export interface CheckWorkspaceResult {
    files: number;
    reports: number;
    errors: number;
    warnings: number;
    notes: number;
    unreadable: Unreadable[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The text of an `ogi.skeleton` answer, or undefined when there is none: the server answers `null` for
 * a document it does not have open.
 */
export function skeletonText(result: unknown): string | undefined {
    if (isObject(result) && typeof result.text === 'string') {
        return result.text;
    }
    return undefined;
}

/** An `ogi.checkWorkspace` answer with every field present; missing counts read as 0. */
export function checkWorkspaceResult(result: unknown): CheckWorkspaceResult | undefined {
    if (!isObject(result)) {
        return undefined;
    }
    const unreadable = Array.isArray(result.unreadable) ? result.unreadable : [];
    return {
        files: count(result.files),
        reports: count(result.reports),
        errors: count(result.errors),
        warnings: count(result.warnings),
        notes: count(result.notes),
        unreadable: unreadable.filter(isObject).map((u) => ({
            uri: typeof u.uri === 'string' ? u.uri : '',
            reason: typeof u.reason === 'string' ? u.reason : 'cannot be read',
        })),
    };
}

const plural = (n: number, one: string, many: string = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The one-line summary shown when the check is done (or was cancelled: then it covers the files checked before). */
export function checkWorkspaceSummary(r: CheckWorkspaceResult, cancelled = false): string {
    const findings = [plural(r.errors, 'error'), plural(r.warnings, 'warning'), plural(r.notes, 'note')].join(', ');
    const unreadable = r.unreadable.length > 0 ? `; ${plural(r.unreadable.length, 'file')} could not be read` : '';
    return `ogi-lsp: ${cancelled ? 'cancelled; ' : ''}checked ${plural(r.files, 'file')} (${plural(r.reports, 'report')}): ${findings}${unreadable}.`;
}
