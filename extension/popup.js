/**
 * The toolbar popup: shows the server's state and what can be saved from the tab,
 * and asks the service worker to do it. Everything from the page or the server is
 * rendered with textContent or form values, never as HTML.
 */
import { MSG, ask } from './messages.js';
import { saveLabel } from './pages.js';
import { describeSave, describeNotSaved, noteCount, queueLine } from './results.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const STATE_LABELS = {
  connected: 'Connected',
  'not-running': 'Not running',
  'not-paired': 'Not paired',
  'wrong-token': 'Wrong token',
  incompatible: 'Incompatible version',
  'server-error': 'Server error',
};

function setText(id, text) {
  const el = $(id);
  el.textContent = text || '';
  el.hidden = !text;
  return el;
}

function setList(id, items) {
  const list = $(id);
  list.replaceChildren(...items.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  list.hidden = items.length === 0;
}

/** `popup.html?tab=<id>` acts on that tab (tests, links); otherwise on the active tab. */
async function targetTabId() {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function renderServer(server) {
  const badge = $('server-state');
  badge.textContent = STATE_LABELS[server.state] || server.state;
  badge.className = `state state-${server.state}`;
  badge.title = server.detail || '';
  setText('server-fix', server.fix);
}

function renderQueue(queue) {
  const line = setText('queue', queueLine(queue));
  line.classList.toggle('full', Boolean(queue.full));
}

function renderNote(note) {
  const area = $('note');
  const count = () => {
    const { text, over } = noteCount(area.value, note.limit);
    $('note-count').textContent = text;
    $('note-count').classList.toggle('over', over);
  };
  area.value = note.body;
  area.oninput = count;
  count();
}

function renderSaved(done) {
  const data = done.result;
  const { title, detail } = describeSave(data);
  setText('result-title', title);
  setText('result-detail', detail);
  setText('stage', data.prospect?.stage ? `Stage: ${data.prospect.stage}` : null);
  const hasNote = Boolean(data.connection_note?.body);
  $('note-box').hidden = !hasNote;
  $('copy').hidden = !hasNote;
  if (hasNote) renderNote(data.connection_note);
  const open = $('open-dashboard');
  open.hidden = !done.dashboard;
  open.onclick = () => ext.tabs.create({ url: done.dashboard });
  $('actions').hidden = !hasNote && !done.dashboard;
  const people = (data.prospects || []).map((p) => `${p.full_name}${p.created ? ' (new)' : ' (updated)'}`);
  setList('people', people);
  setList('warnings', data.warnings || []);
  $('result').hidden = false;
}

async function copyNote() {
  const area = $('note');
  try {
    await navigator.clipboard.writeText(area.value);
  } catch {
    // Older Firefox popups refuse the async clipboard: fall back to copying the selection.
    area.select();
    document.execCommand('copy');
  }
  $('copy').textContent = 'Copied';
  setTimeout(() => { $('copy').textContent = 'Copy'; }, 1500);
}

async function save(tabId, button) {
  button.disabled = true;
  const label = button.textContent;
  button.textContent = 'Saving…';
  setText('error', null);
  let saved = false;
  try {
    const done = await ask(ext.runtime, MSG.SAVE_TAB, { tabId });
    saved = done.outcome === 'saved';
    if (saved) renderSaved(done);
    // Queued is not a failure: the page is safe and will be sent later.
    else setText(done.outcome === 'queued' ? 'notice' : 'error', describeNotSaved(done));
    if (done.queue) renderQueue(done.queue);
    if (done.server) renderServer(done.server);
  } catch (err) {
    setText('error', err.message);
  } finally {
    button.disabled = false;
    // Saving again picks up what changed on the page since (LinkedIn pages load lazily).
    button.textContent = saved ? 'Save again' : label;
  }
}

function renderPage(preview, tabId) {
  const label = saveLabel(preview.page, preview.people);
  if (!label) {
    setText('page-info', preview.page.why);
    return;
  }
  setText('page-info', preview.title ? preview.title.replace(/\s*\|\s*LinkedIn\s*$/, '') : null);
  const button = $('save');
  button.textContent = label;
  button.hidden = false;
  button.onclick = () => save(tabId, button);
}

async function main() {
  $('copy').onclick = copyNote;
  const tabId = await targetTabId();
  const [status, preview] = await Promise.all([
    ask(ext.runtime, MSG.STATUS),
    ask(ext.runtime, MSG.PREVIEW, { tabId }).catch((err) => ({ error: err })),
  ]);
  renderServer(status.server);
  renderQueue(status.queue);
  if (status.rejected.length) {
    setText('error', `coffeechat refused ${status.rejected.length} queued capture(s): ${status.rejected.map((r) => `${r.url} (${r.error})`).join('; ')}`);
  }
  if (preview.error) setText('page-info', preview.error.message);
  else renderPage(preview, tabId);
  if (status.server.state === 'connected' && status.queue.waiting) {
    const flushed = await ask(ext.runtime, MSG.FLUSH_QUEUE);
    renderQueue(flushed.queue);
  }
}

main().catch((err) => setText('error', err.message));
