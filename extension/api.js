/**
 * The one client of the coffeechat server. Only the service worker imports it
 * (it alone has the host permission; a content script would fetch as LinkedIn).
 * Every call resolves to `{ok, status, data, error}`; it never throws on HTTP errors.
 */

import { LOOPBACK_HOSTS } from './settings.js';

export const API_VERSION = 1;
const PING = '/api/v1/ping';
const TIMEOUT_MS = 15000;

/** Server states the popup and options page explain, each with its one-line fix. */
export const STATES = Object.freeze({
  CONNECTED: 'connected',
  NOT_RUNNING: 'not-running',
  NOT_PAIRED: 'not-paired',
  WRONG_TOKEN: 'wrong-token',
  INCOMPATIBLE: 'incompatible',
  SERVER_ERROR: 'server-error',
});

export const FIXES = Object.freeze({
  [STATES.CONNECTED]: '',
  [STATES.NOT_RUNNING]: 'Start it with `make run` (or `coffeechat serve`), or check the server URL in Options.',
  [STATES.NOT_PAIRED]: 'Paste the token printed by `coffeechat token` in Options.',
  [STATES.WRONG_TOKEN]: 'The server refused the token: paste the one printed by `coffeechat token` in Options.',
  [STATES.INCOMPATIBLE]: 'Update coffeechat and this extension to the same release.',
  [STATES.SERVER_ERROR]: 'coffeechat answered with an error: look at its output, or restart it.',
});

function failure(status, code, message, data = null) {
  return { ok: false, status, data, error: { code, message } };
}

async function toResult(response) {
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.ok) return { ok: true, status: response.status, data, error: null, version: response.headers.get('X-Coffeechat-Version') };
  const err = data && data.error ? data.error : {};
  return failure(response.status, err.code || `http_${response.status}`, err.message || `the server answered ${response.status}`, data);
}

/** `createApi({serverUrl, token}, fetch)`: the calls the extension makes. */
export function createApi({ serverUrl, token }, fetchImpl = globalThis.fetch) {
  async function call(path, { method = 'GET', body = null, headers = {}, auth = true } = {}) {
    const all = { Accept: 'application/json', ...headers };
    if (auth) all.Authorization = `Bearer ${token}`;
    try {
      const response = await fetchImpl(serverUrl + path, {
        method,
        body,
        headers: all,
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      return await toResult(response);
    } catch (err) {
      // A refused connection, a timeout and a CORS failure all look like this: nobody to talk to.
      return failure(null, 'unreachable', `cannot reach coffeechat at ${serverUrl} (${err?.message || err})`);
    }
  }

  return {
    ping: () => call(PING, { auth: false }),
    /** POST a capture; `body` is the JSON text or its gzip bytes (`encoding: 'gzip'`). */
    postCapture: (body, { key, encoding = 'identity' }) => {
      const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': key };
      if (encoding === 'gzip') headers['Content-Encoding'] = 'gzip';
      return call('/api/v1/captures', { method: 'POST', body, headers });
    },
    prospects: (q = '', limit = 1) => call(`/api/v1/prospects?q=${encodeURIComponent(q)}&limit=${limit}`),
    followupsToday: () => call('/api/v1/followups/today'),
  };
}

/**
 * Work out the server's state: ping (no token) says whether coffeechat answers and
 * speaks our API version; one authenticated read says whether the token is right.
 */
export async function checkServer(api, { token }) {
  const ping = await api.ping();
  if (ping.status === null) return { state: STATES.NOT_RUNNING, detail: ping.error.message };
  if (!ping.ok || !ping.data || ping.data.app !== 'coffeechat') {
    return { state: STATES.NOT_RUNNING, detail: 'another program answers on this port, not coffeechat' };
  }
  const version = ping.data.version || null;
  if (ping.data.api !== API_VERSION) {
    return { state: STATES.INCOMPATIBLE, version, detail: `the server speaks API ${ping.data.api}, this extension API ${API_VERSION}` };
  }
  if (!token) return { state: STATES.NOT_PAIRED, version, detail: 'no pairing token saved yet' };
  const probe = await api.prospects('', 1);
  if (probe.status === 401) return { state: STATES.WRONG_TOKEN, version, detail: probe.error.message };
  if (probe.status === null) return { state: STATES.NOT_RUNNING, detail: probe.error.message };
  // A missing route means another API; a crash is the server's problem, not a mismatch.
  if (probe.status >= 500) return { state: STATES.SERVER_ERROR, version, detail: probe.error.message };
  if (!probe.ok) return { state: STATES.INCOMPATIBLE, version, detail: probe.error.message };
  return { state: STATES.CONNECTED, version, detail: `coffeechat ${version}` };
}

/** Only follow a dashboard link that points back at the configured server. */
export function safeDashboardUrl(link, serverUrl) {
  try {
    const url = new URL(link, serverUrl);
    const server = new URL(serverUrl);
    if (url.protocol !== 'http:' || url.port !== server.port || !LOOPBACK_HOSTS.includes(url.hostname)) return null;
    return url.href;
  } catch {
    return null;
  }
}
