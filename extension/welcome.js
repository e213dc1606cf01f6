/** The first-run page: is coffeechat running, connect this browser, save a first person. */
import { MSG, ask } from './messages.js';
import { fixOn } from './api.js';
import { report, wireConnect } from './connect.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

async function check() {
  const { server } = await ask(ext.runtime, MSG.STATUS);
  const running = server.state !== 'not-running';
  report('server', running, running ? `coffeechat is running at ${server.serverUrl}.` : fixOn('not-running', 'popup'));
  if (server.state === 'connected') report('connection', true, `Connected to coffeechat ${server.version || ''}. You are ready to save your first person.`.replace(/ +\./, '.'));
}

wireConnect($('connect'), (ok, text, code) => report('connection', ok, text, code), () => check());
$('check').addEventListener('click', () => check().catch((err) => report('server', false, err.message)));
check().catch((err) => report('server', false, err.message));
