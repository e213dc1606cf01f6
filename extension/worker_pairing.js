/**
 * Pairing by approval, on the worker's side: ask the server for a request, open its approval
 * page, and poll until the user answers. The pending request (its secret poll id) is kept in
 * storage, so a worker that the browser stopped in between picks it up again.
 */
import { safeDashboardUrl } from './api.js';
import { saveSettings } from './settings.js';
import { browserName } from './words.js';

const PENDING_KEY = 'pairing';

const PAIRING_PROBLEMS = Object.freeze({
  forbidden_origin: 'coffeechat refused the request: this does not look like the coffeechat extension.',
  too_many_requests: 'Too many pairing requests are waiting: answer them in the coffeechat tab, or wait a minute and try again.',
});

/**
 * `deps`: `{store, tabs, findApi, createApi, onPaired}`; `findApi()` resolves to
 * `{settings, api}` for the server found (or null when none answers).
 */
export function createPairing({ store, tabs, findApi, createApi, onPaired }) {
  async function start() {
    const found = await findApi();
    if (!found) {
      return { status: 'not-running', message: 'coffeechat is not running: start it with make run or coffeechat serve, then click Connect again.' };
    }
    const { settings, api } = found;
    const res = await api.requestPairing(browserName());
    if (!res.ok) {
      const message = PAIRING_PROBLEMS[res.error.code] || 'coffeechat could not start pairing: update coffeechat and this extension to the same release.';
      return { status: 'failed', message };
    }
    const page = safeDashboardUrl(res.data.approve_url, settings.serverUrl);
    if (!page) return { status: 'failed', message: 'coffeechat answered with an approval page elsewhere, so it was not opened.' };
    await store.set({ [PENDING_KEY]: { pollId: res.data.poll_id, serverUrl: settings.serverUrl, code: res.data.code } });
    await tabs.create({ url: page });
    return { status: 'pending', code: res.data.code, expiresIn: res.data.expires_in };
  }

  async function poll() {
    const pending = (await store.get(PENDING_KEY))[PENDING_KEY];
    if (!pending) return { status: 'none' };
    const api = createApi({ serverUrl: pending.serverUrl, token: '' });
    const res = await api.pairingAnswer(pending.pollId);
    if (res.status === null) return { status: 'pending', code: pending.code, problem: 'coffeechat stopped answering: is it still running?' };
    const answer = res.ok ? res.data.status : 'expired'; // 404: the server forgot it (restarted or too old)
    if (answer === 'pending') return { status: 'pending', code: pending.code, expiresIn: res.data.expires_in };
    await store.remove(PENDING_KEY);
    if (answer !== 'approved' || !res.data.token) return { status: answer === 'denied' ? 'denied' : 'expired' };
    const saved = await saveSettings(store, { serverUrl: pending.serverUrl, token: res.data.token });
    await onPaired(saved);
    return { status: 'approved', serverUrl: saved.serverUrl, version: res.version };
  }

  return { start, poll };
}
