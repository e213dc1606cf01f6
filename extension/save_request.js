/**
 * What a save sends besides the page (tags, stage, note) and where its answer leads
 * (the prospect's page, or the prospects at a saved company). Pure, for `node --test`.
 */
import { safeDashboardUrl } from './api.js';
import { companyName } from './results.js';

/** Tags, stage and note for a save; only what the user gave, tidied. */
export function saveExtras({ tags, stage, note } = {}) {
  const extras = {};
  const clean = Array.isArray(tags) ? [...new Set(tags.map((t) => String(t).trim()).filter(Boolean))] : [];
  if (clean.length) extras.tags = clean;
  if (stage) extras.stage = String(stage);
  if (note && String(note).trim()) extras.note = String(note).trim();
  return extras;
}

/** "design, alumni ,, ux" → ["design", "alumni", "ux"]. */
export function parseTags(text) {
  return [...new Set(String(text || '').split(',').map((t) => t.trim()).filter(Boolean))];
}

/** `{dashboard, companyUrl}`: links back to the local server only. */
export function saveLinks(data, serverUrl) {
  const dashboard = data?.dashboard_url ? safeDashboardUrl(data.dashboard_url, serverUrl) : null;
  const company = data?.kind === 'company' ? companyName(data.company) : null;
  // Companies get a page of their own later; until then, the prospects filtered by that company.
  const companyUrl = company ? safeDashboardUrl(`/?company=${encodeURIComponent(company)}`, serverUrl) : null;
  return { dashboard, companyUrl };
}
