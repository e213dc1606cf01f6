/**
 * The extension's settings, with their defaults, stored in `storage.local` under
 * exactly these keys (the issue and the README name them).
 */

export const DEFAULTS = Object.freeze({
  serverUrl: 'http://127.0.0.1:5757',
  token: '',
});

/** The host names of this machine's loopback interface: the only servers the extension talks to. */
export const LOOPBACK_HOSTS = Object.freeze(['127.0.0.1', 'localhost', '[::1]']);
const LOOPBACK = new Set(LOOPBACK_HOSTS);

/**
 * Check and tidy a server URL typed by the user: http only, loopback only (the
 * manifest grants nothing else), no path, no trailing slash.
 * Throws an Error whose message the options page shows as is.
 */
export function normalizeServerUrl(raw) {
  const text = String(raw ?? '').trim() || DEFAULTS.serverUrl;
  let url;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw new Error(`"${text}" is not a URL; use something like ${DEFAULTS.serverUrl}`);
  }
  if (url.protocol !== 'http:') throw new Error('The server URL must start with http:// (coffeechat serves plain HTTP on this machine).');
  if (!LOOPBACK.has(url.hostname)) throw new Error('The server must be on this machine: use 127.0.0.1 or localhost.');
  if (url.pathname !== '/' || url.search || url.hash) throw new Error('Give only the address and port, e.g. http://127.0.0.1:5757');
  return url.origin;
}

/** Tidy a pasted token: people copy it with spaces, quotes or a "Bearer " prefix. */
export function normalizeToken(raw) {
  return String(raw ?? '').trim().replace(/^bearer\s+/i, '').replace(/^["']|["']$/g, '').trim();
}

/** Read the settings, defaults filled in. `area` is `chrome.storage.local` or a test double. */
export async function loadSettings(area) {
  const stored = await area.get(Object.keys(DEFAULTS));
  return { ...DEFAULTS, ...Object.fromEntries(Object.entries(stored).filter(([, v]) => v !== undefined)) };
}

/** Validate and store settings; returns what was stored. */
export async function saveSettings(area, { serverUrl, token }) {
  const clean = { serverUrl: normalizeServerUrl(serverUrl), token: normalizeToken(token) };
  await area.set(clean);
  return clean;
}
