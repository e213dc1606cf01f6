/**
 * Turning a capture into request bytes: large pages are gzipped (LinkedIn profiles
 * reach 2 MB and shrink about 3-10x) and queued captures are kept as text in storage.
 */

const GZIP_FROM_CHARS = 64 * 1024;

function toBase64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text) {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function gzip(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** `{body, encoding}` with `body` a string safe to keep in storage.local. */
export async function encodeCapture(capture) {
  const json = JSON.stringify(capture);
  if (json.length < GZIP_FROM_CHARS || typeof CompressionStream !== 'function') return { body: json, encoding: 'identity' };
  return { body: toBase64(await gzip(json)), encoding: 'gzip' };
}

/** The bytes to POST for an encoded capture. */
export function bodyForSend({ body, encoding }) {
  return encoding === 'gzip' ? fromBase64(body) : body;
}
