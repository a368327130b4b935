// Drives VS Code (code-server) in Debian's Chromium like a person would: open the example report, read
// the Problems panel, preview its tables, break a total by typing, hover a statute reference, see a
// carry-over mismatch between two years, check the whole workspace, insert the server's skeleton, open a
// .docx as report text. Started by run-e2e.sh, which sets the OGI_E2E_* variables and NODE_PATH (for
// playwright-core).

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const env = (name) => {
    const v = process.env[name];
    if (!v) {
        throw new Error(`${name} is not set: run this through run-e2e.sh`);
    }
    return v;
};
const url = env('OGI_E2E_URL');
const healthUrl = env('OGI_E2E_HEALTH');
const shotsDir = env('OGI_E2E_SHOTS');
const runDir = env('OGI_E2E_RUN');
const fixtureLines = fs.readFileSync(env('OGI_E2E_FIXTURE'), 'utf8').split(/\r?\n/);

const WAIT = 30_000;
const modifier = 'Control';

/** 1-based line of the first fixture line satisfying `pred`, so the test follows the fixture. */
function lineOf(pred, what) {
    const i = fixtureLines.findIndex(pred);
    if (i < 0) {
        throw new Error(`the fixture has no ${what}`);
    }
    return i + 1;
}

const intakeLabel = '一、本年新收政府信息公开申请数量';
// The cell after the label is 自然人 (8); changing it to 9 breaks 总计 (8) of that row.
const naturalPersonLine = lineOf((l) => l.startsWith(intakeLabel), `row "${intakeLabel}"`) + 1;
if (fixtureLines[naturalPersonLine - 1].trim() !== '8 |') {
    throw new Error(`fixture line ${naturalPersonLine} should be "8 |", found "${fixtureLines[naturalPersonLine - 1]}"`);
}
const permitLabel = '行政许可';
const permitLine = lineOf((l) => l.trim() === '52425 |', 'the 行政许可 figure 52425');
const statuteText = '第二十条第(五)项';
const statuteLine = lineOf((l) => l.includes(statuteText), statuteText);
/** 表三's 总计 column: the last of its seven applicant columns. */
const totalCol = 6;
// OGI: Check Whole Workspace over the workspace of run-e2e.sh: seven files (skeleton.ogi.md still empty,
// report.docx read as text) and broken.pdf, which cannot be read. Six reports with the example's two 预期
// warnings each, kangbashi-2024.txt's carry-over warning, and the two errors of the 9 typed into
// report.ogi.txt, which is open and counted as it is in the editor.
const CHECK_SUMMARY = 'ogi-lsp: checked 7 files (6 reports): 2 errors, 13 warnings, 0 notes; 1 file could not be read.';
// A line of the server skeleton's 表三 header.
const SKELETON_REQUEST_HEADER = '申请人情况';
// The carry-over pair (run-e2e.sh): 2024's 二、上年结转 starts with 0 under 自然人, 2023's 四、结转下年度继续办理 with 1.
const carriedInLine = lineOf((l) => l.startsWith('二、上年结转政府信息公开申请数量'), 'row 二、上年结转') + 1;
const carriedOutLine = lineOf((l) => l.startsWith('四、结转下年度继续办理'), 'row 四、结转下年度继续办理') + 1;
if (fixtureLines[carriedInLine - 1].trim() !== '0 |' || fixtureLines[carriedOutLine - 1].trim() !== '1 |') {
    throw new Error(`fixture lines ${carriedInLine} and ${carriedOutLine} should be "0 |" and "1 |" (自然人 carried in and out)`);
}

const shots = [];
let currentStep = 'start';
const timings = [];
let stepStarted = Date.now();

function step(name) {
    const now = Date.now();
    timings.push([currentStep, now - stepStarted]);
    currentStep = name;
    stepStarted = now;
    console.log(`  step: ${name}`);
}

async function shot(page, name) {
    const file = path.join(shotsDir, `${name}.png`);
    await page.screenshot({ path: file });
    shots.push(file);
}

