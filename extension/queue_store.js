/**
 * The offline queue kept in `storage.local`: the pure rules of queue.js applied to
 * what storage holds. Every read-modify-write runs under one lock, so a save and an
 * alarm-driven flush never overwrite each other's changes.
 */
import * as Q from './queue.js';

const QUEUE_KEY = 'queue';
const REJECTED_KEY = 'queueRejected';
const REJECTED_KEEP = 10;

export function createQueueStore(area) {
  let lock = Promise.resolve();

  function exclusive(fn) {
    const run = lock.then(fn, fn);
    lock = run.catch(() => {});
    return run;
  }

  const read = async () => (await area.get(QUEUE_KEY))[QUEUE_KEY] || [];

  return {
    read,

    /** Add a capture; `{added, full, waiting, storageFull}`. Never drops what is waiting. */
    add: (item) => exclusive(async () => {
      const { queue, added, full } = Q.enqueue(await read(), item);
      if (!added) return { added, full, waiting: queue.length, storageFull: false };
      try {
        await area.set({ [QUEUE_KEY]: queue });
      } catch (err) {
        // storage.local has a quota (about 10 MB): refuse this capture rather than lose old ones.
        return { added: false, full: true, waiting: queue.length - 1, storageFull: true, error: String(err?.message || err) };
      }
      return { added, full, waiting: queue.length, storageFull: false };
    }),

    /** Record one send attempt's outcome for the capture `key`. */
    settle: (key, outcome, error = null) => exclusive(async () => {
      const before = await read();
      const queue = Q.settle(before, key, outcome, error);
      const changes = { [QUEUE_KEY]: queue };
      if (outcome === Q.OUTCOME.REJECTED) {
        const gone = before.find((e) => e.key === key);
        const rejected = (await area.get(REJECTED_KEY))[REJECTED_KEY] || [];
        changes[REJECTED_KEY] = [...rejected, { url: gone?.url, error, at: new Date().toISOString() }].slice(-REJECTED_KEEP);
      }
      await area.set(changes);
      return queue;
    }),

    /** Captures the server refused after they waited in the queue; reading them clears them. */
    takeRejected: () => exclusive(async () => {
      const rejected = (await area.get(REJECTED_KEY))[REJECTED_KEY] || [];
      if (rejected.length) await area.set({ [REJECTED_KEY]: [] });
      return rejected;
    }),
  };
}
