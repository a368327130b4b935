// Tokenises report lines with the same TextMate engine VS Code uses and checks the scopes given to
// section headings, row labels, numbers and statute references.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const oniguruma = require('vscode-oniguruma');
const textmate = require('vscode-textmate');

const grammarPath = path.join(__dirname, '..', 'syntaxes', 'ogi-report.tmLanguage.json');

async function loadGrammar() {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
            createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async (scopeName) =>
            scopeName === 'text.ogi-report'
                ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath)
                : null,
    });
    return registry.loadGrammar('text.ogi-report');
}

const grammarPromise = loadGrammar();

/** Returns [text, innermost scope] for every token of one line that has a scope of its own. */
async function scopes(line) {
    const grammar = await grammarPromise;
    const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
    return tokens
        .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]])
        .filter(([, scope]) => scope !== 'text.ogi-report');
}

function scopeOf(tokens, text) {
    const hit = tokens.find(([t]) => t === text);
    return hit === undefined ? undefined : hit[1];
}

test('section headings, with and without Markdown marks', async () => {
    assert.equal(scopeOf(await scopes('一、总体情况'), '一、总体情况'), 'entity.name.section.ogi-report');
    assert.equal(
        scopeOf(await scopes('## 四、政府信息公开行政复议、行政诉讼情况'), '四、政府信息公开行政复议、行政诉讼情况'),
        'entity.name.section.ogi-report',
    );
});

test('表三 rows starting with 一、 are row labels, not section headings', async () => {
    const tokens = await scopes('一、本年新收政府信息公开申请数量 |');
    assert.equal(scopeOf(tokens, '一、本年新收政府信息公开申请数量'), 'entity.name.type.row-label.ogi-report');
    assert.equal(scopeOf(tokens, '|'), 'punctuation.separator.table-cell.ogi-report');
});

test('row labels in full- and half-width brackets and numbered sub-rows', async () => {
    assert.equal(scopeOf(await scopes('（一）予以公开'), '（一）予以公开'), 'entity.name.type.row-label.ogi-report');
    assert.equal(scopeOf(await scopes('(三)不予公开 |'), '(三)不予公开'), 'entity.name.type.row-label.ogi-report');
    assert.equal(scopeOf(await scopes('1.属于国家秘密 |'), '1.属于国家秘密'), 'entity.name.type.row-label.ogi-report');
});

test('a PDF-style row: label then figures', async () => {
    const tokens = await scopes('（一）予以公开 7 0 0 0 0 0 7');
    assert.equal(scopeOf(tokens, '（一）予以公开'), 'entity.name.type.row-label.ogi-report');
    assert.equal(tokens.filter(([, s]) => s === 'constant.numeric.ogi-report').length, 7);
});

test('a numbered prose paragraph is not a row label', async () => {
    const tokens = await scopes('2.依申请公开。2024年我局共受理政府信息公开申请8件。');
    assert.equal(tokens.some(([, s]) => s === 'entity.name.type.row-label.ogi-report'), false);
    assert.equal(scopeOf(tokens, '2024'), 'constant.numeric.ogi-report');
    assert.equal(scopeOf(tokens, '8'), 'constant.numeric.ogi-report');
});

test('numbers: counts, decimals and full-width digits', async () => {
    assert.equal(scopeOf(await scopes('52425 |'), '52425'), 'constant.numeric.ogi-report');
    assert.equal(scopeOf(await scopes('0.35'), '0.35'), 'constant.numeric.ogi-report');
    assert.equal(scopeOf(await scopes('１２'), '１２'), 'constant.numeric.ogi-report');
});

test('statute references in every bracket style', async () => {
    const statute = 'entity.name.function.statute-reference.ogi-report';
    assert.equal(scopeOf(await scopes('第二十条第（五）项'), '第二十条第（五）项'), statute);
    assert.equal(scopeOf(await scopes('第二十条第(五)项 |'), '第二十条第(五)项'), statute);
    const prose = await scopes('依据《条例》第三十六条第二款的规定');
    assert.equal(scopeOf(prose, '《条例》第三十六条第二款'), statute);
});

test('ogi-disable comments', async () => {
    assert.equal(scopeOf(await scopes('# ogi-disable value/missing'), '# ogi-disable value/missing'), 'comment.line.number-sign.ogi-report');
    const html = await scopes('<!-- ogi-disable label/nonstandard -->');
    assert.ok(html.every(([, s]) => s === 'comment.block.html.ogi-report'), JSON.stringify(html));
});