async function waitHealthy() {
    const deadline = Date.now() + 60_000;
    let last = '';
    while (Date.now() < deadline) {
        try {
            const res = await fetch(healthUrl);
            if (res.ok) {
                return;
            }
            last = `HTTP ${res.status}`;
        } catch (err) {
            last = String(err.cause ?? err);
        }
        await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`code-server did not answer ${healthUrl} within 60 s (${last}); see ${runDir}/code-server.log`);
}

/** Polls `probe` until it returns a truthy value; the error names what was awaited and what was seen. */
async function until(what, probe, timeout = WAIT) {
    const deadline = Date.now() + timeout;
    let seen;
    while (Date.now() < deadline) {
        seen = await probe();
        if (seen && seen.ok) {
            return seen;
        }
        await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out after ${timeout / 1000} s waiting for ${what}; last seen: ${seen ? seen.detail : 'nothing'}`);
}

async function quickOpen(page, text) {
    await page.keyboard.press(`${modifier}+P`);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await input.fill(text);
    if (!text.startsWith(':')) {
        // Wait for the file to be listed, or Enter would pick nothing.
        await page
            .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: text })
            .first()
            .waitFor({ state: 'visible', timeout: WAIT });
    }
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: WAIT });
}

/** Runs a command by its title from the command palette. */
async function runCommand(page, title) {
    await page.keyboard.press('F1');
    const palette = page.locator('.quick-input-widget .quick-input-box input');
    await palette.waitFor({ state: 'visible', timeout: WAIT });
    await palette.fill(`>${title}`);
    await page
        .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title.replace(/^.*?: /, '') })
        .first()
        .waitFor({ state: 'visible', timeout: WAIT });
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'hidden', timeout: WAIT });
}

async function goToLine(page, line) {
    await quickOpen(page, `:${line}`);
    await until(`the cursor on line ${line}`, async () => {
        const status = await page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
        return { ok: status.includes(`Ln ${line},`), detail: `status bar "${status}"` };
    });
}

async function openProblems(page) {
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
        await page.keyboard.press(`${modifier}+Shift+M`);
        await panel.waitFor({ state: 'visible', timeout: WAIT });
    }
}

/** The rendered rows of the Problems tree: [data-index, kind, text]. */
async function renderedProblemRows(page) {
    return page.$$eval('.markers-panel .monaco-list-row', (rows) =>
        rows.map((r) => [
            Number(r.getAttribute('data-index')),
            r.querySelector('.file-icon') ? 'file' : r.querySelector('.marker-icon, .codicon-warning, .codicon-error') ? 'marker' : 'other',
            r.innerText.replace(/\s+/g, ' ').trim(),
        ]),
    );
}

/**
 * Every marker of the Problems panel as "file: text" (and, with `related`, the rows under the markers
 * too: their related information). The tree is virtualised (only the rows in view exist in the page), so
 * scroll it from top to bottom and collect the rows by index.
 */
async function problems(page, related = false) {
    const list = page.locator('.markers-panel .monaco-list').first();
    const box = await list.boundingBox();
    const rows = new Map();
    if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, -100_000);
        let unchanged = 0;
        while (unchanged < 2) {
            await new Promise((r) => setTimeout(r, 60));
            const before = rows.size;
            for (const [i, kind, text] of await renderedProblemRows(page)) {
                rows.set(i, [kind, text]);
            }
            unchanged = rows.size === before ? unchanged + 1 : 0;
            await page.mouse.wheel(0, box.height * 0.8);
        }
        await page.mouse.wheel(0, -100_000);
    }
    let file = '?';
    const markers = [];
    for (const [, [kind, text]] of [...rows].sort((a, b) => a[0] - b[0])) {
        if (kind === 'file') {
            file = text.split(' ')[0]; // "plain.txt 2": the name, then the count badge
        } else if (kind === 'marker') {
            markers.push(`${file}: ${text}`);
        } else if (related) {
            markers.push(`${file}: ↳ ${text}`);
        }
    }
    return markers;
}

async function waitProblems(page, what, pred, related = false) {
    await openProblems(page);
    return until(`${what} in the Problems panel`, async () => {
        const rows = await problems(page, related);
        return { ok: pred(rows), rows, detail: rows.length ? rows.join(' ‖ ') : '(no problems listed)' };
    });
}

/** How many markers of `file` carry `code`. */
const count = (rows, file, code) => rows.filter((r) => r.startsWith(`${file}: `) && r.includes(code)).length;

/** Texts of VS Code's notifications; toasts hide after a while, so open the notification centre too. */
async function notifications(page, open = false) {
    const read = () =>
        page
            .$$eval('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item', (items) =>
                items.map((i) => i.innerText.replace(/\s+/g, ' ').trim()),
            )
            .catch(() => []);
    const toasts = await read();
    if (toasts.length > 0 || !open) {
        return toasts;
    }
    await page.locator('#status\\.notifications').click({ timeout: 5000 }).catch(() => {});
    await new Promise((r) => setTimeout(r, 1000));
    return read();
}

/** What the extension wrote to its output channel, as VS Code logs it under the profile's logs/. */
function outputChannelLog() {
    const found = [];
    const walk = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(file);
            } else if (entry.name.endsWith('OGI Language Server.log')) {
                found.push(fs.readFileSync(file, 'utf8'));
            }
        }
    };
    walk(path.join(runDir, 'user-data', 'logs'));
    return found.join('\n');
}

/** The table preview's page: code-server puts a webview in an iframe that holds another one. */
const previewFrame = (page) => page.frameLocator('iframe.webview').frameLocator('#active-frame');

/**
 * What the table preview shows: its heading, how many value cells, which are failing (as "label #col"),
 * and the cells (text, classes, tooltip) of the rows labelled `labels`.
 */
async function previewState(page, labels = [intakeLabel, permitLabel]) {
    return previewFrame(page)
        .locator('#root')
        .evaluate(
            (root, labels) => {
                const labelOf = (tr) => tr.querySelector('th.label')?.textContent.trim() ?? '';
                const rows = [...root.querySelectorAll('tr.row')];
                const cellsOf = (tr) =>
                    tr === undefined
                        ? []
                        : [...tr.querySelectorAll('td.cell')].map((td) => ({ text: td.innerText.trim(), classes: [...td.classList], title: td.title }));
                return {
                    heading: root.querySelector('header.report')?.innerText.replace(/\s+/g, ' ').trim() ?? '',
                    cells: root.querySelectorAll('td.cell').length,
                    failing: [...root.querySelectorAll('td.cell.failing')].map((td) => `${labelOf(td.closest('tr'))} #${td.dataset.col}`),
                    rows: Object.fromEntries(labels.map((l) => [l, cellsOf(rows.find((tr) => labelOf(tr) === l))])),
                };
            },
            labels,
            { timeout: 2000 },
        )
        .catch((err) => ({ error: err.message.split('\n')[0] }));
}

