// How the extension runs `ogi-lsp extract`: the text on stdout is the document, the CLI's reason on
// stderr is the error message. Runs against the compiled out/extractText.js with small stand-in
// servers (shell scripts), so each answer of the CLI can be made on purpose.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { extractText, extractableName, maxTextBytes } = require('../out/extractText');

function tempDir(t) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-extract-'));
    t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
}

/** A stand-in server whose body is `script` (sh); "$1" is `extract`, "$2" the file. */
function fakeServer(dir, script) {
    const file = path.join(dir, 'ogi-lsp');
    fs.writeFileSync(file, `#!/bin/sh\n${script}\n`);
    fs.chmodSync(file, 0o755);
    return file;
}

test('the text on stdout is the text view, byte for byte, and the file is passed as one argument', async (t) => {
    const dir = tempDir(t);
    // The file name would run a command if a shell read it.
    const file = path.join(dir, "报告 $(touch pwned) 'x'.docx");
    const server = fakeServer(dir, 'printf "%s|%s\\n" "$1" "$2"; printf "一、总体情况\\n| 8 | 0 |\\n"');
    const text = await extractText(server, file);
    assert.equal(text, `extract|${file}\n一、总体情况\n| 8 | 0 |\n`);
    assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);
});

test('a text view of several megabytes is read whole (above the 1 MB default of execFile)', async (t) => {
    const dir = tempDir(t);
    // 3 MiB: well past execFile's default maxBuffer, well under ours.
    const server = fakeServer(dir, "head -c 3145728 /dev/zero | tr '\\0' '8'");
    const text = await extractText(server, path.join(dir, 'big.pdf'));
    assert.equal(text.length, 3 * 1024 * 1024);
    assert.equal(text.replaceAll('8', ''), '');
    assert.ok(maxTextBytes >= 64 * 1024 * 1024);
});

test("the CLI's reason becomes the message, without its error: prefix and the path", async (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'broken.pdf');
    const server = fakeServer(
        dir,
        'echo "error: $2: not a readable PDF (truncated or damaged?): PDF error: invalid file header" >&2; exit 2',
    );
    await assert.rejects(extractText(server, file), {
        message: 'not a readable PDF (truncated or damaged?): PDF error: invalid file header',
    });
});

test('an encrypted PDF: the reason says so and what to do', async (t) => {
    const dir = tempDir(t);
    const server = fakeServer(
        dir,
        'echo "error: $2: the PDF is encrypted and needs a password to open; save an unprotected copy to check it" >&2; exit 2',
    );
    await assert.rejects(extractText(server, path.join(dir, 'locked.pdf')), {
        message: 'the PDF is encrypted and needs a password to open; save an unprotected copy to check it',
    });
});

test('a server that cannot run, exits without a reason, or hangs: the message says which', async (t) => {
    const dir = tempDir(t);
    const missing = path.join(dir, 'missing', 'ogi-lsp');
    await assert.rejects(extractText(missing, path.join(dir, 'a.docx')), (err) => {
        assert.match(err.message, new RegExp(`^cannot run \`${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\`: .*ENOENT`));
        return true;
    });
    const silent = fakeServer(dir, 'echo "something odd" >&2; exit 3');
    await assert.rejects(extractText(silent, path.join(dir, 'a.docx')), {
        message: `\`${silent} extract\` exited with code 3: something odd`,
    });
    const hanging = fakeServer(dir, 'exec sleep 30');
    await assert.rejects(extractText(hanging, path.join(dir, 'a.docx'), 300), {
        message: `\`${hanging} extract\` took longer than 0.3 s and was stopped`,
    });
});

test('the command offers .docx and .pdf files, in any case, and nothing else', () => {
    assert.deepEqual(
        ['报告.docx', 'R.PDF', 'a.Docx', 'a.doc', 'a.pdf.txt', 'docx', 'a.ogi.txt'].filter((n) => extractableName.test(n)),
        ['报告.docx', 'R.PDF', 'a.Docx'],
    );
});
