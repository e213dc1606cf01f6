// Injected into the LinkedIn tab by the service worker, only when the user asks
// (toolbar, shortcut or context menu). It reads the page and returns
// {url, html}; it never writes to the page, adds no listener and leaves no trace in the DOM.
// It runs in the extension's isolated world, so the global below is invisible to LinkedIn.
(() => {
  // Guard: a second injection into the same page (a double click, popup + shortcut)
  // reuses the reader the first one defined instead of setting everything up again.
  if (typeof globalThis.coffeechatCapture !== 'function') {
    Object.defineProperty(globalThis, 'coffeechatCapture', {
      value: function coffeechatCapture() {
        const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
        return { url: location.href, html: doctype + document.documentElement.outerHTML };
      },
    });
  }
  return globalThis.coffeechatCapture();
})();
