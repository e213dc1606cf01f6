import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeNotSaved, describeSave, noteCount, queueLine, rejectedLine } from '../../extension/results.js';

const profile = (extra) => ({ kind: 'profile', prospect: { id: 'p1', full_name: 'Jane Doe', stage: 'prospect' }, created: false, changed: [], ...extra });

test('profile saves: Saved / Updated (n fields changed) / Already saved', () => {
  assert.equal(describeSave(profile({ created: true })).title, 'Saved Jane Doe');
  assert.equal(describeSave(profile({ changed: ['headline', 'location', 'about'] })).title, 'Updated Jane Doe (3 fields changed)');
  assert.equal(describeSave(profile({ changed: ['headline'] })).title, 'Updated Jane Doe (1 field changed)');
  assert.equal(describeSave(profile({})).title, 'Updated Jane Doe (nothing changed)');
  assert.equal(describeSave(profile({ duplicate: true })).title, 'Already saved Jane Doe');
});

test('a new job seen in the capture is told after the save', () => {
  const message = 'Jane has a new role: CTO at Beta (was Engineer at Acme). Congratulate them: it is on Today.';
  const saved = describeSave(profile({ changed: ['current'], job_change: { to: 'CTO at Beta', message } }));
  assert.deepEqual(saved, { title: 'Updated Jane Doe: new role', detail: message });
});

test('search and company saves', () => {
  const search = describeSave({ kind: 'search-results', created: 2, updated: 1, prospects: [] });
  assert.deepEqual(search, { title: 'Saved 3 people', detail: '2 new, 1 updated' });
  assert.equal(describeSave({ kind: 'search-results', created: 1, updated: 0 }).title, 'Saved 1 person');
  assert.equal(describeSave({ kind: 'search-results', created: 0, updated: 0 }).title, 'Nobody to save on this page');
  assert.equal(describeSave({ kind: 'company', company: { company_name: 'Facebook', industry: 'Internet' } }).title, 'Saved Facebook');
  assert.equal(describeSave({ kind: 'company', company: { name: 'Gantry' } }).title, 'Saved Gantry');
  assert.equal(describeSave({ kind: 'company', company: {} }).title, 'Saved the company');
});

test('noteCount counts characters as people see them', () => {
  assert.deepEqual(noteCount('Hello', 300), { text: '5/300', over: false });
  assert.deepEqual(noteCount('☕😀', 300), { text: '2/300', over: false });
  assert.deepEqual(noteCount('x'.repeat(301), 300), { text: '301/300', over: true });
  assert.deepEqual(noteCount('abc', null), { text: '3', over: false });
});

test('queueLine: silent when empty, loud when full', () => {
  assert.equal(queueLine({ waiting: 0, limit: 50, full: false }), null);
  assert.equal(queueLine({ waiting: 1, limit: 50, full: false }), '1 capture waiting for coffeechat');
  assert.match(queueLine({ waiting: 50, limit: 50, full: true }), /full \(50\/50\)/);
});

test('describeNotSaved explains queued, full, unsupported and errors', () => {
  assert.match(describeNotSaved({ outcome: 'queued', queue: { waiting: 1 } }), /not running.*kept.*1 waiting/);
  assert.match(describeNotSaved({ outcome: 'queue-full', queue: { waiting: 50, storageFull: false } }), /Not saved.*full.*50/);
  assert.match(describeNotSaved({ outcome: 'queue-full', queue: { waiting: 9, storageFull: true } }), /storage/);
  assert.equal(describeNotSaved({ outcome: 'unsupported', page: { why: 'Open a profile' } }), 'Open a profile');
  assert.equal(describeNotSaved({ outcome: 'error', error: { message: 'saw a LinkedIn feed, not a profile' } }), 'Saw a LinkedIn feed, not a profile.');
  assert.equal(describeNotSaved({ outcome: 'error', error: { message: 'run `coffeechat token`' } }), 'Run coffeechat token.');
});

test('queued saves say why they wait and what fixes it', () => {
  assert.match(describeNotSaved({ outcome: 'queued', reason: 'not-paired', queue: { waiting: 2 } }), /not connected.*once you connect \(2 waiting\)/);
  assert.match(describeNotSaved({ outcome: 'queued', reason: 'wrong-token', queue: { waiting: 1 } }), /connect again/);
  assert.equal(rejectedLine([]), null);
  assert.match(rejectedLine([{ url: 'https://www.linkedin.com/in/x/', error: 'unrecognised_page' }]), /^coffeechat could not use 1 page that waited/);
  assert.ok(!rejectedLine([{ url: 'u', error: 'internal' }]).includes('internal'), 'no error internals');
});
