import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateUrls, checkServer, createApi, DISCOVERY_PORTS, findServer, FIXES, fixOn, isDiscoveryUrl, safeDashboardUrl, STATES } from '../../extension/api.js';

const SERVER = 'http://127.0.0.1:5757';
const PING = { app: 'coffeechat', version: '0.1.0', api: 1 };

/** A fetch double answering from a table `path -> (request) => [status, json]`. */
function fakeFetch(routes, calls = []) {
  return async (url, init) => {
    const path = url.slice(SERVER.length).split('?')[0];
    calls.push({ url, ...init });
    const route = routes[path];
    if (!route) throw new TypeError('Failed to fetch');
    const [status, body] = route(init);
    return new Response(body === undefined ? '' : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', 'X-Coffeechat-Version': '0.1.0' },
    });
  };
}

const authed = (token, body) => (init) => (init.headers.Authorization === `Bearer ${token}`
  ? [200, body]
  : [401, { error: { code: 'unauthorized', message: 'the pairing token is wrong' } }]);

async function stateWith(routes, token = 'good') {
  const api = createApi({ serverUrl: SERVER, token }, fakeFetch(routes));
  return checkServer(api, { token });
}

test('connected: ping answers and the token is accepted', async () => {
  const result = await stateWith({ '/api/v1/ping': () => [200, PING], '/api/v1/prospects': authed('good', { items: [], total: 0 }) });
  assert.equal(result.state, STATES.CONNECTED);
  assert.equal(result.version, '0.1.0');
});

test('not running: nothing listens', async () => {
  assert.equal((await stateWith({})).state, STATES.NOT_RUNNING);
});

test('not running: another program answers on the port', async () => {
  const result = await stateWith({ '/api/v1/ping': () => [200, { hello: 'world' }] });
  assert.equal(result.state, STATES.NOT_RUNNING);
  assert.match(result.detail, /Another program/);
  assert.equal((await stateWith({ '/api/v1/ping': () => [404, undefined] })).state, STATES.NOT_RUNNING);
});

test('incompatible: the server speaks another API version', async () => {
  const result = await stateWith({ '/api/v1/ping': () => [200, { ...PING, api: 2 }] });
  assert.equal(result.state, STATES.INCOMPATIBLE);
});

test('not paired, then wrong token', async () => {
  const routes = { '/api/v1/ping': () => [200, PING], '/api/v1/prospects': authed('good', { items: [] }) };
  assert.equal((await stateWith(routes, '')).state, STATES.NOT_PAIRED);
  assert.equal((await stateWith(routes, 'bad')).state, STATES.WRONG_TOKEN);
});

test('a crashing server is a server error, a missing route an incompatible one', async () => {
  const ping = { '/api/v1/ping': () => [200, PING] };
  assert.equal((await stateWith({ ...ping, '/api/v1/prospects': () => [500, { error: { code: 'internal_error', message: 'boom' } }] })).state, STATES.SERVER_ERROR);
  assert.equal((await stateWith({ ...ping, '/api/v1/prospects': () => [404, undefined] })).state, STATES.INCOMPATIBLE);
});

test('every state has a one-line fix', () => {
  for (const state of Object.values(STATES)) {
    assert.equal(typeof FIXES[state], 'string');
    assert.ok(!FIXES[state].includes('\n'));
    if (state !== STATES.CONNECTED) assert.ok(FIXES[state].length > 10, state);
  }
});

test('ping carries no token; other calls carry it in the header, never in the URL', async () => {
  const calls = [];
  const api = createApi({ serverUrl: SERVER, token: 's3cret' }, fakeFetch({ '/api/v1/ping': () => [200, PING], '/api/v1/prospects': () => [200, {}] }, calls));
  await api.ping();
  await api.prospects('jane', 5);
  assert.equal(calls[0].headers.Authorization, undefined);
  assert.equal(calls[1].headers.Authorization, 'Bearer s3cret');
  assert.ok(calls.every((c) => !c.url.includes('s3cret')));
  assert.equal(calls[1].url, `${SERVER}/api/v1/prospects?q=jane&limit=5`);
  assert.equal(calls[1].credentials, 'omit');
});

test('postCapture sends JSON with the idempotency key, gzip when asked', async () => {
  const calls = [];
  const api = createApi({ serverUrl: SERVER, token: 't' }, fakeFetch({ '/api/v1/captures': () => [201, { kind: 'profile', created: true }] }, calls));
  const res = await api.postCapture('{"url":"u"}', { key: 'abc' });
  assert.deepEqual([res.ok, res.status, res.data.created], [true, 201, true]);
  assert.equal(calls[0].method, 'POST');
  assert.equal(calls[0].headers['Content-Type'], 'application/json');
  assert.equal(calls[0].headers['Idempotency-Key'], 'abc');
  assert.equal(calls[0].headers['Content-Encoding'], undefined);
  await api.postCapture(new Uint8Array([31, 139]), { key: 'def', encoding: 'gzip' });
  assert.equal(calls[1].headers['Content-Encoding'], 'gzip');
});

