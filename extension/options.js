/**
 * Options: where the server is and the pairing token. Settings are written to storage
 * here; the connection test goes through the service worker, the only code that calls
 * the server.
 */
import { MSG, ask } from './messages.js';
import { loadSettings, saveSettings } from './settings.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

function report(ok, text) {
  const el = $('result');
  el.textContent = text;
  el.className = ok ? 'ok' : 'bad';
  el.hidden = false;
}

async function saveForm() {
  const stored = await saveSettings(ext.storage.local, { serverUrl: $('serverUrl').value, token: $('token').value });
  $('serverUrl').value = stored.serverUrl;
  $('token').value = stored.token;
  return stored;
}

async function testConnection() {
  report(true, 'Testing…');
  const result = await ask(ext.runtime, MSG.TEST_CONNECTION, { serverUrl: $('serverUrl').value, token: $('token').value });
  if (result.state === 'connected') report(true, `Connected to coffeechat ${result.version || ''} at ${result.serverUrl}.`);
  else {
    // For token problems the fix says it all; otherwise the detail says what was seen.
    const tokenProblem = result.state === 'wrong-token' || result.state === 'not-paired';
    report(false, tokenProblem || !result.detail ? result.fix : `${result.detail}. ${result.fix}`);
  }
}

async function main() {
  const settings = await loadSettings(ext.storage.local);
  $('serverUrl').value = settings.serverUrl;
  $('token').value = settings.token;

  $('settings').addEventListener('submit', (event) => {
    event.preventDefault();
    saveForm().then(testConnection).catch((err) => report(false, err.message));
  });
  $('test').addEventListener('click', () => testConnection().catch((err) => report(false, err.message)));
  $('show-token').addEventListener('click', () => {
    const hidden = $('token').type === 'password';
    $('token').type = hidden ? 'text' : 'password';
    $('show-token').textContent = hidden ? 'Hide' : 'Show';
  });

  // Show the shortcut the user actually has (they may have changed it).
  const commands = await ext.commands.getAll();
  const shortcut = commands.find((c) => c.name === 'save-page')?.shortcut;
  $('shortcut').textContent = shortcut || 'no shortcut set';
}

main().catch((err) => report(false, err.message));
