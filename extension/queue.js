/**
 * Pure logic of the offline queue: captures taken while the server was unreachable wait
 * here until it answers. Functions take and return plain arrays (what storage holds), so
 * `node --test` covers every rule without a browser.
 *
 * Rules (issue 5): at most QUEUE_LIMIT waiting; a full queue refuses the new capture
 * loudly instead of dropping an old one; each capture keeps its idempotency key for life,
 * so a resend after a lost answer is recognised by the server and not stored twice.
 */

export const QUEUE_LIMIT = 50;

/** A queue entry. `body` is what will be POSTed (already encoded by the worker). */
export function entry({ key, url, capturedAt, body, encoding = 'identity' }) {
  if (!key) throw new Error('a queued capture needs its idempotency key');
  return { key, url, capturedAt, body, encoding, attempts: 0, lastError: null };
}

/**
 * Add a capture. Returns `{queue, added, full}`; when the queue is full the new capture
 * is refused (`added: false, full: true`) and the caller must tell the user.
 * Re-adding a key already waiting changes nothing.
 */
export function enqueue(queue, item, limit = QUEUE_LIMIT) {
  if (queue.some((e) => e.key === item.key)) return { queue, added: false, full: queue.length >= limit };
  if (queue.length >= limit) return { queue, added: false, full: true };
  const next = [...queue, item];
  return { queue: next, added: true, full: next.length >= limit };
}

/** What to do with a queued capture after one send attempt. */
export const OUTCOME = Object.freeze({
  SENT: 'sent', // stored (or recognised as a duplicate): remove it
  REJECTED: 'rejected', // the server read it and refuses it for good: remove it, report it
  WAIT: 'wait', // server down, token wrong, or busy: keep it and stop this round
});

/**
 * Classify the result of POSTing a queued capture. `status` is the HTTP status, or
 * null when the server could not be reached at all.
 */
export function outcomeOf(status) {
  if (status === null || status === undefined) return OUTCOME.WAIT;
  if (status >= 200 && status < 300) return OUTCOME.SENT;
  // 401: fixing the token makes the same capture go through; 408/429/5xx: try later.
  if (status === 401 || status === 408 || status === 429 || status >= 500) return OUTCOME.WAIT;
  // 400/413/415/422: resending the same bytes would get the same answer.
  return OUTCOME.REJECTED;
}

/** Apply one attempt's outcome to the queue; returns the new queue. */
export function settle(queue, key, outcome, error = null) {
  if (outcome === OUTCOME.SENT || outcome === OUTCOME.REJECTED) return queue.filter((e) => e.key !== key);
  return queue.map((e) => (e.key === key ? { ...e, attempts: e.attempts + 1, lastError: error } : e));
}

/** Oldest first, so LinkedIn updates to the same person are applied in the order seen. */
export function sendOrder(queue) {
  return [...queue].sort((a, b) => String(a.capturedAt).localeCompare(String(b.capturedAt)));
}

/** A short summary for the popup. */
export function summary(queue, limit = QUEUE_LIMIT) {
  return { waiting: queue.length, limit, full: queue.length >= limit };
}

/**
 * The toolbar badge: captures waiting win (they need the user's attention), then
 * follow-ups due today; nothing otherwise.
 */
export function badgeFor({ waiting = 0, due = 0 } = {}) {
  if (waiting > 0) return { text: waiting > 99 ? '99+' : String(waiting), color: '#b45309', title: `${waiting} ${waiting === 1 ? 'capture' : 'captures'} waiting for coffeechat` };
  if (due > 0) return { text: due > 99 ? '99+' : String(due), color: '#2563eb', title: `${due} ${due === 1 ? 'follow-up' : 'follow-ups'} due today` };
  return { text: '', color: '#2563eb', title: 'Save to coffeechat' };
}
