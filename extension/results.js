/**
 * Pure wording of what the popup shows after a save, so the sentences people read are
 * unit-tested (`node --test`) like the rest of the logic.
 */

import { KINDS } from './pages.js';

/** A server message as a sentence people read: capital first letter, a full stop, no code quotes. */
export function sentence(text) {
  const clean = String(text || '').replace(/`/g, '').trim();
  if (!clean) return null;
  const first = clean.charAt(0).toUpperCase() + clean.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** The company's name in a save answer (the parser calls it `company_name`). */
export function companyName(company) {
  return company?.company_name || company?.name || null;
}

/** The headline and detail line for a successful save answer of the server. */
export function describeSave(data) {
  if (data.kind === KINDS.SEARCH) {
    const created = data.created ?? 0;
    const updated = data.updated ?? 0;
    const total = created + updated;
    return {
      title: total ? `Saved ${plural(total, 'person', 'people')}` : 'Nobody to save on this page',
      detail: `${created} new, ${updated} updated`,
    };
  }
  if (data.kind === 'company') {
    return { title: `Saved ${companyName(data.company) || 'the company'}`, detail: null };
  }
  const name = data.prospect?.full_name || 'this person';
  if (data.duplicate) return { title: `Already saved ${name}`, detail: 'This capture had been sent before; nothing changed.' };
  if (data.created) return { title: `Saved ${name}`, detail: null };
  if (data.job_change?.message) return { title: `Updated ${name}: new role`, detail: data.job_change.message };
  const changed = data.changed?.length ?? 0;
  return { title: `Updated ${name} (${changed ? plural(changed, 'field', 'fields') + ' changed' : 'nothing changed'})`, detail: null };
}

/** Characters as LinkedIn counts them (code points, so an emoji is one). */
export function noteLength(text) {
  return [...text].length;
}

/** "212/300" and whether the note is over its limit. */
export function noteCount(text, limit) {
  const length = noteLength(text);
  return { text: limit ? `${length}/${limit}` : String(length), over: Boolean(limit) && length > limit };
}

/** The footer line about the offline queue, or null when nothing waits. */
export function queueLine({ waiting, limit, full }) {
  if (!waiting) return null;
  if (full) return `Offline queue full (${waiting}/${limit}): new saves are refused until coffeechat runs`;
  return `${plural(waiting, 'capture', 'captures')} waiting for coffeechat`;
}

/** The line about queued captures the server refused for good (it read them and cannot use them). */
export function rejectedLine(rejected) {
  if (!rejected.length) return null;
  const pages = rejected.map((r) => r.url).filter(Boolean).join(', ');
  const what = rejected.length === 1 ? '1 page that waited' : `${rejected.length} pages that waited`;
  return `coffeechat could not use ${what} to be saved${pages ? ` (${pages})` : ''}: open it again and save it once more.`;
}

const WAITING_BECAUSE = Object.freeze({
  'not-running': 'coffeechat is not running, so this page is kept in the browser and sent once it runs',
  'not-paired': 'This browser is not connected to coffeechat yet, so this page is kept here and sent once you connect',
  'wrong-token': 'coffeechat no longer accepts this browser, so this page is kept here and sent once you connect again',
});

/** What the popup says when a save did not reach the server. */
export function describeNotSaved(done) {
  if (done.outcome === 'queued') {
    const why = WAITING_BECAUSE[done.reason] || WAITING_BECAUSE['not-running'];
    return `${why} (${done.queue.waiting} waiting).`;
  }
  if (done.outcome === 'queue-full') {
    const why = done.queue.storageFull ? 'the browser\'s storage for it is full' : `${done.queue.waiting} captures are waiting`;
    return `Not saved: the offline queue is full (${why}). Start coffeechat so they can be sent, then save again.`;
  }
  if (done.outcome === 'unsupported') return done.page.why;
  return sentence(done.error?.message) || 'The save failed: try again, and restart coffeechat if it keeps failing.';
}
