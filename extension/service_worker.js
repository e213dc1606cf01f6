/**
 * The background of the extension and the only code that talks to the coffeechat
 * server (through api.js). Pages ask it for things with the messages of messages.js.
 * Listeners are registered at the top level so the browser can wake the worker for them.
 */
import { MSG, createRouter, asMessageListener } from './messages.js';
import { loadSettings, normalizeServerUrl, normalizeToken, saveSettings } from './settings.js';
import { createApi, checkServer, findServer, isCoffeechat, isDiscoveryUrl, safeDashboardUrl, FIXES, STATES } from './api.js';
import { classifyUrl, isCapturable, countPeople, hrefsInMain, KINDS } from './pages.js';
import { entry, summary, sendOrder, outcomeOf, OUTCOME } from './queue.js';
import { createQueueStore } from './queue_store.js';
import { createBadge } from './badge.js';
import { encodeCapture, bodyForSend } from './transport.js';
import { companyName } from './results.js';
import { saveExtras, saveLinks } from './save_request.js';
import { createPairing } from './worker_pairing.js';

const ext = globalThis.browser ?? globalThis.chrome;
const store = ext.storage.local;
const queue = createQueueStore(store);
const DUE_KEY = 'followupsDue';
const FLUSH_ALARM = 'coffeechat-flush';
const MENU_ID = 'coffeechat-save-page';
const LAST_TAGS_KEY = 'lastTags';

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

/**
 * The server, looked for on the README's ports when the configured address does not answer.
 * An address the user typed with another port is kept as it is: that is where they said it runs.
 */
async function discoveredClient() {
  const current = await client();
  if (!isDiscoveryUrl(current.settings.serverUrl)) return current;
  const found = await findServer(current.settings.serverUrl, (serverUrl) => createApi({ serverUrl, token: '' }));
  if (!found || found === current.settings.serverUrl) return current;
  await store.set({ serverUrl: found });
  return client();
}

/** Like discoveredClient, but null when no coffeechat answers anywhere it looked. */
async function foundClient() {
  const found = await discoveredClient();
  return isCoffeechat(await found.api.ping()) ? found : null;
}

/** Read the tab's HTML and URL with capture.js; needs the activeTab grant of a user gesture. */
async function capture(tabId) {
  let results;
  try {
    results = await ext.scripting.executeScript({ target: { tabId }, files: ['capture.js'] });
  } catch (err) {
    throw coded('no_access', 'coffeechat may only read the page you point it at: click its toolbar button on the LinkedIn tab, then Save.');
  }
  const page = results?.[0]?.result;
  if (!page || typeof page.html !== 'string') throw coded('capture_failed', 'The page could not be read: reload it and save again.');
  return page;
}

// One save per tab at a time: a double click or shortcut + popup share the same save.
const savesInFlight = new Map();

function saveTab(tabId, options = {}) {
  if (!savesInFlight.has(tabId)) {
    savesInFlight.set(tabId, doSave(tabId, options).finally(() => savesInFlight.delete(tabId)));
  }
  return savesInFlight.get(tabId);
}

/** Keep a capture that could not be stored for a reason the user can fix; it keeps its key. */
async function keep(item, reason) {
  const added = await queue.add(entry(item));
  await badge.refresh();
  return { outcome: added.added ? 'queued' : 'queue-full', reason, queue: { ...summary(await queue.read()), storageFull: added.storageFull } };
}

function serverState(state) {
  return { state, fix: FIXES[state] };
}

