/**
 * Message names exchanged between the popup/options pages and the service worker,
 * declared once, and the handler-map router the worker dispatches them through.
 */

export const MSG = Object.freeze({
  STATUS: 'coffeechat/status',
  PREVIEW: 'coffeechat/preview',
  SAVE_TAB: 'coffeechat/save-tab',
  FLUSH_QUEUE: 'coffeechat/flush-queue',
  TEST_CONNECTION: 'coffeechat/test-connection',
  PAIR_START: 'coffeechat/pair-start',
  PAIR_POLL: 'coffeechat/pair-poll',
  DRAFT: 'coffeechat/draft',
  KEEP_DRAFT: 'coffeechat/keep-draft',
  MARK_SENT: 'coffeechat/mark-sent',
});

const KNOWN = new Set(Object.values(MSG));

/** A request to the worker: the message name plus its arguments. */
export function message(type, payload = {}) {
  if (!KNOWN.has(type)) throw new Error(`unknown message type ${type}`);
  return { type, ...payload };
}

/**
 * Build `dispatch(msg, sender)`: looks the handler up by name and always resolves to
 * `{ok: true, value}` or `{ok: false, error}`, so a throwing handler still answers the page.
 * Messages that are not ours return `undefined` and are left for other listeners.
 */
export function createRouter(handlers) {
  for (const name of Object.keys(handlers)) {
    if (!KNOWN.has(name)) throw new Error(`handler for unknown message type ${name}`);
  }
  // Deliberately not async: a foreign message must get `undefined` synchronously so the
  // listener can tell the browser it will not answer.
  return function dispatch(msg, sender) {
    if (!msg || typeof msg.type !== 'string' || !msg.type.startsWith('coffeechat/')) return undefined;
    const handler = Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
    if (!handler) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_message', message: `no handler for ${msg.type}` } });
    }
    return (async () => {
      try {
        return { ok: true, value: await handler(msg, sender) };
      } catch (err) {
        return { ok: false, error: { code: err?.code || 'internal', message: String(err?.message || err) } };
      }
    })();
  };
}

/**
 * Adapt a router to `runtime.onMessage`: answering through `sendResponse` and returning
 * `true` works the same in Chrome and Firefox, unlike returning a Promise.
 */
export function asMessageListener(dispatch) {
  return (msg, sender, sendResponse) => {
    const pending = dispatch(msg, sender);
    if (!pending) return false;
    pending.then(sendResponse);
    return true;
  };
}

/** Send a message from a page to the worker; rejects with the worker's error. */
export async function ask(runtime, type, payload = {}) {
  const answer = await runtime.sendMessage(message(type, payload));
  if (!answer) throw new Error('The extension did not answer: reload it on the extensions page.');
  if (!answer.ok) {
    const err = new Error(answer.error.message);
    err.code = answer.error.code;
    throw err;
  }
  return answer.value;
}