test('HTTP errors come back as {ok: false, error} with the server message', async () => {
  const api = createApi({ serverUrl: SERVER, token: 't' }, fakeFetch({
    '/api/v1/captures': () => [422, { error: { code: 'unrecognised_page', message: 'saw a LinkedIn feed, not a profile' } }],
    '/api/v1/followups/today': () => [404, undefined],
  }));
  const res = await api.postCapture('{}', { key: 'k' });
  assert.deepEqual([res.ok, res.status, res.error.code, res.error.message], [false, 422, 'unrecognised_page', 'saw a LinkedIn feed, not a profile']);
  const missing = await api.followupsToday();
  assert.deepEqual([missing.ok, missing.status, missing.error.code], [false, 404, 'http_404']);
  const down = await createApi({ serverUrl: SERVER, token: 't' }, fakeFetch({})).ping();
  assert.deepEqual([down.ok, down.status, down.error.code], [false, null, 'unreachable']);
});

test('safeDashboardUrl only follows links back to the local server', () => {
  assert.equal(safeDashboardUrl('http://127.0.0.1:5757/prospects/abc', SERVER), 'http://127.0.0.1:5757/prospects/abc');
  assert.equal(safeDashboardUrl('/prospects/abc', SERVER), 'http://127.0.0.1:5757/prospects/abc');
  assert.equal(safeDashboardUrl('http://localhost:5757/prospects/abc', SERVER), 'http://localhost:5757/prospects/abc');
  assert.equal(safeDashboardUrl('https://evil.example/prospects/abc', SERVER), null);
  assert.equal(safeDashboardUrl('javascript:alert(1)', SERVER), null);
  assert.equal(safeDashboardUrl('http://127.0.0.1:9999/x', SERVER), null);
});

test('findServer takes the first port whose ping carries the identity header', async () => {
  const answers = {
    'http://127.0.0.1:5757': () => { throw new TypeError('Failed to fetch'); },
    // Some other program on 5758: a 200 with the right body but without the header is not coffeechat.
    'http://127.0.0.1:5758': () => new Response(JSON.stringify(PING), { status: 200 }),
    'http://127.0.0.1:5759': () => new Response(JSON.stringify(PING), { status: 200, headers: { 'X-Coffeechat-Version': '0.1.0' } }),
  };
  const tried = [];
  const makeApi = (serverUrl) => createApi({ serverUrl, token: '' }, async (url) => {
    tried.push(url);
    return answers[serverUrl]();
  });
  assert.equal(await findServer('http://127.0.0.1:5757', makeApi), 'http://127.0.0.1:5759');
  assert.deepEqual(tried, DISCOVERY_PORTS.map((p) => `http://127.0.0.1:${p}/api/v1/ping`));
  assert.equal(await findServer('http://127.0.0.1:5757', () => createApi({ serverUrl: SERVER }, async () => { throw new TypeError('x'); })), null);
});

test('only the README ports are looked at by themselves; a typed port is kept', () => {
  assert.deepEqual(candidateUrls('http://127.0.0.1:6000'), ['http://127.0.0.1:6000', 'http://127.0.0.1:5757', 'http://127.0.0.1:5758', 'http://127.0.0.1:5759']);
  assert.ok(isDiscoveryUrl('http://127.0.0.1:5758'));
  assert.ok(!isDiscoveryUrl('http://127.0.0.1:6000'));
});

test('fixes are one sentence in plain words, worded for the page that shows them', () => {
  for (const place of ['popup', 'options']) {
    for (const state of Object.values(STATES)) {
      const fix = fixOn(state, place);
      assert.ok(!/[`]|\(s\)/.test(fix), fix);
      assert.ok((fix.match(/\./g) || []).length <= 1, fix);
    }
  }
  assert.match(fixOn(STATES.NOT_PAIRED, 'popup'), /open Options/);
  assert.ok(!/Options/.test(fixOn(STATES.NOT_PAIRED, 'options')), 'the options page does not send you to itself');
});

test('pairing calls send no token and a JSON body', async () => {
  const calls = [];
  const api = createApi({ serverUrl: SERVER, token: 'old' }, fakeFetch({
    '/api/v1/pairing/requests': () => [201, { code: 'ABC-234' }],
    '/api/v1/pairing/requests/p%2Fq/answer': () => [200, { status: 'pending' }],
  }, calls));
  await api.requestPairing('Chrome on Linux');
  await api.pairingAnswer('p/q');
  assert.equal(calls[0].headers.Authorization, undefined);
  assert.equal(calls[0].body, JSON.stringify({ browser: 'Chrome on Linux' }));
  assert.equal(calls[1].url, `${SERVER}/api/v1/pairing/requests/p%2Fq/answer`);
});
