/**
 * Pure classification of the page a tab shows: decides what the popup offers and
 * whether a capture is worth sending. No browser APIs, so `node --test` can import it.
 */

export const KINDS = Object.freeze({
  PROFILE: 'profile',
  DETAILS: 'profile-details',
  SEARCH: 'search-results',
  COMPANY: 'company',
  OTHER: 'other',
});

// www.linkedin.com, linkedin.com and the country hosts of public profiles (sg.linkedin.com).
const LINKEDIN_HOST = /^(?:(?:www|[a-z]{2})\.)?linkedin\.com$/i;

// Profile sub-paths that still show the whole profile (an overlay above it).
const PROFILE_OVERLAYS = new Set(['overlay', 'edit']);

const WHY = Object.freeze({
  'no-url': 'coffeechat cannot see this tab\'s address.',
  'not-web': 'coffeechat works on LinkedIn pages, not on browser pages.',
  'not-linkedin': 'coffeechat works on LinkedIn: a profile (linkedin.com/in/…), its "Show all" pages, a people search or a company page.',
  'unsupported-linkedin': 'Open a profile (linkedin.com/in/…), one of its "Show all" pages, a people search or a company page to save it.',
});

function segments(pathname) {
  return pathname.split('/').filter(Boolean).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
}

function other(reason) {
  return { kind: KINDS.OTHER, reason, why: WHY[reason] };
}

/** What kind of LinkedIn page `rawUrl` is: `{kind, slug?, section?, keywords?, reason?, why?}`. */
export function classifyUrl(rawUrl) {
  let url;
  try {
    url = new URL(rawUrl);
  } catch {
    return other('no-url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return other('not-web');
  if (!LINKEDIN_HOST.test(url.hostname)) return other('not-linkedin');
  const [first, second, third, fourth] = segments(url.pathname);
  if (first === 'in' && second) {
    if (!third || PROFILE_OVERLAYS.has(third)) return { kind: KINDS.PROFILE, slug: second };
    if (third === 'details' && fourth) return { kind: KINDS.DETAILS, slug: second, section: fourth };
    return other('unsupported-linkedin');
  }
  if (first === 'search' && second === 'results' && third === 'people') {
    return { kind: KINDS.SEARCH, keywords: url.searchParams.get('keywords') || '' };
  }
  if (first === 'company' && second) return { kind: KINDS.COMPANY, slug: second, section: third || null };
  return other('unsupported-linkedin');
}

/** True when a capture of this page should be sent to the server. */
export function isCapturable(page) {
  return page.kind !== KINDS.OTHER;
}

/** The profile slug an href points at (`/in/<slug>`), or null. */
export function profileSlug(href, base = 'https://www.linkedin.com/') {
  let url;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (!LINKEDIN_HOST.test(url.hostname)) return null;
  const [first, second, third] = segments(url.pathname);
  return first === 'in' && second && !third ? second.toLowerCase() : null;
}

/**
 * How many different people the links of a search page point at. Results hidden as
 * "LinkedIn Member" link to a search URL, not a profile, so they are not counted:
 * the server cannot save them either.
 */
export function countPeople(hrefs, base) {
  const slugs = new Set();
  for (const href of hrefs) {
    const slug = profileSlug(href, base);
    if (slug) slugs.add(slug);
  }
  return slugs.size;
}

/**
 * The hrefs of a page's <main> (the whole page when it has none). LinkedIn's top bar,
 * with a link to the user's own profile, sits outside <main>; a regex is enough to count
 * links and keeps the worker free of an HTML parser it does not have.
 */
export function hrefsInMain(html) {
  const start = html.search(/<main[\s>]/i);
  const end = start >= 0 ? html.indexOf('</main>', start) : -1;
  const part = start >= 0 ? html.slice(start, end > start ? end : undefined) : html;
  return [...part.matchAll(/\shref\s*=\s*"([^"]*)"/gi)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/** The Save button's label for a page (`people` is the count for a search page, if known). */
export function saveLabel(page, people = null) {
  switch (page.kind) {
    case KINDS.PROFILE:
      return 'Save this profile';
    case KINDS.DETAILS:
      return `Save this profile's ${page.section.replace(/-/g, ' ')}`;
    case KINDS.SEARCH:
      // 0 means the count found nothing (a layout we do not know): let the server try.
      if (!people) return 'Save the people on this page';
      return people === 1 ? 'Save 1 person on this page' : `Save ${people} people on this page`;
    case KINDS.COMPANY:
      return 'Save this company';
    default:
      return null;
  }
}
