import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserName, overLimitWarning, pageTitle, partialHint, partialSections, stageLabel, STAGE_LABELS } from '../../extension/words.js';
import { parseTags, saveExtras, saveLinks } from '../../extension/save_request.js';

test('stage labels, never raw values', () => {
  assert.equal(stageLabel('in_touch'), 'In touch');
  assert.equal(stageLabel('not_now'), 'Not now');
  assert.equal(stageLabel('saved'), 'Saved');
  assert.equal(stageLabel('some_new_stage'), 'Some new stage');
  assert.equal(stageLabel(null), null);
  for (const label of Object.values(STAGE_LABELS)) assert.match(label, /^[A-Z][a-z ]+$/);
});

test('the page title loses LinkedIn\'s counter and name', () => {
  assert.equal(pageTitle('(12) Skills | Jane Doe | LinkedIn'), 'Skills | Jane Doe');
  assert.equal(pageTitle('(99+) Jane Doe | LinkedIn'), 'Jane Doe');
  assert.equal(pageTitle('Jane Doe - Designer | LinkedIn'), 'Jane Doe - Designer');
  assert.equal(pageTitle(''), null);
});

test('partial sections become one hint with the details pages', () => {
  const warnings = [
    'this page shows only part of the experience: capture /details/experience/ for the rest',
    'this page shows only part of the skills: capture /details/skills/ for the rest',
    'dom_2026 could not read this page: KeyError',
  ];
  const sections = partialSections(warnings, 'https://www.linkedin.com/in/jane-doe/');
  assert.deepEqual(sections, [
    { name: 'experience', url: 'https://www.linkedin.com/in/jane-doe/details/experience/' },
    { name: 'skills', url: 'https://www.linkedin.com/in/jane-doe/details/skills/' },
  ]);
  assert.deepEqual(partialHint(sections.slice(0, 1)), { before: 'Open the full ', after: ' list to save all of it' });
  assert.equal(partialHint(sections).after, ' lists to save all of it');
  assert.equal(partialHint([]), null);
  assert.deepEqual(partialSections(warnings, 'https://evil.example/in/x/'), [], 'links only ever go to LinkedIn');
  assert.deepEqual(partialSections(warnings, null), []);
});

test('the browser is named for the approval page', () => {
  assert.equal(browserName({ userAgentData: { brands: [{ brand: 'Not=A?Brand' }, { brand: 'Chromium' }], platform: 'Linux' } }), 'Chromium on Linux');
  assert.equal(browserName({ userAgentData: { brands: [{ brand: 'Google Chrome' }, { brand: 'Chromium' }], platform: 'macOS' } }), 'Chrome on macOS');
  assert.equal(browserName({ userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' }), 'Firefox on Linux');
  assert.equal(browserName({}), 'A browser');
});

test('over the limit, Copy says by how much and what to do', () => {
  assert.equal(overLimitWarning(464, 200, 'connection_note'),
    'This text has 464 characters, more than the 200 LinkedIn allows in a connection note: shorten it, or click Copy anyway.');
});

test('save extras: only what was given, tidied', () => {
  assert.deepEqual(saveExtras({ tags: [' ux ', '', 'ux', 'alumni'], stage: '', note: '  ' }), { tags: ['ux', 'alumni'] });
  assert.deepEqual(saveExtras({ stage: 'contacted', note: ' met at a meetup ' }), { stage: 'contacted', note: 'met at a meetup' });
  assert.deepEqual(saveExtras(), {});
  assert.deepEqual(parseTags('design, alumni ,, design'), ['design', 'alumni']);
});

test('a saved company links to its prospects in the dashboard; nothing leads elsewhere', () => {
  const server = 'http://127.0.0.1:5757';
  assert.deepEqual(saveLinks({ kind: 'company', company: { company_name: 'Procter & Gamble' } }, server),
    { dashboard: null, companyUrl: 'http://127.0.0.1:5757/?company=Procter%20%26%20Gamble' });
  assert.deepEqual(saveLinks({ kind: 'profile', dashboard_url: 'https://evil.example/x' }, server), { dashboard: null, companyUrl: null });
});
