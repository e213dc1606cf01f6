import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPairing } from '../../extension/worker_pairing.js';

const SERVER = 'http://127.0.0.1:5757';

function fakeStore() {
  const data = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: data[key] } : {}),
    set: async (items) => Object.assign(data, items),
    remove: async (key) => { delete data[key]; },
  };
}

const ok = (data, status = 200) => ({ ok: true, status, data, error: null, version: '0.1.0' });

function setUp(answers) {
  const store = fakeStore();
  const opened = [];
  const paired = [];
  const api = {
    requestPairing: async () => ok({ id: 'r1', poll_id: 'secret', code: 'ABC-234', approve_url: `${SERVER}/pair/r1`, expires_in: 300 }, 201),
    pairingAnswer: async () => answers.shift(),
  };
  const pairing = createPairing({
    store,
    tabs: { create: async (tab) => opened.push(tab.url) },
    findApi: async () => ({ settings: { serverUrl: SERVER, token: '' }, api }),
    createApi: () => api,
    onPaired: async (settings) => paired.push(settings),
  });
  return { store, opened, paired, pairing };
}

test('Connect opens the approval page, then the token is stored once allowed', async () => {
  const { store, opened, paired, pairing } = setUp([ok({ status: 'pending', expires_in: 299 }), ok({ status: 'approved', token: 'tok' })]);
  assert.deepEqual(await pairing.start(), { status: 'pending', code: 'ABC-234', expiresIn: 300 });
  assert.deepEqual(opened, [`${SERVER}/pair/r1`]);
  assert.equal((await pairing.poll()).status, 'pending');
  assert.deepEqual(await pairing.poll(), { status: 'approved', serverUrl: SERVER, version: '0.1.0' });
  assert.equal(store.data.token, 'tok');
  assert.equal(store.data.pairing, undefined, 'the poll id is forgotten');
  assert.deepEqual(paired, [{ serverUrl: SERVER, token: 'tok' }]);
});

test('denied and expired requests store nothing', async () => {
  for (const [answer, status] of [[ok({ status: 'denied' }), 'denied'], [{ ok: false, status: 404, data: null, error: { code: 'not_found' } }, 'expired']]) {
    const { store, pairing } = setUp([answer]);
    await pairing.start();
    assert.equal((await pairing.poll()).status, status);
    assert.equal(store.data.token, undefined);
  }
});

test('an approval page elsewhere than the server is never opened', async () => {
  const opened = [];
  const store = fakeStore();
  const evil = createPairing({
    store,
    tabs: { create: async (tab) => opened.push(tab.url) },
    findApi: async () => ({ settings: { serverUrl: SERVER }, api: { requestPairing: async () => ok({ approve_url: 'https://evil.example/pair/x', poll_id: 'p', code: 'C' }) } }),
    createApi: () => ({}),
    onPaired: async () => {},
  });
  assert.equal((await evil.start()).status, 'failed');
  assert.deepEqual(opened, []);
  assert.equal(store.data.pairing, undefined);
});
