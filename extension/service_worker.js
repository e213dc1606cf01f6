/**
 * The background of the extension and the only code that talks to the coffeechat
 * server (through api.js). Pages ask it for things with the messages of messages.js.
 * Listeners are registered at the top level so the browser can wake the worker for them.
 */
import { MSG, createRouter, asMessageListener } from './messages.js';
import { loadSettings, normalizeServerUrl, normalizeToken } from './settings.js';
import { createApi, checkServer, safeDashboardUrl, FIXES, STATES } from './api.js';
import { classifyUrl, isCapturable, countPeople, hrefsInMain, KINDS } from './pages.js';
import { entry, summary, sendOrder, outcomeOf, OUTCOME } from './queue.js';
import { createQueueStore } from './queue_store.js';
import { createBadge } from './badge.js';
import { encodeCapture, bodyForSend } from './transport.js';
import { companyName } from './results.js';

const ext = globalThis.browser ?? globalThis.chrome;
const store = ext.storage.local;
const queue = createQueueStore(store);
const DUE_KEY = 'followupsDue';
const FLUSH_ALARM = 'coffeechat-flush';
const MENU_ID = 'coffeechat-save-page';

const badge = createBadge(ext.action, async () => ({
  waiting: (await queue.read()).length,
  due: (await store.get(DUE_KEY))[DUE_KEY] || 0,
}));

function coded(code, message) {
  return Object.assign(new Error(message), { code });
}

async function client(overrides = {}) {
  const settings = { ...(await loadSettings(store)), ...overrides };
  return { settings, api: createApi(settings) };
}

/** Read the tab's HTML and URL with capture.js; needs the activeTab grant of a user gesture. */
async function capture(tabId) {
  let results;
  try {
    results = await ext.scripting.executeScript({ target: { tabId }, files: ['capture.js'] });
  } catch (err) {
    throw coded('no_access', `coffeechat may only read a page you point it at: click its toolbar button on the LinkedIn tab (${err?.message || err})`);
  }
  const page = results?.[0]?.result;
  if (!page || typeof page.html !== 'string') throw coded('capture_failed', 'the page could not be read; reload it and try again');
  return page;
}

// One save per tab at a time: a double click or shortcut + popup share the same save.
const savesInFlight = new Map();

function saveTab(tabId) {
  if (!savesInFlight.has(tabId)) {
    savesInFlight.set(tabId, doSave(tabId).finally(() => savesInFlight.delete(tabId)));
  }
  return savesInFlight.get(tabId);
}

async function doSave(tabId) {
  const page = await capture(tabId);
  const kind = classifyUrl(page.url);
  if (!isCapturable(kind)) return { outcome: 'unsupported', page: kind };
  const { settings, api } = await client();
  if (!settings.token) {
    const server = { state: STATES.NOT_PAIRED, fix: FIXES[STATES.NOT_PAIRED] };
    return { outcome: 'error', error: { code: STATES.NOT_PAIRED, message: FIXES[STATES.NOT_PAIRED] }, server };
  }
  const key = crypto.randomUUID();
  const capturedAt = new Date().toISOString();
  const encoded = await encodeCapture({ url: page.url, html: page.html, captured_at: capturedAt, idempotency_key: key });
  const res = await api.postCapture(bodyForSend(encoded), { key, encoding: encoded.encoding });
  if (res.status === null) {
    // Server unreachable: keep the capture, with its key, for later.
    const added = await queue.add(entry({ key, url: page.url, capturedAt, ...encoded }));
    await badge.refresh();
    return { outcome: added.added ? 'queued' : 'queue-full', queue: { ...summary(await queue.read()), storageFull: added.storageFull } };
  }
  if (res.status === 401) {
    const server = { state: STATES.WRONG_TOKEN, fix: FIXES[STATES.WRONG_TOKEN], detail: res.error.message };
    return { outcome: 'error', status: res.status, error: res.error, server };
  }
  if (!res.ok) return { outcome: 'error', status: res.status, error: res.error };
  flushQueue().catch(() => {}); // the server is up: send what waited, without making the user wait
  const dashboard = res.data?.dashboard_url ? safeDashboardUrl(res.data.dashboard_url, settings.serverUrl) : null;
  return { outcome: 'saved', status: res.status, result: res.data, dashboard };
}

// One flush at a time: the popup and the alarm may ask together.
let flushing = null;

function flushQueue() {
  flushing ??= doFlush().finally(() => { flushing = null; });
  return flushing;
}

