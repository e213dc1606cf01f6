/**
 * The one client of the coffeechat server. Only the service worker imports it
 * (it alone has the host permission; a content script would fetch as LinkedIn).
 * Every call resolves to `{ok, status, data, error}`; it never throws on HTTP errors.
 */

import { LOOPBACK_HOSTS } from './settings.js';

export const API_VERSION = 1;
const PING = '/api/v1/ping';
const TIMEOUT_MS = 15000;
const PING_TIMEOUT_MS = 2000; // a ping is answered at once; waiting longer only delays the next port

/** Server states the popup and options page explain, each with its one-line fix. */
export const STATES = Object.freeze({
  CONNECTED: 'connected',
  NOT_RUNNING: 'not-running',
  NOT_PAIRED: 'not-paired',
  WRONG_TOKEN: 'wrong-token',
  INCOMPATIBLE: 'incompatible',
  SERVER_ERROR: 'server-error',
});

/** One sentence per problem, with its fix, as the popup says it (the options page has its own, see fixOn). */
export const FIXES = Object.freeze({
  [STATES.CONNECTED]: '',
  [STATES.NOT_RUNNING]: 'coffeechat is not running: start it with make run or coffeechat serve.',
  [STATES.NOT_PAIRED]: 'This browser is not connected to coffeechat yet: open Options and click Connect.',
  [STATES.WRONG_TOKEN]: 'coffeechat no longer accepts this browser: open Options and click Connect again.',
  [STATES.INCOMPATIBLE]: 'This extension and coffeechat are different releases: update both to the same one.',
  [STATES.SERVER_ERROR]: 'coffeechat ran into a problem: look at the window where it runs, or restart it.',
});

/** The same problems said on the options page, where the Connect button is right there. */
const ON_OPTIONS = Object.freeze({
  [STATES.NOT_PAIRED]: 'This browser is not connected to coffeechat yet: click Connect to coffeechat.',
  [STATES.WRONG_TOKEN]: 'coffeechat does not accept this token: click Connect to coffeechat, or paste the token it printed.',
  [STATES.NOT_RUNNING]: 'coffeechat is not running at this address: start it with make run or coffeechat serve, or check the address.',
});

/** The fix for a state, worded for the page that shows it ('popup' or 'options'). */
export function fixOn(state, place = 'popup') {
  return (place === 'options' && ON_OPTIONS[state]) || FIXES[state] || '';
}

/** The ports the README names; the extension looks there when the configured address does not answer. */
export const DISCOVERY_PORTS = Object.freeze([5757, 5758, 5759]);

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
  const version = response.headers.get('X-Coffeechat-Version');
  if (response.ok) return { ok: true, status: response.status, data, error: null, version };
  const err = data && data.error ? data.error : {};
  return { ...failure(response.status, err.code || `http_${response.status}`, err.message || `the server answered ${response.status}`, data), version };
}

