import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUrl, countPeople, hrefsInMain, isCapturable, KINDS, profileSlug, saveLabel } from '../../extension/pages.js';

const cases = [
  ['https://www.linkedin.com/in/janice-jiang-508bba21b/', { kind: KINDS.PROFILE, slug: 'janice-jiang-508bba21b' }],
  ['https://www.linkedin.com/in/kireetagrawal', { kind: KINDS.PROFILE, slug: 'kireetagrawal' }],
  ['https://sg.linkedin.com/in/dulithawijewantha', { kind: KINDS.PROFILE, slug: 'dulithawijewantha' }],
  ['https://linkedin.com/in/j%C3%BCrgen-m/?trk=x#top', { kind: KINDS.PROFILE, slug: 'jürgen-m' }],
  ['https://www.linkedin.com/in/janedoe/overlay/contact-info/', { kind: KINDS.PROFILE, slug: 'janedoe' }],
  ['https://www.linkedin.com/in/brunellifabio/details/skills/', { kind: KINDS.DETAILS, slug: 'brunellifabio', section: 'skills' }],
  ['https://www.linkedin.com/in/brunellifabio/details/experience/?profileUrn=x', { kind: KINDS.DETAILS, slug: 'brunellifabio', section: 'experience' }],
  ['https://www.linkedin.com/search/results/people/?keywords=director%20in%20energy&origin=FACETED_SEARCH', { kind: KINDS.SEARCH, keywords: 'director in energy' }],
  ['https://www.linkedin.com/search/results/people/', { kind: KINDS.SEARCH, keywords: '' }],
  ['https://www.linkedin.com/company/facebook/about/', { kind: KINDS.COMPANY, slug: 'facebook', section: 'about' }],
  ['https://www.linkedin.com/company/gantry', { kind: KINDS.COMPANY, slug: 'gantry', section: null }],
];

for (const [url, expected] of cases) {
  test(`classifies ${url}`, () => {
    assert.deepEqual(classifyUrl(url), expected);
    assert.equal(isCapturable(classifyUrl(url)), true);
  });
}

const others = [
  ['https://www.linkedin.com/feed/', 'unsupported-linkedin'],
  ['https://www.linkedin.com/in/', 'unsupported-linkedin'],
  ['https://www.linkedin.com/in/janedoe/recent-activity/all/', 'unsupported-linkedin'],
  ['https://www.linkedin.com/search/results/companies/?keywords=x', 'unsupported-linkedin'],
  ['https://www.linkedin.com/in/janedoe/details/', 'unsupported-linkedin'],
  ['https://linkedin.com.evil.example/in/janedoe/', 'not-linkedin'],
  ['https://evil-linkedin.com/in/janedoe/', 'not-linkedin'],
  ['https://www.example.org/in/janedoe/', 'not-linkedin'],
  ['chrome://extensions/', 'not-web'],
  ['about:blank', 'not-web'],
  ['', 'no-url'],
  ['not a url', 'no-url'],
];

for (const [url, reason] of others) {
  test(`does not offer to save ${url || '(empty)'}`, () => {
    const page = classifyUrl(url);
    assert.equal(page.kind, KINDS.OTHER);
    assert.equal(page.reason, reason);
    assert.match(page.why, /\S/, 'every refusal explains itself');
    assert.equal(isCapturable(page), false);
  });
}

test('profileSlug keeps only links to a profile itself', () => {
  assert.equal(profileSlug('https://www.linkedin.com/in/Fatih-Birol?miniProfileUrn=abc'), 'fatih-birol');
  assert.equal(profileSlug('/in/philippedav/'), 'philippedav');
  assert.equal(profileSlug('https://www.linkedin.com/in/x/details/skills/'), null);
  assert.equal(profileSlug('https://www.linkedin.com/search/results/people/headless?x=1'), null);
  assert.equal(profileSlug('https://example.com/in/x'), null);
  assert.equal(profileSlug('http://[bad'), null);
});

test('countPeople counts distinct people, not links', () => {
  const hrefs = [
    'https://www.linkedin.com/in/fatih-birol?miniProfileUrn=1',
    'https://www.linkedin.com/in/fatih-birol?miniProfileUrn=1',
    'https://www.linkedin.com/in/philippedav?miniProfileUrn=2',
    'https://www.linkedin.com/search/results/people/headless?geoUrn=1',
  ];
  assert.equal(countPeople(hrefs), 2);
  assert.equal(countPeople([]), 0);
});

test('hrefsInMain ignores the top bar outside <main>', () => {
  const html = '<nav><a href="/in/me/">Me</a></nav><main id="m"><a class="x" href="https://www.linkedin.com/in/a?b=1&amp;c=2">A</a>'
    + '<a href="/in/b/">B</a></main><footer><a href="/in/c/">C</a></footer>';
  assert.deepEqual(hrefsInMain(html), ['https://www.linkedin.com/in/a?b=1&c=2', '/in/b/']);
  assert.deepEqual(hrefsInMain('<div><a href="/in/z/">Z</a></div>'), ['/in/z/']);
});

test('saveLabel says what will be saved', () => {
  assert.equal(saveLabel(classifyUrl('https://www.linkedin.com/in/x/')), 'Save this profile');
  assert.equal(saveLabel(classifyUrl('https://www.linkedin.com/in/x/details/skills/')), "Save this profile's skills");
  const search = classifyUrl('https://www.linkedin.com/search/results/people/?keywords=x');
  assert.equal(saveLabel(search, 7), 'Save 7 people on this page');
  assert.equal(saveLabel(search, 1), 'Save 1 person on this page');
  assert.equal(saveLabel(search, 0), 'Save the people on this page');
  assert.equal(saveLabel(search), 'Save the people on this page');
  assert.equal(saveLabel(classifyUrl('https://www.linkedin.com/company/x/')), 'Save this company');
  assert.equal(saveLabel(classifyUrl('https://example.com/')), null);
});
