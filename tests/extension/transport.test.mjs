import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { bodyForSend, encodeCapture } from '../../extension/transport.js';

test('small captures are sent as plain JSON', async () => {
  const capture = { url: 'https://www.linkedin.com/in/x/', html: '<html></html>', idempotency_key: 'k' };
  const encoded = await encodeCapture(capture);
  assert.equal(encoded.encoding, 'identity');
  assert.deepEqual(JSON.parse(bodyForSend(encoded)), capture);
});

test('large captures are gzipped, kept as storable text, and unpack to the same JSON', async () => {
  const html = `<html><body>${'<div class="pv-top-card">Jane Doe ☕ é</div>'.repeat(20000)}</body></html>`;
  const capture = { url: 'https://www.linkedin.com/in/x/', html, idempotency_key: 'k' };
  const encoded = await encodeCapture(capture);
  assert.equal(encoded.encoding, 'gzip');
  assert.equal(typeof encoded.body, 'string', 'storage.local keeps text');
  assert.ok(encoded.body.length < html.length / 10, 'repetitive pages shrink a lot');
  const bytes = bodyForSend(encoded);
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual(JSON.parse(gunzipSync(bytes).toString('utf8')), capture);
});
