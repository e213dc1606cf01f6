import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as Q from '../../extension/queue.js';
import { createQueueStore } from '../../extension/queue_store.js';

const item = (n) => Q.entry({ key: `k${n}`, url: `https://www.linkedin.com/in/p${n}/`, capturedAt: `2026-01-01T00:00:${String(n).padStart(2, '0')}Z`, body: '{}' });

function fill(n) {
  let queue = [];
  for (let i = 0; i < n; i += 1) queue = Q.enqueue(queue, item(i)).queue;
  return queue;
}

test('an entry needs its idempotency key', () => {
  assert.throws(() => Q.entry({ url: 'u', body: '{}' }), /idempotency key/);
});

test('enqueue adds up to the limit, then refuses instead of dropping the oldest', () => {
  const queue = fill(Q.QUEUE_LIMIT - 1);
  const last = Q.enqueue(queue, item(100));
  assert.equal(last.added, true);
  assert.equal(last.full, true);
  assert.equal(last.queue.length, Q.QUEUE_LIMIT);
  const refused = Q.enqueue(last.queue, item(101));
  assert.equal(refused.added, false);
  assert.equal(refused.full, true);
  assert.equal(refused.queue, last.queue, 'the queue is left as it was');
  assert.equal(refused.queue[0].key, 'k0', 'the oldest capture is still there');
});

test('enqueue ignores a key already waiting (nothing is sent twice)', () => {
  const once = Q.enqueue([], item(1)).queue;
  const twice = Q.enqueue(once, { ...item(1), body: 'other' });
  assert.equal(twice.added, false);
  assert.equal(twice.full, false);
  assert.deepEqual(twice.queue, once);
});

test('enqueue does not mutate its input', () => {
  const queue = fill(2);
  const copy = structuredClone(queue);
  Q.enqueue(queue, item(9));
  assert.deepEqual(queue, copy);
});

test('outcomeOf: sent, rejected for good, or wait', () => {
  assert.equal(Q.outcomeOf(200), Q.OUTCOME.SENT);
  assert.equal(Q.outcomeOf(201), Q.OUTCOME.SENT);
  assert.equal(Q.outcomeOf(null), Q.OUTCOME.WAIT, 'unreachable');
  assert.equal(Q.outcomeOf(undefined), Q.OUTCOME.WAIT);
  for (const status of [401, 408, 429, 500, 502, 503]) assert.equal(Q.outcomeOf(status), Q.OUTCOME.WAIT, String(status));
  for (const status of [400, 404, 413, 415, 422]) assert.equal(Q.outcomeOf(status), Q.OUTCOME.REJECTED, String(status));
});

test('settle removes sent and rejected captures and counts failed attempts', () => {
  const queue = fill(3);
  assert.deepEqual(Q.settle(queue, 'k1', Q.OUTCOME.SENT).map((e) => e.key), ['k0', 'k2']);
  assert.deepEqual(Q.settle(queue, 'k0', Q.OUTCOME.REJECTED).map((e) => e.key), ['k1', 'k2']);
  const waited = Q.settle(Q.settle(queue, 'k2', Q.OUTCOME.WAIT, 'down'), 'k2', Q.OUTCOME.WAIT, 'still down');
  assert.equal(waited.length, 3);
  assert.equal(waited[2].attempts, 2);
  assert.equal(waited[2].lastError, 'still down');
  assert.equal(waited[0].attempts, 0);
});

test('sendOrder sends the oldest capture first', () => {
  const queue = [item(3), item(1), item(2)];
  assert.deepEqual(Q.sendOrder(queue).map((e) => e.key), ['k1', 'k2', 'k3']);
  assert.deepEqual(queue.map((e) => e.key), ['k3', 'k1', 'k2'], 'input untouched');
});

test('summary and badge', () => {
  assert.deepEqual(Q.summary(fill(2)), { waiting: 2, limit: Q.QUEUE_LIMIT, full: false });
  assert.equal(Q.summary(fill(Q.QUEUE_LIMIT)).full, true);
  assert.equal(Q.badgeFor({ waiting: 1, due: 4 }).text, '1', 'waiting captures win over follow-ups');
  assert.equal(Q.badgeFor({ waiting: 0, due: 4 }).text, '4');
  assert.equal(Q.badgeFor({ waiting: 120 }).text, '99+');
  assert.equal(Q.badgeFor({}).text, '');
  assert.notEqual(Q.badgeFor({ waiting: 1 }).color, Q.badgeFor({ due: 1 }).color);
});

function fakeArea({ quotaBytes = Infinity } = {}) {
  const data = {};
  return {
    data,
    async get(keys) {
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      const next = { ...data, ...items };
      if (JSON.stringify(next).length > quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
      Object.assign(data, structuredClone(items));
    },
  };
}

test('queue store: add, settle and keep refused captures for the popup', async () => {
  const area = fakeArea();
  const store = createQueueStore(area);
  assert.deepEqual(await store.add(item(1)), { added: true, full: false, waiting: 1, storageFull: false });
  await store.add(item(2));
  await store.settle('k1', Q.OUTCOME.SENT);
  await store.settle('k2', Q.OUTCOME.REJECTED, 'not a LinkedIn page');
  assert.deepEqual(await store.read(), []);
  const rejected = await store.takeRejected();
  assert.equal(rejected.length, 1);
  assert.equal(rejected[0].url, 'https://www.linkedin.com/in/p2/');
  assert.equal(rejected[0].error, 'not a LinkedIn page');
  assert.deepEqual(await store.takeRejected(), [], 'shown once');
});

test('queue store: concurrent adds lose nothing', async () => {
  const store = createQueueStore(fakeArea());
  await Promise.all(Array.from({ length: 20 }, (_, i) => store.add(item(i))));
  assert.equal((await store.read()).length, 20);
});

test('queue store: a full storage quota refuses the new capture and keeps the old ones', async () => {
  const area = fakeArea({ quotaBytes: 600 });
  const store = createQueueStore(area);
  assert.equal((await store.add(item(1))).added, true);
  const big = { ...item(2), body: 'x'.repeat(1000) };
  const refused = await store.add(big);
  assert.equal(refused.added, false);
  assert.equal(refused.full, true);
  assert.equal(refused.storageFull, true);
  assert.deepEqual((await store.read()).map((e) => e.key), ['k1']);
});
