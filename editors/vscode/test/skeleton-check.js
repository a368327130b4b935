// The built-in report skeleton (out/skeleton.js) must be a report the real checker reads cell by
// cell: clean as inserted, and each table's balance check fires once a figure is changed.
//   node test/skeleton-check.js PATH/TO/ogi-lsp

const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { builtinSkeleton } = require('../out/skeleton');

const server = process.argv[2];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-skeleton-'));

function check(name, text) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const res = cp.spawnSync(server, ['check', '--format', 'json', file], { encoding: 'utf8' });
    try {
        return JSON.parse(res.stdout);
    } catch {
        throw new Error(`${server} check gave no JSON for ${name} (exit ${res.status}): ${res.stderr}`);
    }
}

function codes(out) {
    return out.files.flatMap((f) => f.diagnostics.map((d) => d.code));
}

function replaceLine(text, startsWith, replacement) {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.startsWith(startsWith));
    if (i < 0) {
        throw new Error(`the skeleton has no line starting with ${startsWith}`);
    }
    lines[i] = replacement;
    return lines.join('\n');
}

try {
    const skeleton = builtinSkeleton('\n');
    const clean = check('skeleton.md', skeleton);
    const { reports, errors, warnings } = clean.summary;
    if (reports !== 1 || errors !== 0 || warnings !== 0) {
        throw new Error(`skeleton: expected 1 report, 0 errors, 0 warnings; got ${reports}, ${errors}, ${warnings}: ${codes(clean)}`);
    }
    const cases = [
        ['表三', '| 一、本年新收政府信息公开申请数量 |', '| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 0 |', 'balance/row-total'],
        ['表四', `| ${Array(15).fill('0').join(' | ')} |`, `| 0 | 0 | 0 | 0 | 3 | ${Array(10).fill('0').join(' | ')} |`, 'balance/review-total'],
    ];
    for (const [table, line, broken, code] of cases) {
        const found = codes(check(`broken-${code.replace('/', '-')}.md`, replaceLine(skeleton, line, broken)));
        if (!found.includes(code)) {
            throw new Error(`skeleton with a broken ${table}: expected ${code}, got [${found.join(', ')}]`);
        }
    }
    console.log('skeleton check: clean as inserted (1 report, 0 errors, 0 warnings); 表三 and 表四 balances fire when broken');
} catch (err) {
    console.error(`FAILED: ${err.message}`);
    process.exitCode = 1;
} finally {
    fs.rmSync(dir, { recursive: true, force: true });
}