const texts = (cells) => (cells ?? []).map((c) => c.text).join(' ');

async function statusBarSelection(page) {
    return page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
}

/** A screenshot of the editor area only (the report beside its preview), the one images/table-preview.png shows. */
async function editorShot(page, name) {
    const box = await page.locator('.monaco-workbench .part.editor').boundingBox();
    const file = path.join(shotsDir, `${name}.png`);
    await page.screenshot({ path: file, clip: box ?? undefined });
    shots.push(file);
}

async function hoverText(page) {
    return page
        .$$eval('.monaco-hover:not(.hidden) .monaco-hover-content', (els) =>
            els.map((e) => e.innerText).join('\n'),
        )
        .catch(() => '');
}

/** The labels of the explorer's context menu on `file`; the menu stays open. */
async function explorerMenu(page, file) {
    await page.keyboard.press('Escape');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click({ button: 'right', timeout: WAIT });
    const items = page.locator('.context-view .monaco-menu .action-item .action-label');
    await items.first().waitFor({ state: 'visible', timeout: WAIT });
    return (await items.allInnerTexts()).map((t) => t.trim()).filter((t) => t.length > 0);
}

/** Chooses `label` in the open context menu; a click too soon after the menu opened may be ignored, so retry while it is open. */
async function chooseMenuItem(page, label) {
    const item = page.locator('.context-view .monaco-menu .action-item .action-label', { hasText: label }).first();
    await until(`the context-menu entry "${label}" chosen`, async () => {
        if (await item.isVisible().catch(() => false)) {
            await item.hover({ timeout: 2000 }).catch(() => {});
            await new Promise((r) => setTimeout(r, 300));
            await item.click({ timeout: 2000 }).catch(() => {});
            await new Promise((r) => setTimeout(r, 500));
        }
        return { ok: !(await item.isVisible().catch(() => false)), detail: 'the context menu is still open' };
    });
}

