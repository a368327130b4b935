// The answers of the server commands ogi.skeleton and ogi.checkWorkspace as the extension reads them,
// and the summary it shows. Runs against the compiled out/commandsProtocol.js (npm test compiles first).

const test = require('node:test');
const assert = require('node:assert/strict');
const { skeletonText, checkWorkspaceResult, checkWorkspaceSummary } = require('../out/commandsProtocol');

test('ogi.skeleton: the text of {text}, nothing for null or another shape', () => {
    assert.equal(skeletonText({ text: '单位名称2024年政府信息公开工作年度报告\n' }), '单位名称2024年政府信息公开工作年度报告\n');
    assert.equal(skeletonText({ text: '' }), '');
    assert.equal(skeletonText(null), undefined);
    assert.equal(skeletonText('text'), undefined);
    assert.equal(skeletonText({ text: 3 }), undefined);
});

test('ogi.checkWorkspace: every field read, missing counts as 0, unreadable entries completed', () => {
    const full = {
        files: 7,
        reports: 6,
        errors: 1,
        warnings: 13,
        notes: 0,
        unreadable: [{ uri: 'file:///ws/broken.pdf', reason: 'not a readable PDF' }],
    };
    assert.deepEqual(checkWorkspaceResult(full), full);
    const zero = { files: 0, reports: 0, errors: 0, warnings: 0, notes: 0, unreadable: [] };
    assert.deepEqual(checkWorkspaceResult({ files: 2, unreadable: [{ uri: 'file:///a.pdf' }, 'junk'] }), {
        ...zero,
        files: 2,
        unreadable: [{ uri: 'file:///a.pdf', reason: 'cannot be read' }],
    });
    assert.deepEqual(checkWorkspaceResult({}), zero);
    assert.equal(checkWorkspaceResult(null), undefined);
    assert.equal(checkWorkspaceResult(5), undefined);
});

test('the summary names every count, in singular and plural, the unreadable files, and a cancellation', () => {
    const r = { files: 7, reports: 6, errors: 1, warnings: 13, notes: 0, unreadable: [{ uri: 'file:///ws/broken.pdf', reason: 'x' }] };
    assert.equal(
        checkWorkspaceSummary(r),
        'ogi-lsp: checked 7 files (6 reports): 1 error, 13 warnings, 0 notes; 1 file could not be read.',
    );
    assert.equal(
        checkWorkspaceSummary({ files: 1, reports: 1, errors: 0, warnings: 1, notes: 2, unreadable: [] }),
        'ogi-lsp: checked 1 file (1 report): 0 errors, 1 warning, 2 notes.',
    );
    assert.equal(
        checkWorkspaceSummary({ files: 2, reports: 2, errors: 0, warnings: 0, notes: 0, unreadable: [] }, true),
        'ogi-lsp: cancelled; checked 2 files (2 reports): 0 errors, 0 warnings, 0 notes.',
    );
});
