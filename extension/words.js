/**
 * Words people read, kept pure so `node --test` checks them: stage labels, the page title
 * without LinkedIn's counter, the one-line hint for partly shown profiles, the browser's name.
 */

export const STAGE_LABELS = Object.freeze({
  saved: 'Saved',
  contacted: 'Contacted',
  replied: 'Replied',
  scheduled: 'Scheduled',
  met: 'Met',
  thanked: 'Thanked',
  in_touch: 'In touch',
  declined: 'Declined',
  not_now: 'Not now',
});

/** "in_touch" → "In touch"; an unknown stage still reads as words. */
export function stageLabel(stage) {
  if (!stage) return null;
  if (STAGE_LABELS[stage]) return STAGE_LABELS[stage];
  const words = String(stage).replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "(12) Jane Doe | LinkedIn" → "Jane Doe": no notification counter, no site name. */
export function pageTitle(title) {
  if (!title) return null;
  return String(title).replace(/^\s*\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn\s*$/i, '').trim() || null;
}

const PARTIAL = /only part of the ([a-z-]+)/i;

/**
 * The sections a save saw only in part (from the server's warnings), with the address of the
 * page that shows each in full: `[{name, url}]`. Other warnings are for the dashboard, not here.
 */
export function partialSections(warnings, profileUrl) {
  let base;
  try {
    base = new URL(profileUrl);
  } catch {
    return [];
  }
  if (!/(^|\.)linkedin\.com$/i.test(base.hostname) || !/^\/in\/[^/]+\/?$/.test(base.pathname)) return [];
  const root = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
  const names = [...new Set((warnings || []).map((w) => PARTIAL.exec(String(w))?.[1]?.toLowerCase()).filter(Boolean))];
  return names.map((name) => ({ name: name.replace(/-/g, ' '), url: `https://www.linkedin.com${root}details/${name}/` }));
}

/** "experience" / "experience and skills" / "experience, education and skills". */
export function listWords(names) {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The hint as pieces: text, then each section's link, then text ("Open the full … list to save all of it"). */
export function partialHint(sections) {
  if (!sections.length) return null;
  return { before: 'Open the full ', after: sections.length === 1 ? ' list to save all of it' : ' lists to save all of it' };
}

/** The browser's name for the approval page: "Chrome on Linux", "Firefox on macOS". */
export function browserName(nav = globalThis.navigator) {
  const brands = (nav?.userAgentData?.brands || []).map((b) => b.brand).filter((b) => !/not.?a.?brand/i.test(b));
  const ua = String(nav?.userAgent || '');
  const named = ['Microsoft Edge', 'Brave', 'Opera', 'Google Chrome', 'Chromium'].find((b) => brands.includes(b));
  const browser = named?.replace('Google ', '') || (/Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : 'A browser');
  const platform = nav?.userAgentData?.platform || (/Mac OS X/.test(ua) ? 'macOS' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : '');
  return platform ? `${browser} on ${platform}` : browser;
}

/** What the popup says about Copy when the text is over its channel's limit. */
export function overLimitWarning(length, limit, kind) {
  const what = kind === 'connection_note' ? 'LinkedIn allows in a connection note' : 'this channel allows';
  return `This text has ${length} characters, more than the ${limit} ${what}: shorten it, or click Copy anyway.`;
}
