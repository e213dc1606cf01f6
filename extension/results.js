/**
 * Pure wording of what the popup shows after a save, so the sentences people read are
 * unit-tested (`node --test`) like the rest of the logic.
 */

import { KINDS } from './pages.js';

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

/** What the popup says when a save did not reach the server. */
export function describeNotSaved(done) {
  if (done.outcome === 'queued') {
    return `coffeechat is not running, so this page is kept and will be sent when it is (${done.queue.waiting} waiting).`;
  }
  if (done.outcome === 'queue-full') {
    const why = done.queue.storageFull ? 'the browser\'s storage for it is full' : `${done.queue.waiting} captures are waiting`;
    return `Not saved: the offline queue is full (${why}). Start coffeechat so they can be sent, then save again.`;
  }
  if (done.outcome === 'unsupported') return done.page.why;
  return done.error?.message || 'The save failed.';
}