async function doFlush() {
  const waiting = await queue.read();
  let sent = 0;
  let rejected = 0;
  if (waiting.length) {
    const { settings, api } = await client();
    if (settings.token) {
      for (const item of sendOrder(waiting)) {
        const res = await api.postCapture(bodyForSend(item), { key: item.key, encoding: item.encoding });
        const outcome = outcomeOf(res.status);
        await queue.settle(item.key, outcome, res.error?.message || null);
        if (outcome === OUTCOME.WAIT) break;
        if (outcome === OUTCOME.SENT) sent += 1;
        else rejected += 1;
      }
    }
  }
  await badge.refresh();
  return { sent, rejected, queue: summary(await queue.read()) };
}

/** Follow-ups due today, for the badge; servers without the route (404) are ignored quietly. */
async function refreshFollowups() {
  const { settings, api } = await client();
  if (!settings.token) return;
  const res = await api.followupsToday();
  if (res.ok && Number.isInteger(res.data?.due)) await store.set({ [DUE_KEY]: res.data.due });
  else if (res.status === 404) await store.set({ [DUE_KEY]: 0 });
  await badge.refresh();
}

async function status() {
  const { settings, api } = await client();
  const server = await checkServer(api, settings);
  if (server.state === STATES.CONNECTED) refreshFollowups().catch(() => {});
  return {
    server: { ...server, fix: FIXES[server.state], serverUrl: settings.serverUrl },
    queue: summary(await queue.read()),
    rejected: await queue.takeRejected(),
  };
}

/** What the popup should offer for a tab; reads a search page to count its people. */
async function preview(tabId) {
  const tab = await ext.tabs.get(tabId);
  const page = classifyUrl(tab.url || '');
  let people = null;
  if (page.kind === KINDS.SEARCH) {
    const captured = await capture(tabId);
    people = countPeople(hrefsInMain(captured.html), captured.url);
  }
  return { url: tab.url || null, title: tab.title || null, page, people };
}

async function testConnection({ serverUrl, token }) {
  const overrides = {};
  if (serverUrl !== undefined) overrides.serverUrl = normalizeServerUrl(serverUrl);
  if (token !== undefined) overrides.token = normalizeToken(token);
  const { settings, api } = await client(overrides);
  const server = await checkServer(api, settings);
  return { ...server, fix: FIXES[server.state], serverUrl: settings.serverUrl };
}

const dispatch = createRouter({
  [MSG.STATUS]: () => status(),
  [MSG.PREVIEW]: (msg) => preview(msg.tabId),
  [MSG.SAVE_TAB]: (msg) => saveTab(msg.tabId),
  [MSG.FLUSH_QUEUE]: () => flushQueue(),
  [MSG.TEST_CONNECTION]: (msg) => testConnection(msg),
});
ext.runtime.onMessage.addListener(asMessageListener(dispatch));

/** Save from the shortcut or the context menu: the badge is the only feedback. */
async function saveFromGesture(tab) {
  try {
    const tabId = tab?.id ?? (await ext.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const done = await saveTab(tabId);
    if (done.outcome === 'saved') {
      const name = done.result.prospect?.full_name || companyName(done.result.company) || 'the page';
      await badge.flash(true, `Saved ${name} to coffeechat`);
    } else if (done.outcome !== 'queued') {
      await badge.flash(false, done.error?.message || done.page?.why || 'The offline queue is full: start coffeechat');
    }
  } catch (err) {
    await badge.flash(false, String(err?.message || err));
  }
}

ext.commands.onCommand.addListener((command, tab) => {
  if (command === 'save-page') saveFromGesture(tab);
});

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) saveFromGesture(tab);
});

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== FLUSH_ALARM) return;
  flushQueue().then(refreshFollowups).catch(() => {});
});

function setUp() {
  // Promises, not callbacks: Firefox's `browser.*` takes no callbacks.
  Promise.resolve(ext.contextMenus.removeAll()).then(() => ext.contextMenus.create({
    id: MENU_ID,
    title: 'Save to coffeechat',
    contexts: ['page'],
    documentUrlPatterns: ['https://*.linkedin.com/*'],
  }));
  ext.alarms.create(FLUSH_ALARM, { periodInMinutes: 1 });
  badge.refresh().catch(() => {});
}

ext.runtime.onInstalled.addListener(setUp);
ext.runtime.onStartup.addListener(() => badge.refresh().catch(() => {}));

// Exposed for the browser tests, which call the worker through Playwright.
globalThis.coffeechat = { saveTab, saveFromGesture, flushQueue, status, refreshFollowups };
