/**
 * The Connect button of the options and welcome pages: ask the worker for a pairing request
 * (it opens the dashboard's approval page), then ask every second until the user answers.
 */
import { MSG, ask } from './messages.js';

const ext = globalThis.browser ?? globalThis.chrome;
const POLL_MS = 1000;

const ENDINGS = Object.freeze({
  denied: 'The request was denied in coffeechat, so this browser is not connected. Click Connect to ask again.',
  expired: 'The request expired before it was answered. Click Connect to ask again.',
  none: 'No request is waiting. Click Connect to ask again.',
});

/** Put `text` into `el`, with the pairing code (if any) in a span that never breaks across lines. */
export function showStatus(el, text, code = null) {
  const at = code ? text.indexOf(code) : -1;
  if (at < 0) {
    el.textContent = text;
    return;
  }
  const span = Object.assign(document.createElement('span'), { className: 'code', textContent: code });
  el.replaceChildren(text.slice(0, at), span, text.slice(at + code.length));
}

/** Show a status line in the element with this id: the text (its code set apart), good or bad, hidden when empty. */
export function report(id, ok, text, code = null) {
  const el = document.getElementById(id);
  showStatus(el, text, code);
  el.className = `status ${ok ? 'ok' : 'bad'}`;
  el.hidden = !text;
}

/**
 * Wire `button`; `report(ok, text)` shows progress and the outcome, `onConnected(answer)`
 * runs once the token is stored.
 */
export function wireConnect(button, report, onConnected) {
  let timer = null;

  async function pollOnce() {
    const answer = await ask(ext.runtime, MSG.PAIR_POLL);
    if (answer.status === 'pending') {
      const wait = answer.problem ? ` ${answer.problem}` : '';
      report(true, `Waiting for your answer in the coffeechat tab: click Allow if it shows the code ${answer.code}.${wait}`, answer.code);
      timer = setTimeout(() => pollOnce().catch(fail), POLL_MS);
      return;
    }
    button.disabled = false;
    if (answer.status === 'approved') {
      report(true, `Connected to coffeechat${answer.version ? ` ${answer.version}` : ''} at ${answer.serverUrl}.`);
      onConnected(answer);
    } else {
      report(false, ENDINGS[answer.status] || ENDINGS.none);
    }
  }

  function fail(err) {
    button.disabled = false;
    report(false, err.message);
  }

  button.addEventListener('click', async () => {
    clearTimeout(timer);
    button.disabled = true;
    report(true, 'Asking coffeechat…');
    try {
      const started = await ask(ext.runtime, MSG.PAIR_START);
      if (started.status !== 'pending') {
        fail(new Error(started.message));
        return;
      }
      report(true, `coffeechat opened a tab: click Allow there if it shows the code ${started.code}.`, started.code);
      timer = setTimeout(() => pollOnce().catch(fail), POLL_MS);
    } catch (err) {
      fail(err);
    }
  });
}
