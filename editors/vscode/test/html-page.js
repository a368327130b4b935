// Opens the CLI's HTML review page (`ogi-lsp check --format html`) in Debian's Chromium as a reader
// would: checks what it shows, saves full-page screenshots, and prints it on A4 to check that every
// table fits the printable width. Started by run-e2e.sh after the extension's test (NODE_PATH holds
// playwright-core):
//   node test/html-page.js SHOTS_DIR EXAMPLE.html BROKEN.html
// EXAMPLE.html is the page of the example report (no error); BROKEN.html that of a copy with one
// figure changed, so that two equations fail.

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [shotsDir, examplePage, brokenPage] = process.argv.slice(2);
if (!brokenPage) {
    console.error('usage: node html-page.js SHOTS_DIR EXAMPLE.html BROKEN.html');
    process.exit(2);
}

// A4 is 210 mm wide; the page's @page rule leaves 10 mm each side: 190 mm at 96 px per inch.
const PRINTABLE_WIDTH = Math.floor((190 / 25.4) * 96);

function check(ok, what) {
    if (!ok) {
        throw new Error(what);
    }
    console.log(`  ok  ${what}`);
}

/** What the page shows a reader, read from the DOM. */
async function facts(page) {
    return page.evaluate(() => {
        const summary = {};
        for (const dd of document.querySelectorAll('dd[data-summary]')) {
            summary[dd.dataset.summary] = Number(dd.textContent);
        }
        const badTotal = document.querySelector('main td.bad-total');
        return {
            title: document.title,
            summary,
            tables: document.querySelectorAll('main table.grid').length,
            failing: document.querySelectorAll('main td.failing').length,
            findings: document.querySelectorAll('section.findings > ol > li').length,
            badTotalTip: badTotal ? badTotal.title : '',
            scripts: document.querySelectorAll('script').length,
        };
    });
}

/** Tables wider than the printable width of A4 when the page is laid out for print. */
async function overflowingInPrint(page) {
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
    const wide = await page.evaluate((limit) => {
        const out = [];
        for (const t of document.querySelectorAll('table')) {
            const r = t.getBoundingClientRect();
            if (r.right > limit + 0.5 || t.scrollWidth > t.clientWidth + 1) {
                const name = t.closest('section.table')?.querySelector('h4')?.textContent ?? t.className;
                out.push(`${name}: ${Math.round(r.width)} px`);
            }
        }
        if (document.documentElement.scrollWidth > limit + 1) {
            out.push(`the page: ${document.documentElement.scrollWidth} px`);
        }
        return out;
    }, PRINTABLE_WIDTH);
    // Back to no emulation: page.pdf() then lays the page out for print itself (with `screen`
    // emulated it would print the screen layout).
    await page.emulateMedia({ media: null });
    return wide;
}

async function review(browser, file, name, expect) {
    console.log(`${name}: ${file}`);
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const external = [];
    page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) {
            external.push(r.url());
        }
    });
    await page.goto(`file://${path.resolve(file)}`, { waitUntil: 'load' });
    const seen = await facts(page);
    check(seen.title.startsWith(expect.title), `title "${seen.title}"`);
    check(
        seen.summary.files === 1 && seen.summary.reports === 1,
        `summary: ${seen.summary.files} file, ${seen.summary.reports} report`,
    );
    check(seen.summary.errors === expect.errors, `summary: ${seen.summary.errors} errors`);
    check(seen.tables === 6, `${seen.tables} tables (表二's four sub-tables, 表三, 表四)`);
    check(expect.failing(seen.failing), `${seen.failing} failing cells`);
    check(seen.findings === seen.summary.errors + seen.summary.warnings, `${seen.findings} findings listed`);
    if (seen.failing > 0) {
        check(seen.badTotalTip.includes('✗'), `a failing total's tooltip: ${seen.badTotalTip.split('\n')[0]}`);
    }
    check(seen.scripts === 0 && external.length === 0, `no script, no external request ${external.join(' ')}`);

    await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
    // The part worth showing: 表三 down to the report's findings.
    const box = await page.evaluate(() => {
        const top = document.querySelector('main section.t-requests').getBoundingClientRect();
        const end = document.querySelector('main section.findings').getBoundingClientRect();
        return { x: 0, y: top.top + window.scrollY - 8, width: document.documentElement.clientWidth, height: end.bottom - top.top + 16 };
    });
    await page.screenshot({ path: path.join(shotsDir, `${name}-tables.png`), clip: box, fullPage: true });

    const wide = await overflowingInPrint(page);
    check(wide.length === 0, `every table fits A4's printable width (${PRINTABLE_WIDTH} px) in print${wide.length ? ': ' + wide.join('; ') : ''}`);
    const pdf = path.join(shotsDir, `${name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = (fs.readFileSync(pdf, 'latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    check(pages >= 2 && pages <= 6, `printed on ${pages} A4 pages`);
    await page.close();
}

async function main() {
    fs.mkdirSync(shotsDir, { recursive: true });
    for (const f of fs.readdirSync(shotsDir)) {
        if (/\.(png|pdf)$/.test(f)) {
            fs.rmSync(path.join(shotsDir, f));
        }
    }
    const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    try {
        const title = '政府信息公开工作年度报告检查结果';
        await review(browser, examplePage, 'example', { title, errors: 0, failing: (n) => n === 0 });
        // One figure changed (自然人 8 → 9) breaks its row and its column: ten cells are marked.
        await review(browser, brokenPage, 'broken', { title, errors: 2, failing: (n) => n > 0 });
    } finally {
        await browser.close();
    }
    console.log(`html-page: screenshots and PDFs in ${shotsDir}`);
}

main().catch((e) => {
    console.error(`html-page: FAILED: ${e.message}`);
    process.exit(1);
});
