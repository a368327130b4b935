// The order in which the extension looks for the server: setting, bundled binary, PATH.
// Runs against the compiled out/serverPath.js (npm test compiles first).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findServer, bundledServerPath } = require('../out/serverPath');

function tempDir(t) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-serverpath-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
}

function writeExe(file, mode = 0o755) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\n');
    fs.chmodSync(file, mode);
    return file;
}

function withPath(t, value) {
    const saved = process.env.PATH;
    process.env.PATH = value;
    t.after(() => {
        process.env.PATH = saved;
    });
}

test('a set ogi.server.path wins over the bundled server', (t) => {
    const dir = tempDir(t);
    const ext = path.join(dir, 'ext');
    writeExe(bundledServerPath(ext));
    const mine = writeExe(path.join(dir, 'my-ogi-lsp'));
    assert.deepEqual(findServer(mine, ext), { command: mine, source: 'setting' });
});

test('a wrong ogi.server.path is reported, not replaced by the bundled server', (t) => {
    const dir = tempDir(t);
    const ext = path.join(dir, 'ext');
    writeExe(bundledServerPath(ext));
    const found = findServer(path.join(dir, 'missing'), ext);
    assert.equal(found.command, undefined);
    assert.match(found.message, /"ogi\.server\.path" points to ".*missing", which is not an executable file/);
});

test('without a setting the bundled server is used, and its lost executable bit restored', (t) => {
    const dir = tempDir(t);
    const ext = path.join(dir, 'ext');
    const bundled = writeExe(bundledServerPath(ext), 0o644);
    withPath(t, '');
    assert.deepEqual(findServer('  ', ext), { command: bundled, source: 'bundled' });
    assert.equal(fs.statSync(bundled).mode & 0o111, 0o111);
});

test('without setting or bundled server, ogi-lsp on PATH', (t) => {
    const dir = tempDir(t);
    const onPath = writeExe(path.join(dir, 'bin', 'ogi-lsp'));
    withPath(t, [path.join(dir, 'empty'), path.join(dir, 'bin')].join(path.delimiter));
    assert.deepEqual(findServer('', path.join(dir, 'ext')), { command: onPath, source: 'path' });
});

test('nothing found: the message says how to fix it', (t) => {
    const dir = tempDir(t);
    withPath(t, path.join(dir, 'empty'));
    const found = findServer(undefined, path.join(dir, 'ext'));
    assert.equal(found.command, undefined);
    assert.match(found.message, /no language server found/);
    assert.match(found.message, /set "ogi\.server\.path"/);
});
