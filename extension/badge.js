/**
 * The toolbar badge: a lasting state (captures waiting, follow-ups due) plus a short
 * flash after a save from the shortcut or the context menu, where no popup is open.
 */
import { badgeFor } from './queue.js';

const FLASH_MS = 4000;
let restoreTimer = null;

export function createBadge(action, readState) {
  async function show({ text, color, title }) {
    await action.setBadgeText({ text });
    await action.setBadgeBackgroundColor({ color });
    await action.setTitle({ title });
  }

  /**
   * Show the lasting state (`readState()` resolves to `{waiting, due}`). While a flash
   * is up it waits: the flash's end shows the then-current state.
   */
  async function refresh() {
    if (restoreTimer) return;
    await show(badgeFor(await readState()));
  }

  /** Show ✓ or an error mark for a few seconds, then the lasting state again. */
  async function flash(ok, title) {
    clearTimeout(restoreTimer);
    restoreTimer = setTimeout(() => {
      restoreTimer = null;
      refresh().catch(() => {});
    }, FLASH_MS);
    await show(ok ? { text: '✓', color: '#15803d', title } : { text: '!', color: '#b91c1c', title });
  }

  return { refresh, flash };
}
