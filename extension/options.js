/**
 * Options: connect by approval (connect.js), or by hand with the server address and the
 * pairing token. The connection test goes through the service worker, the only code that
 * calls the server, and keeps what it tested when it works.
 */
import { MSG, ask } from './messages.js';
import { fixOn } from './api.js';
import { loadSettings, saveSettings } from './settings.js';
import { report, wireConnect } from './connect.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

/** The sentence for a connection state, worded for this page (the Connect button is right here). */
function stateLine(result) {
  if (result.state === 'connected') return `Connected to coffeechat ${result.version || ''} at ${result.serverUrl}.`.replace(/ +/g, ' ');
  // Another program on the port is worth saying; otherwise the fix says it all.
  const seen = result.state === 'not-running' && /Another program/.test(result.detail || '') ? `${result.detail} ` : '';
  return `${seen}${fixOn(result.state, 'options')}`;
}

const FIELDS = ['serverUrl', 'token'];
// What the form last showed from storage: a field that differs was typed in by the user.
const shown = Object.fromEntries(FIELDS.map((name) => [name, $(name).value]));
let testsStarted = 0;

/**
 * Show the saved address and token. With keepTyping, a field the user has changed since it
 * was last filled keeps what they typed: the status check that runs as the page opens can
 * take seconds, and its answer must not undo a token pasted meanwhile.
 */
async function fillForm({ keepTyping = false } = {}) {
  const settings = await loadSettings(ext.storage.local);
  for (const name of FIELDS) {
    if (keepTyping && $(name).value !== shown[name]) continue;
    $(name).value = settings[name];
    shown[name] = settings[name];
  }
}

async function testConnection() {
  testsStarted += 1;
  report('result', true, 'Testing…');
  const result = await ask(ext.runtime, MSG.TEST_CONNECTION, { serverUrl: $('serverUrl').value, token: $('token').value });
  report('result', result.state === 'connected', stateLine(result));
  if (result.saved) {
    await fillForm();
    report('connection', true, stateLine(result));
  } else {
    $('connection').hidden = true; // the line under the test says what is wrong now
  }
}

async function saveForm() {
  await saveSettings(ext.storage.local, { serverUrl: $('serverUrl').value, token: $('token').value });
  await fillForm();
}

async function main() {
  // The buttons work from the first moment; filling the form waits on storage.
  wireConnect($('connect'), (ok, text, code) => report('connection', ok, text, code), () => fillForm());
  $('settings').addEventListener('submit', (event) => {
    event.preventDefault();
    saveForm().then(testConnection).catch((err) => report('result', false, err.message));
  });
  $('test').addEventListener('click', () => testConnection().catch((err) => report('result', false, err.message)));
  $('show-token').addEventListener('click', () => {
    const hidden = $('token').type === 'password';
    $('token').type = hidden ? 'text' : 'password';
    $('show-token').textContent = hidden ? 'Hide' : 'Show';
  });

  await fillForm({ keepTyping: true }); // a fast typist may already be pasting
  const testsBefore = testsStarted;
  const status = await ask(ext.runtime, MSG.STATUS);
  // A test pressed meanwhile has said something newer about the connection than this status.
  if (testsStarted === testsBefore) {
    report('connection', status.server.state === 'connected', stateLine(status.server));
    await fillForm({ keepTyping: true }); // the worker may have found the server on another port
  }

  // Show the shortcut the user actually has (they may have changed it).
  const commands = await ext.commands.getAll();
  const shortcut = commands.find((c) => c.name === 'save-page')?.shortcut;
  $('shortcut').textContent = shortcut || 'no shortcut set';
}

main().catch((err) => report('connection', false, err.message));
