import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MSG, ask, asMessageListener, createRouter, message } from '../../extension/messages.js';

test('message names are unique and namespaced', () => {
  const names = Object.values(MSG);
  assert.equal(new Set(names).size, names.length);
  for (const name of names) assert.match(name, /^coffeechat\//);
  assert.throws(() => { MSG.STATUS = 'x'; }, TypeError, 'frozen');
});

test('message() refuses names that were not declared', () => {
  assert.deepEqual(message(MSG.SAVE_TAB, { tabId: 3 }), { type: MSG.SAVE_TAB, tabId: 3 });
  assert.throws(() => message('coffeechat/nope'), /unknown message type/);
});

test('createRouter refuses handlers for undeclared messages', () => {
  assert.throws(() => createRouter({ 'coffeechat/typo': () => 1 }), /unknown message type/);
});

test('the router dispatches by name and wraps the value', async () => {
  const seen = [];
  const dispatch = createRouter({
    [MSG.SAVE_TAB]: (msg, sender) => { seen.push([msg.tabId, sender.id]); return { outcome: 'saved' }; },
    [MSG.STATUS]: async () => ({ state: 'connected' }),
  });
  assert.deepEqual(await dispatch(message(MSG.SAVE_TAB, { tabId: 7 }), { id: 'ext' }), { ok: true, value: { outcome: 'saved' } });
  assert.deepEqual(await dispatch(message(MSG.STATUS)), { ok: true, value: { state: 'connected' } });
  assert.deepEqual(seen, [[7, 'ext']]);
});

test('a throwing handler becomes an error answer, not a silent failure', async () => {
  const dispatch = createRouter({
    [MSG.SAVE_TAB]: () => { throw Object.assign(new Error('cannot read the page'), { code: 'no_access' }); },
  });
  assert.deepEqual(await dispatch(message(MSG.SAVE_TAB)), { ok: false, error: { code: 'no_access', message: 'cannot read the page' } });
});

test('declared messages without a handler get an error answer', async () => {
  const answer = await createRouter({})(message(MSG.FLUSH_QUEUE));
  assert.equal(answer.ok, false);
  assert.equal(answer.error.code, 'unknown_message');
});

test('messages that are not ours are left alone, synchronously', () => {
  const dispatch = createRouter({});
  assert.equal(dispatch({ type: 'other-extension/thing' }), undefined);
  assert.equal(dispatch(null), undefined);
  assert.equal(dispatch('text'), undefined);
});

test('asMessageListener keeps the channel open only for our messages', async () => {
  const listener = asMessageListener(createRouter({ [MSG.STATUS]: () => 'up' }));
  assert.equal(listener({ type: 'foreign' }, {}, () => assert.fail('must not answer')), false);
  const answered = new Promise((resolve) => {
    assert.equal(listener(message(MSG.STATUS), {}, resolve), true);
  });
  assert.deepEqual(await answered, { ok: true, value: 'up' });
});

test('ask() unwraps answers and turns error answers into exceptions', async () => {
  const runtime = (answer) => ({ sendMessage: async (msg) => (typeof answer === 'function' ? answer(msg) : answer) });
  assert.equal(await ask(runtime((msg) => ({ ok: true, value: msg.tabId })), MSG.PREVIEW, { tabId: 4 }), 4);
  await assert.rejects(ask(runtime({ ok: false, error: { code: 'x', message: 'boom' } }), MSG.STATUS), (err) => err.code === 'x' && err.message === 'boom');
  await assert.rejects(ask(runtime(undefined), MSG.STATUS), /did not answer/);
});
