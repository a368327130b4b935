// The table preview's page script: shows the HTML the extension renders (src/tableHtml.ts) and sends
// a clicked cell's source range back, so the extension can put the editor's cursor there.
// @ts-check
(function () {
    // @ts-ignore acquireVsCodeApi is provided by the webview host
    const vscode = acquireVsCodeApi();
    const root = /** @type {HTMLElement} */ (document.getElementById('root'));

    window.addEventListener('message', (event) => {
        const message = event.data;
        if (message && message.type === 'show') {
            // Replacing the content keeps the page's scroll position, so the view stays put while typing.
            root.innerHTML = message.html;
        }
    });

    /** The element at or around `target` that leads to a source, if any. @param {EventTarget | null} target */
    function sourceOf(target) {
        return target instanceof Element ? target.closest('[data-range]') : null;
    }

    /** @param {EventTarget | null} target */
    function reveal(target) {
        const source = sourceOf(target);
        const parts = source ? (source.getAttribute('data-range') || '').split(',').map(Number) : [];
        if (parts.length === 4 && parts.every(Number.isFinite)) {
            const [startLine, startChar, endLine, endChar] = parts;
            const range = { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
            vscode.postMessage({ type: 'reveal', range });
        }
    }

    // A click leads to the editor. Keep the focus from moving into the preview on the way: VS Code
    // learns of that focus late and would take it back from the editor the extension just focused.
    document.addEventListener('mousedown', (event) => {
        if (sourceOf(event.target)) {
            event.preventDefault();
        }
    });
    document.addEventListener('click', (event) => reveal(event.target));
    document.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
            reveal(event.target);
        }
    });

    // Asks for the content: on first load, and whenever VS Code reloads a hidden preview.
    vscode.postMessage({ type: 'ready' });
})();