async function activeTabLabel(page) {
    return page.locator('.tabs-container .tab.active .label-name').first().innerText().catch(() => '');
}

/** OGI: Open as Report Text: from the explorer on a .docx, then from the palette on a damaged PDF. */
async function openAsReportTextSteps(page) {
    const title = 'Open as Report Text';
    step(`"${title}" is in the explorer's context menu of .docx and .pdf files only`);
    const onText = await explorerMenu(page, 'plain.txt');
    if (onText.includes(title)) {
        throw new Error(`the context menu of plain.txt offers "${title}": ${onText.join(' ‖ ')}`);
    }
    const onPdf = await explorerMenu(page, 'broken.pdf');
    const onDocx = await explorerMenu(page, 'report.docx');
    if (!onPdf.includes(title) || !onDocx.includes(title)) {
        throw new Error(`"${title}" missing from the context menu of broken.pdf (${onPdf.join(' ‖ ')}) or report.docx (${onDocx.join(' ‖ ')})`);
    }

    step(`${title} on report.docx: an untitled OGI Report editor holding the example`);
    await chooseMenuItem(page, title);
    const opened = await until('an untitled editor in the OGI Report language', async () => {
        const mode = await page.locator('#status\\.editor\\.mode').innerText().catch(() => '');
        const tab = await activeTabLabel(page);
        return { ok: mode.includes('OGI Report') && tab.startsWith('Untitled'), tab, detail: `language mode "${mode}", active tab "${tab}"` };
    });
    const reportTitle = fixtureLines.find((l) => l.trim().length > 0);
    const top = await page.locator('.monaco-editor .view-lines').first().innerText();
    if (!top.includes(reportTitle)) {
        throw new Error(`the untitled editor does not start with the report's title "${reportTitle}": "${top.slice(0, 200)}"`);
    }
    const seen = await waitProblems(page, `two label/nonstandard warnings of ${opened.tab}`, (rows) => count(rows, opened.tab, 'label/nonstandard') >= 2);
    // The example's two labels with 预期 typed for 逾期, on the same lines as in the text file.
    const typoLines = fixtureLines.flatMap((l, i) => (l.includes('预期') ? [i + 1] : []));
    const warnings = seen.rows.filter((r) => r.startsWith(`${opened.tab}: `) && r.includes('label/nonstandard'));
    const onTypoLines = typoLines.every((n, i) => warnings[i]?.includes('逾期') && warnings[i]?.includes(`[Ln ${n},`));
    if (warnings.length !== 2 || typoLines.length !== 2 || !onTypoLines) {
        throw new Error(`expected label/nonstandard warnings (逾期) on lines ${typoLines.join(', ')} of ${opened.tab}, the Problems panel lists: ${warnings.join(' ‖ ')}`);
    }
    await goToLine(page, lineOf((l) => l.includes('预期'), 'label with 预期'));
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: WAIT });
    await shot(page, '7-docx-as-report-text');

    step(`${title} from the command palette on broken.pdf: an error naming the file, no editor`);
    const tabsBefore = await page.locator('.tabs-container .tab').count();
    await runCommand(page, `OGI: ${title}`);
    // The active editor holds no .docx or .pdf, so the command asks for a file (VS Code's own dialog in the browser).
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    // The dialog opens on the workspace folder; type the name after its path, as a person would.
    await until('the open dialog on the workspace folder', async () => {
        const value = await input.inputValue().catch(() => '');
        return { ok: value.endsWith('/ws/'), detail: `the dialog's path "${value}"` };
    });
    await page.keyboard.press('End');
    await page.keyboard.type('broken.pdf');
    await until('broken.pdf typed into the open dialog', async () => {
        const value = await input.inputValue().catch(() => '');
        return { ok: value.endsWith('/ws/broken.pdf'), detail: `the dialog's path "${value}"` };
    });
    await page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: WAIT });
    await until('an error notification naming broken.pdf as no readable PDF', async () => {
        const toasts = await notifications(page);
        const ok = toasts.some((t) => t.includes('Cannot open broken.pdf as report text') && t.includes('not a readable PDF'));
        return { ok, detail: toasts.join(' ‖ ') || 'no notification' };
    });
    const tabsAfter = await page.locator('.tabs-container .tab').count();
    if (tabsAfter !== tabsBefore) {
        throw new Error(`the failed extraction changed the editor tabs from ${tabsBefore} to ${tabsAfter}`);
    }
    // The toast slides in: shoot it once it stands still in view.
    await page.locator('.notifications-toasts .notification-list-item', { hasText: 'Cannot open broken.pdf' }).waitFor({ state: 'visible', timeout: WAIT });
    await new Promise((r) => setTimeout(r, 600));
    await shot(page, '8-broken-pdf-error');
}