/** `createApi({serverUrl, token}, fetch)`: the calls the extension makes. */
export function createApi({ serverUrl, token }, fetchImpl = globalThis.fetch) {
  async function call(path, { method = 'GET', body = null, headers = {}, auth = true, timeout = TIMEOUT_MS } = {}) {
    const all = { Accept: 'application/json', ...headers };
    if (auth) all.Authorization = `Bearer ${token}`;
    try {
      const response = await fetchImpl(serverUrl + path, {
        method,
        body,
        headers: all,
        credentials: 'omit',
        cache: 'no-store',
        signal: AbortSignal.timeout(timeout),
      });
      return await toResult(response);
    } catch (err) {
      // A refused connection, a timeout and a CORS failure all look like this: nobody to talk to.
      return failure(null, 'unreachable', `coffeechat does not answer at ${serverUrl}.`);
    }
  }

  const json = (method, value) => ({ method, body: JSON.stringify(value), headers: { 'Content-Type': 'application/json' } });
  const id = (value) => encodeURIComponent(String(value));

  return {
    ping: () => call(PING, { auth: false, timeout: PING_TIMEOUT_MS }),
    /** POST a capture; `body` is the JSON text or its gzip bytes (`encoding: 'gzip'`). */
    postCapture: (body, { key, encoding = 'identity' }) => {
      const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': key };
      if (encoding === 'gzip') headers['Content-Encoding'] = 'gzip';
      return call('/api/v1/captures', { method: 'POST', body, headers });
    },
    prospects: (q = '', limit = 1) => call(`/api/v1/prospects?q=${encodeURIComponent(q)}&limit=${limit}`),
    followupsToday: () => call('/api/v1/followups/today'),
    /** Pairing by approval: no token yet; the server answers only the extension's origin. */
    requestPairing: (browser) => call('/api/v1/pairing/requests', { ...json('POST', { browser }), auth: false }),
    pairingAnswer: (pollId) => call(`/api/v1/pairing/requests/${id(pollId)}/answer`, { ...json('POST', {}), auth: false }),
    draft: (prospectId, kind) => call(`/api/v1/prospects/${id(prospectId)}/drafts?kind=${id(kind)}`),
    keepDraft: (prospectId, kind, text) => call(`/api/v1/prospects/${id(prospectId)}/drafts/${id(kind)}`, json('PUT', { text })),
    recordInteraction: (prospectId, action, text) => call(`/api/v1/prospects/${id(prospectId)}/interactions`, json('POST', { action, text })),
  };
}

/**
 * Work out the server's state: ping (no token) says whether coffeechat answers and
 * speaks our API version; one authenticated read says whether the token is right.
 */
export async function checkServer(api, { token }) {
  const ping = await api.ping();
  if (ping.status === null) return { state: STATES.NOT_RUNNING, detail: ping.error.message };
  if (!isCoffeechat(ping)) {
    return { state: STATES.NOT_RUNNING, detail: 'Another program answers at this address, not coffeechat.' };
  }
  const version = ping.data.version || null;
  if (ping.data.api !== API_VERSION) {
    return { state: STATES.INCOMPATIBLE, version, detail: `coffeechat ${version || ''} speaks another version of its API than this extension.` };
  }
  if (!token) return { state: STATES.NOT_PAIRED, version, detail: 'No pairing token is saved yet.' };
  const probe = await api.prospects('', 1);
  if (probe.status === 401) return { state: STATES.WRONG_TOKEN, version, detail: 'coffeechat refused the pairing token.' };
  if (probe.status === null) return { state: STATES.NOT_RUNNING, detail: probe.error.message };
  // A missing route means another API; a crash is the server's problem, not a mismatch.
  if (probe.status >= 500) return { state: STATES.SERVER_ERROR, version, detail: 'coffeechat answered with an error.' };
  if (!probe.ok) return { state: STATES.INCOMPATIBLE, version, detail: 'coffeechat does not know what this extension asks for.' };
  return { state: STATES.CONNECTED, version, detail: `coffeechat ${version}` };
}

/** A ping answer from coffeechat itself: its identity header and its name, not just any 200. */
export function isCoffeechat(ping) {
  return Boolean(ping.ok && ping.version && ping.data && ping.data.app === 'coffeechat');
}

/** The loopback addresses to try for the server: the configured one first, then the README's ports. */
export function candidateUrls(serverUrl) {
  const others = DISCOVERY_PORTS.map((port) => `http://127.0.0.1:${port}`);
  return [...new Set([serverUrl, ...others])];
}

/** Whether an address is one of those the extension looks at by itself (then it may move to another). */
export function isDiscoveryUrl(serverUrl) {
  return DISCOVERY_PORTS.some((port) => serverUrl === `http://127.0.0.1:${port}`);
}

/**
 * Find coffeechat: the first candidate whose ping carries the identity header. `makeApi(url)`
 * builds a client for an address. Resolves to the address, or null when none answers.
 */
export async function findServer(serverUrl, makeApi) {
  for (const url of candidateUrls(serverUrl)) {
    if (isCoffeechat(await makeApi(url).ping())) return url;
  }
  return null;
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
