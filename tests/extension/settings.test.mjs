import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, loadSettings, normalizeServerUrl, normalizeToken, saveSettings } from '../../extension/settings.js';

test('defaults are the documented ones, under the documented keys', () => {
  assert.deepEqual(Object.keys(DEFAULTS).sort(), ['serverUrl', 'token']);
  assert.equal(DEFAULTS.serverUrl, 'http://127.0.0.1:5757');
});

test('normalizeServerUrl tidies what people type', () => {
  assert.equal(normalizeServerUrl('http://127.0.0.1:5757/'), 'http://127.0.0.1:5757');
  assert.equal(normalizeServerUrl(' 127.0.0.1:6000 '), 'http://127.0.0.1:6000');
  assert.equal(normalizeServerUrl('localhost:5757'), 'http://localhost:5757');
  assert.equal(normalizeServerUrl('http://[::1]:5757'), 'http://[::1]:5757');
  assert.equal(normalizeServerUrl(''), DEFAULTS.serverUrl);
});

test('normalizeServerUrl refuses what the extension may not or cannot reach', () => {
  assert.throws(() => normalizeServerUrl('https://127.0.0.1:5757'), /http:\/\//);
  assert.throws(() => normalizeServerUrl('http://192.168.1.5:5757'), /this machine/);
  assert.throws(() => normalizeServerUrl('http://evil.example'), /this machine/);
  assert.throws(() => normalizeServerUrl('http://127.0.0.1:5757/api'), /only the address/);
  assert.throws(() => normalizeServerUrl('http://127.0.0.1:notaport'), /not a URL/);
});

test('normalizeToken strips what comes along with a paste', () => {
  assert.equal(normalizeToken('  abc-DEF_123 \n'), 'abc-DEF_123');
  assert.equal(normalizeToken('Bearer abc'), 'abc');
  assert.equal(normalizeToken('"abc"'), 'abc');
  assert.equal(normalizeToken(undefined), '');
});

function fakeArea(initial = {}) {
  const data = { ...initial };
  return { data, get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])), set: async (items) => Object.assign(data, items) };
}

test('load fills defaults; save validates and stores under serverUrl and token', async () => {
  const area = fakeArea({ unrelated: 1 });
  assert.deepEqual(await loadSettings(area), DEFAULTS);
  await saveSettings(area, { serverUrl: 'localhost:6001/', token: ' tok ' });
  assert.deepEqual(area.data, { unrelated: 1, serverUrl: 'http://localhost:6001', token: 'tok' });
  assert.deepEqual(await loadSettings(area), { serverUrl: 'http://localhost:6001', token: 'tok' });
  await assert.rejects(saveSettings(area, { serverUrl: 'http://example.com', token: 'x' }));
  assert.equal(area.data.token, 'tok', 'nothing stored when invalid');
});