async function doSave(tabId, options = {}) {
  const page = await capture(tabId);
  const kind = classifyUrl(page.url);
  if (!isCapturable(kind)) return { outcome: 'unsupported', page: kind };
  const extras = saveExtras(options);
  if (extras.tags) await store.set({ [LAST_TAGS_KEY]: extras.tags });
  const key = crypto.randomUUID();
  const capturedAt = new Date().toISOString();
  const encoded = await encodeCapture({ url: page.url, html: page.html, captured_at: capturedAt, idempotency_key: key, ...extras });
  const item = { key, url: page.url, capturedAt, ...encoded };
  let { settings, api } = await client();
  if (!settings.token) return { ...(await keep(item, STATES.NOT_PAIRED)), server: serverState(STATES.NOT_PAIRED) };
  let res = await api.postCapture(bodyForSend(encoded), { key, encoding: encoded.encoding });
  if (res.status === null) {
    ({ settings, api } = await discoveredClient());
    res = await api.postCapture(bodyForSend(encoded), { key, encoding: encoded.encoding });
  }
  if (res.status === null) return { ...(await keep(item, STATES.NOT_RUNNING)), server: serverState(STATES.NOT_RUNNING) };
  if (res.status === 401) return { ...(await keep(item, STATES.WRONG_TOKEN)), server: serverState(STATES.WRONG_TOKEN) };
  if (!res.ok) return { outcome: 'error', status: res.status, error: res.error };
  flushQueue().catch(() => {}); // the server is up: send what waited, without making the user wait
  return { outcome: 'saved', status: res.status, result: res.data, ...saveLinks(res.data, settings.serverUrl) };
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
  let { settings, api } = await client();
  let server = await checkServer(api, settings);
  if (server.state === STATES.NOT_RUNNING) {
    ({ settings, api } = await discoveredClient());
    server = await checkServer(api, settings);
  }
  if (server.state === STATES.CONNECTED) refreshFollowups().catch(() => {});
  return {
    server: { ...server, fix: FIXES[server.state], serverUrl: settings.serverUrl },
    queue: summary(await queue.read()),
    rejected: await queue.takeRejected(),
    lastTags: (await store.get(LAST_TAGS_KEY))[LAST_TAGS_KEY] || [],
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
  if (server.state === STATES.CONNECTED) {
    // What worked is what the user wants kept: a successful test saves the address and token.
    await saveSettings(store, settings);
    flushQueue().catch(() => {});
  }
  return { ...server, fix: FIXES[server.state], serverUrl: settings.serverUrl, saved: server.state === STATES.CONNECTED };
}

const pairing = createPairing({
  store,
  tabs: ext.tabs,
  findApi: foundClient,
  createApi,
  onPaired: () => flushQueue().catch(() => {}),
});

/** Calls on one saved prospect (drafts, kept edits, what was sent); errors come back in words. */
async function onProspect(call, failure) {
  const { api } = await client();
  const res = await call(api);
  if (res.ok) return res.data;
  const message = res.status === null ? FIXES[STATES.NOT_RUNNING]
    : res.status === 401 ? FIXES[STATES.WRONG_TOKEN] : failure;
  throw coded(res.error.code, message);
}

const dispatch = createRouter({
  [MSG.STATUS]: () => status(),
  [MSG.PREVIEW]: (msg) => preview(msg.tabId),
  [MSG.SAVE_TAB]: (msg) => saveTab(msg.tabId, msg.options),
  [MSG.FLUSH_QUEUE]: () => flushQueue(),
  [MSG.TEST_CONNECTION]: (msg) => testConnection(msg),
  [MSG.PAIR_START]: () => pairing.start(),
  [MSG.PAIR_POLL]: () => pairing.poll(),
  [MSG.DRAFT]: (msg) => onProspect((api) => api.draft(msg.prospectId, msg.kind),
    'coffeechat could not write this draft: look at the person in the dashboard.'),
  [MSG.KEEP_DRAFT]: (msg) => onProspect((api) => api.keepDraft(msg.prospectId, msg.kind, msg.text),
    'Your edit could not be kept: copy it before closing the popup.'),
  [MSG.MARK_SENT]: (msg) => onProspect((api) => api.recordInteraction(msg.prospectId, msg.action, msg.text),
    'coffeechat could not log it: add it in the dashboard instead.'),
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
      await badge.flash(false, done.error?.message || done.page?.why || 'The offline queue is full: start coffeechat.');
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

ext.runtime.onInstalled.addListener((details) => {
  setUp();
  // A first-run page on install only: updates and browser restarts open nothing.
  if (details?.reason === 'install') ext.tabs.create({ url: ext.runtime.getURL('welcome.html') });
});
ext.runtime.onStartup.addListener(() => badge.refresh().catch(() => {}));

// Exposed for the browser tests, which call the worker through Playwright.
globalThis.coffeechat = { saveTab, saveFromGesture, flushQueue, status, refreshFollowups };