async function main() {
    const started = Date.now();
    await waitHealthy();
    const profile = path.join(runDir, 'chromium-profile');
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        viewport: { width: 1600, height: 1000 },
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
        ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    try {
        step('load the workbench');
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
        await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: 60_000 });
        // The explorer lists the workspace once the remote file system is up.
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'report.ogi.txt' }).waitFor({ timeout: 60_000 });

        step('open report.ogi.txt');
        await quickOpen(page, 'report.ogi.txt');
        await until('the OGI Report language mode in the status bar', async () => {
            const mode = await page.locator('#status\\.editor\\.mode').innerText().catch(() => '');
            return { ok: mode.includes('OGI Report'), detail: `language mode "${mode}"` };
        });

        step('two label/nonstandard warnings');
        let seen = await waitProblems(page, 'two label/nonstandard warnings', (rows) => count(rows, 'report.ogi.txt', 'label/nonstandard') >= 2);
        if (count(seen.rows, 'report.ogi.txt', 'label/nonstandard') !== 2) {
            throw new Error(`expected exactly 2 label/nonstandard warnings, the Problems panel lists: ${seen.rows.join(' ‖ ')}`);
        }
        const badLabelLine = lineOf((l) => l.includes('预期'), 'label with 预期');
        await goToLine(page, badLabelLine);
        await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: WAIT });
        await shot(page, '1-label-warnings');

        step('OGI: Show Table Preview');
        await runCommand(page, 'OGI: Show Table Preview');
        const clean = await until(`the preview: 表三 ${intakeLabel} = 8 0 0 0 0 0 8, 表二 ${permitLabel} = 52425`, async () => {
            const state = await previewState(page);
            const ok = texts(state.rows?.[intakeLabel]) === '8 0 0 0 0 0 8' && texts(state.rows?.[permitLabel]) === '52425';
            return { ok, state, detail: JSON.stringify(state).slice(0, 400) };
        });
        if (clean.state.cells !== 200 || clean.state.failing.length !== 0) {
            throw new Error(`expected 200 value cells, none failing; the preview has ${clean.state.cells}, failing: ${clean.state.failing.join(', ')}`);
        }
        if (!clean.state.heading.includes('2024')) {
            throw new Error(`the preview's heading does not name the year 2024: "${clean.state.heading}"`);
        }
        await shot(page, '1b-table-preview');

        step(`type 9 over 自然人 = 8 (line ${naturalPersonLine})`);
        if (count(seen.rows, 'report.ogi.txt', 'balance/row-total') !== 0) {
            throw new Error(`balance/row-total is reported before the edit: ${seen.rows.join(' ‖ ')}`);
        }
        await goToLine(page, naturalPersonLine);
        await page.keyboard.press('Home');
        await page.keyboard.press('Shift+ArrowRight');
        await page.keyboard.type('9');
        seen = await waitProblems(page, 'the balance/row-total error', (rows) => count(rows, 'report.ogi.txt', 'balance/row-total') >= 1);
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: WAIT });
        await shot(page, '2-row-total-error');

        step('the preview marks the broken total');
        const broken = await until(`failing ${intakeLabel} #0 and #${totalCol} in the preview, the total's tooltip "= 9"`, async () => {
            const state = await previewState(page);
            const cells = state.rows?.[intakeLabel] ?? [];
            const ok =
                texts(cells) === '9 0 0 0 0 0 8' &&
                cells[0].classes.includes('failing') &&
                cells[totalCol].classes.includes('failing') &&
                cells[totalCol].classes.includes('total') &&
                cells[totalCol].title.includes('= 9');
            return { ok, state, detail: JSON.stringify(state).slice(0, 600) };
        });
        // The row total (8 ≠ 9), and 一 + 二 = (七)总计 + 四 for 自然人 (the server's equations).
        const expectedFailing = [
            ...[0, 1, 2, 3, 4, 5, 6].map((c) => `${intakeLabel} #${c}`),
            '二、上年结转政府信息公开申请数量 #0',
            '（七）总计 #0',
            '四、结转下年度继续办理 #0',
        ];
        if (broken.state.failing.join(' ‖ ') !== expectedFailing.join(' ‖ ')) {
            throw new Error(`failing cells in the preview: ${broken.state.failing.join(' ‖ ')}; expected ${expectedFailing.join(' ‖ ')}`);
        }
        console.log(`  总计 tooltip: ${broken.state.rows[intakeLabel][totalCol].title.split('\n')[0]}`);
        await shot(page, '2b-table-preview-failing');
        // For the README: no panel below, 表三 at the top of the preview, the edited line in the editor.
        await page.keyboard.press(`${modifier}+J`);
        await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: WAIT });
        await previewFrame(page).locator('section[data-table="requests"]').evaluate((e) => e.scrollIntoView());
        await editorShot(page, '2c-table-preview-editor');

        step('click cells of the preview: the cursor goes to their source');
        for (const [label, col, line] of [
            [permitLabel, 0, permitLine],
            [intakeLabel, 0, naturalPersonLine],
        ]) {
            await previewFrame(page)
                .locator(`tr.row:has(th.label:text-is("${label}")) td.cell[data-col="${col}"]`)
                .click({ timeout: WAIT });
            await until(`the cursor at Ln ${line}, Col 1 after clicking ${label} #${col}`, async () => {
                const status = await statusBarSelection(page);
                return { ok: status.includes(`Ln ${line}, Col 1`), detail: `status bar "${status}"` };
            });
        }

        step(`hover ${statuteText} (line ${statuteLine})`);
        await page.keyboard.press('Escape');
        await goToLine(page, statuteLine);
        // Bracket-pair colouring splits the reference into several spans: hover its first one.
        const token = page
            .locator('.monaco-editor .view-lines .view-line', { hasText: statuteText })
            .first()
            .locator('span span', { hasText: '第二十条' })
            .first();
        await token.waitFor({ state: 'visible', timeout: WAIT });
        const hover = await until(`a hover quoting the article (办理行政许可) over ${statuteText}`, async () => {
            const box = await token.boundingBox();
            if (box) {
                // Wiggle inside the token: the hover only opens on a mouse move that rests there.
                await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
                await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
            }
            await new Promise((r) => setTimeout(r, 800));
            const text = await hoverText(page);
            return { ok: text.includes('办理行政许可'), text, detail: text ? `hover "${text.slice(0, 300)}"` : 'no hover' };
        });
        await shot(page, '3-statute-hover');
        console.log(`  hover text: ${hover.text.replace(/\s+/g, ' ').slice(0, 200)}`);

        step('open plain.txt (language plaintext)');
        await page.mouse.move(5, 500);
        await quickOpen(page, 'plain.txt');
        await until('the Plain Text language mode', async () => {
            const mode = await page.locator('#status\\.editor\\.mode').innerText().catch(() => '');
            return { ok: mode.includes('Plain Text'), detail: `language mode "${mode}"` };
        });
        await waitProblems(page, 'label/nonstandard warnings of plain.txt too', (rows) => count(rows, 'plain.txt', 'label/nonstandard') === 2);
        // plain.txt holds a report, so the preview follows it: its totals hold (the 9 was typed into report.ogi.txt).
        await until('the preview showing plain.txt, nothing failing', async () => {
            const state = await previewState(page);
            const ok = state.heading?.includes('plain.txt') && state.cells === 200 && state.failing.length === 0;
            return { ok, detail: JSON.stringify(state).slice(0, 400) };
        });
        await shot(page, '4-plain-txt');

        step('open kangbashi-2024.txt: one carryover/mismatch against kangbashi-2023.txt, which is not open');
        await quickOpen(page, 'kangbashi-2024.txt');
        // The server reads the 2023 report from disk (its index of the workspace) and marks 2024's
        // 二、上年结转 under 自然人, the first column that differs from 2023's 四、结转下年度继续办理.
        const carry = await waitProblems(
            page,
            `a carryover/mismatch of kangbashi-2024.txt at Ln ${carriedInLine} naming kangbashi-2023.txt`,
            (rows) => rows.some((r) => r.startsWith('kangbashi-2024.txt: ') && r.includes('carryover/mismatch') && r.includes('kangbashi-2023.txt') && r.includes(`[Ln ${carriedInLine},`)),
            true,
        );
        if (count(carry.rows, 'kangbashi-2024.txt', 'carryover/mismatch') !== 1) {
            throw new Error(`expected exactly one carryover/mismatch for kangbashi-2024.txt: ${carry.rows.join(' ‖ ')}`);
        }
        if (count(carry.rows, 'kangbashi-2023.txt', '') !== 0) {
            throw new Error(`kangbashi-2023.txt is neither open nor checked yet, but the Problems panel lists: ${carry.rows.join(' ‖ ')}`);
        }
        // Its related information: 2023's 四、结转下年度继续办理 cell.
        if (!carry.rows.some((r) => r.startsWith('kangbashi-2024.txt: ↳') && r.includes('kangbashi-2023.txt') && r.includes(`[Ln ${carriedOutLine},`))) {
            throw new Error(`no related information pointing at kangbashi-2023.txt line ${carriedOutLine}: ${carry.rows.join(' ‖ ')}`);
        }
        console.log(`  ${carry.rows.find((r) => r.includes('carryover/mismatch'))}`);
        await goToLine(page, carriedInLine);
        await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: WAIT });
        await shot(page, '5-carryover');

        step('OGI: Check Whole Workspace (closed.txt, kangbashi-2023.txt and report.docx are not open)');
        await runCommand(page, 'OGI: Check Whole Workspace');
        await until(`the summary "${CHECK_SUMMARY}"`, async () => {
            const toasts = await notifications(page);
            return { ok: toasts.some((t) => t.includes(CHECK_SUMMARY)), detail: toasts.join(' ‖ ') || 'no notification' };
        });
        // Open files keep their live diagnostics; the server publishes those of the others.
        await waitProblems(
            page,
            'the label/nonstandard warnings of closed.txt, kangbashi-2023.txt and report.docx',
            (rows) =>
                count(rows, 'closed.txt', 'label/nonstandard') === 2 &&
                count(rows, 'kangbashi-2023.txt', 'label/nonstandard') === 2 &&
                count(rows, 'report.docx', 'label/nonstandard') === 2,
        );
        // broken.pdf has no text: its reason is in the output channel.
        const brokenPdf = path.join(runDir, 'ws', 'broken.pdf');
        await until(`the output channel naming ${brokenPdf} as unreadable`, async () => {
            const log = outputChannelLog();
            const line = log.split('\n').find((l) => l.includes(`could not read ${brokenPdf}: `));
            return { ok: line !== undefined && line.includes('PDF'), detail: log.split('\n').slice(-5).join(' ‖ ') };
        });
        await page
            .locator('.notification-list-item', { hasText: 'checking the workspace' })
            .waitFor({ state: 'detached', timeout: WAIT })
            .catch(() => {});
        await shot(page, '5b-workspace-check');

        step('OGI: Insert Report Skeleton into notes.json, a document the server is not sent: an error, no edit');
        await quickOpen(page, 'notes.json');
        await runCommand(page, 'OGI: Insert Report Skeleton');
        await until('an error notification: no skeleton for notes.json', async () => {
            const toasts = await notifications(page);
            const ok = toasts.some((t) => t.includes('the server has no skeleton for') && t.includes('notes.json'));
            return { ok, detail: toasts.join(' ‖ ') || 'no notification' };
        });
        const json = await page.locator('.monaco-editor .view-lines').first().innerText();
        if (json.replace(/\s+/g, '') !== '{}') {
            throw new Error(`notes.json was changed: "${json.slice(0, 200)}"`);
        }

        step('OGI: Insert Report Skeleton into the empty skeleton.ogi.md');
        await quickOpen(page, 'skeleton.ogi.md');
        await runCommand(page, 'OGI: Insert Report Skeleton');
        await until('the skeleton in the editor, its title on top', async () => {
            const text = await page.locator('.monaco-editor .view-lines').first().innerText().catch(() => '');
            return { ok: text.includes('政府信息公开工作年度报告') && text.includes('一、总体情况'), detail: `top of the editor "${text.slice(0, 120)}"` };
        });
        // Save it and read the file: the server's skeleton, whole, as inserted.
        await page.keyboard.press(`${modifier}+S`);
        const skeletonFile = path.join(runDir, 'ws', 'skeleton.ogi.md');
        const saved = await until('skeleton.ogi.md saved with 表三 and its last row', async () => {
            const text = fs.readFileSync(skeletonFile, 'utf8');
            const lines = text.split(/\r?\n/);
            const ok = lines.some((l) => l.includes(SKELETON_REQUEST_HEADER)) && lines.some((l) => l.includes('四、结转下年度继续办理'));
            return { ok, lines, detail: `${lines.length} lines: ${text.slice(0, 200)}` };
        });
        // The cursor ends after the inserted text.
        const lastLine = saved.lines.length;
        const status = await statusBarSelection(page);
        if (!status.includes(`Ln ${lastLine},`)) {
            throw new Error(`after inserting ${lastLine} lines the cursor should be on line ${lastLine}; status bar "${status}"`);
        }
        console.log(`  skeleton: ${lastLine} lines, title "${saved.lines[0]}"`);
        // The preview follows the OGI file made active, and its edits: the skeleton's 表三.
        await until('the preview showing skeleton.ogi.md with its 表三', async () => {
            const state = await previewState(page);
            const ok = state.heading?.includes('skeleton.ogi.md') && (state.rows?.[intakeLabel] ?? []).length === 7;
            return { ok, detail: JSON.stringify(state).slice(0, 400) };
        });
        await shot(page, '6-skeleton');

        await openAsReportTextSteps(page);
        step('done');
        fs.writeFileSync(path.join(runDir, 'e2e-passed'), String(timings.length - 1));
        for (const [name, ms] of timings.slice(1)) {
            console.log(`  ${(ms / 1000).toFixed(1).padStart(5)} s  ${name}`);
        }
        console.log(`browser part took ${((Date.now() - started) / 1000).toFixed(1)} s`);
        console.log('screenshots:');
        for (const f of shots) {
            console.log(`  ${f}`);
        }
    } catch (err) {
        const toasts = await notifications(page, true);
        await shot(page, 'failure').catch(() => {});
        // Steps before the failing one passed (the first entry of timings is the start).
        fs.writeFileSync(path.join(runDir, 'e2e-passed'), String(timings.length - 1));
        console.error(`\nFAILED at step "${currentStep}": ${err.message}`);
        if (toasts.length) {
            console.error(`VS Code notifications:\n  ${toasts.join('\n  ')}`);
        }
        console.error(`screenshots:\n  ${shots.join('\n  ')}`);
        process.exitCode = 1;
    } finally {
        await context.close();
    }
}

main().catch((err) => {
    console.error(`FAILED: ${err.message}`);
    process.exitCode = 1;
});
