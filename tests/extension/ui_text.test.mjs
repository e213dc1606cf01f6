// The pages' own words follow the writing rules: no backticks, no "(s)", no raw stage values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const PAGES = ['popup.html', 'options.html', 'welcome.html'];
const RAW = /\b(in_touch|not_now|connection_note|thank_you|follow_up|keep_in_touch|referral_thanks)\b/;

for (const name of PAGES) {
  test(`${name} says things in plain words`, () => {
    const html = readFileSync(new URL(`../../extension/${name}`, import.meta.url), 'utf8');
    const text = html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
    assert.ok(!text.includes('`'), 'backtick');
    assert.ok(!text.includes('(s)'), '"(s)"');
    assert.ok(!RAW.test(text), `raw value: ${text.match(RAW)?.[0]}`);
    assert.ok(!/<code>/.test(html), 'commands are written as words, not code');
  });
}
