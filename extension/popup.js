/**
 * The toolbar popup: shows the server's state and what can be saved from the tab, asks the
 * service worker to save it (with optional tags, stage and note), then shows the next step
 * for that person (popup_step.js). Everything from the page or the server is rendered with
 * textContent or form values, never as HTML.
 */
import { MSG, ask } from './messages.js';
import { KINDS, saveLabel } from './pages.js';
import { describeSave, describeNotSaved, queueLine, rejectedLine } from './results.js';
import { parseTags } from './save_request.js';
import { STAGE_LABELS, pageTitle, partialHint, partialSections, stageLabel } from './words.js';
import { showStep } from './popup_step.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const STATE_LABELS = {
  connected: 'Connected',
  'not-running': 'Not running',
  'not-paired': 'Not connected',
  'wrong-token': 'Not connected',
  incompatible: 'Different release',
  'server-error': 'Server problem',
};
const FIXABLE_IN_OPTIONS = new Set(['not-paired', 'wrong-token', 'not-running']);

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
  badge.textContent = STATE_LABELS[server.state] || 'Unknown';
  badge.className = `state state-${server.state}`;
  badge.title = server.state === 'connected' && server.version ? `coffeechat ${server.version}` : '';
  setText('server-fix', server.fix);
  $('server-fix-box').hidden = !server.fix;
  $('fix-options').hidden = !FIXABLE_IN_OPTIONS.has(server.state) || server.state === 'not-running';
}

function renderQueue(queue) {
  const line = setText('queue', queueLine(queue));
  line.classList.toggle('full', Boolean(queue.full));
}

function renderStage(stage) {
  setText('stage', stage ? `Stage: ${stageLabel(stage)}` : null);
}

/** "Open the full experience list to save all of it", each section a link opened on click only. */
function renderPartial(sections) {
  const line = $('partial');
  const hint = partialHint(sections);
  if (!hint) {
    line.hidden = true;
    return;
  }
  const links = sections.map(({ name, url }) => {
    const a = Object.assign(document.createElement('a'), { href: url, textContent: name });
    a.onclick = (event) => {
      event.preventDefault();
      ext.tabs.create({ url });
    };
    return a;
  });
  // "experience, education and skills", with each name a link.
  const parts = [hint.before];
  links.forEach((a, i) => {
    if (i > 0) parts.push(i === links.length - 1 ? ' and ' : ', ');
    parts.push(a);
  });
  parts.push(hint.after);
  line.replaceChildren(...parts);
  line.hidden = false;
}

function openButton(id, url) {
  const button = $(id);
  button.hidden = !url;
  button.onclick = () => ext.tabs.create({ url });
}

function renderSaved(done) {
  const data = done.result;
  const { title, detail } = describeSave(data);
  setText('result-title', title);
  setText('result-detail', detail);
  renderStage(data.prospect?.stage);
  renderPartial(data.prospect ? partialSections(data.warnings, data.prospect.profile_url || data.prospect.key) : []);
  if (data.prospect) showStep(data.prospect, data.next_step, (stage) => renderStage(stage));
  else $('step').hidden = true;
  openButton('open-dashboard', done.dashboard);
  openButton('open-company', done.companyUrl);
  $('links').hidden = !done.dashboard && !done.companyUrl;
  setList('people', (data.prospects || []).map((p) => `${p.full_name}${p.created ? ' (new)' : ' (updated)'}`));
  $('result').hidden = false;
}

function saveOptions(page) {
  if (page.kind !== KINDS.PROFILE && page.kind !== KINDS.DETAILS) return {};
  return { tags: parseTags($('tags').value), stage: $('stage-choice').value || null, note: $('save-note').value };
}

async function save(tabId, page) {
  const button = $('save');
  button.disabled = true;
  const label = button.textContent;
  button.textContent = 'Saving…';
  setText('error', null);
  setText('notice', null);
  let saved = false;
  try {
    const done = await ask(ext.runtime, MSG.SAVE_TAB, { tabId, options: saveOptions(page) });
    saved = done.outcome === 'saved';
    if (saved) renderSaved(done);
    // Queued is not a failure: the page is safe and will be sent once the problem is fixed.
    else setText(done.outcome === 'queued' ? 'notice' : 'error', describeNotSaved(done));
    if (done.queue) renderQueue(done.queue);
    if (done.server) renderServer(done.server);
  } catch (err) {
    setText('error', err.message);
  } finally {
    button.disabled = false;
    // Saving again picks up what changed on the page since (LinkedIn pages load lazily).
    button.textContent = saved ? 'Save again' : label;
    // Keep the keyboard where the next action is: Copy after a save with a draft, else Save.
    ($('step').hidden ? button : $('copy')).focus();
  }
}

function renderExtras(page, lastTags) {
  const details = $('extras');
  details.hidden = page.kind !== KINDS.PROFILE && page.kind !== KINDS.DETAILS;
  if (details.hidden) return;
  const stages = $('stage-choice');
  stages.append(...Object.entries(STAGE_LABELS).map(([value, text]) => new Option(text, value)));
  if (lastTags.length) {
    $('tags').value = lastTags.join(', ');
    $('extras-summary').textContent = `Tags: ${lastTags.join(', ')}. Change them, or add a stage or a note`;
  }
}

function renderPage(preview, tabId, lastTags) {
  const label = saveLabel(preview.page, preview.people);
  if (!label) {
    setText('page-info', preview.page.why);
    return;
  }
  setText('page-info', pageTitle(preview.title));
  renderExtras(preview.page, lastTags);
  const form = $('save-form');
  $('save').textContent = label;
  form.hidden = false;
  form.onsubmit = (event) => {
    event.preventDefault();
    save(tabId, preview.page);
  };
  $('save').focus();
}

async function main() {
  $('fix-options').onclick = () => ext.runtime.openOptionsPage();
  const tabId = await targetTabId();
  const [status, preview] = await Promise.all([
    ask(ext.runtime, MSG.STATUS),
    ask(ext.runtime, MSG.PREVIEW, { tabId }).catch((err) => ({ error: err })),
  ]);
  renderServer(status.server);
  renderQueue(status.queue);
  setText('error', rejectedLine(status.rejected));
  if (preview.error) setText('page-info', 'coffeechat cannot see this tab: open the popup from the LinkedIn tab you want to save.');
  else renderPage(preview, tabId, status.lastTags || []);
  if (status.server.state === 'connected' && status.queue.waiting) {
    const flushed = await ask(ext.runtime, MSG.FLUSH_QUEUE);
    renderQueue(flushed.queue);
  }
}

main().catch((err) => setText('error', err.message));
