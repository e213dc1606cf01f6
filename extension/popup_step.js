/**
 * The popup's next step after saving a person: which draft and why, a switch to another kind,
 * the edited text kept per person and kind, Copy (warning over the limit) and Mark as sent.
 * Server text goes in with textContent and form values only.
 */
import { MSG, ask } from './messages.js';
import { noteCount, noteLength } from './results.js';
import { overLimitWarning, stageLabel } from './words.js';

const ext = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const KEEP_AFTER_MS = 700;

function show(id, text) {
  const el = $(id);
  el.textContent = text || '';
  el.hidden = !text;
}

/** Fill the step section from a save answer; `onStage(stage)` hears the stage after Mark as sent. */
export function showStep(prospect, step, onStage) {
  const box = $('step');
  if (!step || !step.draft) {
    box.hidden = true;
    return;
  }
  const edits = { ...(prospect.draft_edits || {}) };
  const drafts = { [step.kind]: step.draft };
  const choices = step.choices?.length ? step.choices : [step];
  let current = step.kind;
  let keepTimer = null;
  let copyAnyway = false;

  const kindMenu = $('kind');
  kindMenu.replaceChildren(...choices.map((c) => {
    const option = new Option(c.kind === step.kind ? `${c.label} (suggested)` : c.label, c.kind);
    option.selected = c.kind === step.kind;
    return option;
  }));

  const choice = () => choices.find((c) => c.kind === current) || step;
  const area = $('note');

  function count() {
    const { text, over } = noteCount(area.value, drafts[current]?.limit);
    $('note-count').textContent = text;
    $('note-count').classList.toggle('over', over);
    copyAnyway = false;
    $('copy').textContent = 'Copy';
    show('over', null);
    return over;
  }

  function render() {
    const draft = drafts[current];
    $('subject-line').hidden = !draft.subject;
    $('subject').textContent = draft.subject || '';
    area.value = edits[current] ?? draft.body;
    $('draft-kept').textContent = edits[current] !== undefined ? 'Your edited version' : '';
    const mark = $('mark-sent');
    mark.textContent = choice().action_label || 'Mark as sent';
    mark.disabled = false;
    show('sent', null);
    count();
  }

  async function switchTo(kind) {
    current = kind;
    if (!drafts[kind]) {
      kindMenu.disabled = true;
      try {
        const answer = await ask(ext.runtime, MSG.DRAFT, { prospectId: prospect.id, kind });
        drafts[kind] = answer.drafts?.[0] || { kind, body: '', limit: null };
      } catch (err) {
        show('error', err.message);
        drafts[kind] = { kind, body: '', limit: null };
      } finally {
        kindMenu.disabled = false;
      }
    }
    render();
  }

  function keepSoon() {
    clearTimeout(keepTimer);
    const kind = current;
    const text = area.value;
    keepTimer = setTimeout(async () => {
      try {
        await ask(ext.runtime, MSG.KEEP_DRAFT, { prospectId: prospect.id, kind, text });
        if (text.trim()) edits[kind] = text;
        else delete edits[kind];
        if (kind === current) $('draft-kept').textContent = text.trim() ? 'Your edit is kept' : '';
      } catch (err) {
        show('error', err.message);
      }
    }, KEEP_AFTER_MS);
  }

  async function copy() {
    const over = noteCount(area.value, drafts[current]?.limit).over;
    if (over && !copyAnyway) {
      show('over', overLimitWarning(noteLength(area.value), drafts[current].limit, current));
      copyAnyway = true;
      $('copy').textContent = 'Copy anyway';
      return;
    }
    try {
      await navigator.clipboard.writeText(area.value);
    } catch {
      // Older Firefox popups refuse the async clipboard: fall back to copying the selection.
      area.select();
      document.execCommand('copy');
    }
    $('copy').textContent = 'Copied';
    setTimeout(() => { $('copy').textContent = 'Copy'; copyAnyway = false; }, 1500);
  }

  async function markSent() {
    const mark = $('mark-sent');
    mark.disabled = true;
    try {
      const updated = await ask(ext.runtime, MSG.MARK_SENT, { prospectId: prospect.id, action: choice().action, text: area.value });
      const logged = updated.log?.[updated.log.length - 1];
      const what = choice().action_label.replace(/^I sent/, 'You sent');
      show('sent', `Logged: ${what}. Stage: ${stageLabel(updated.stage)}.`);
      mark.textContent = 'Logged';
      onStage(updated.stage, logged);
    } catch (err) {
      mark.disabled = false;
      show('error', err.message);
    }
  }

  show('reason', step.reason);
  kindMenu.onchange = () => switchTo(kindMenu.value);
  area.oninput = () => {
    count();
    keepSoon();
  };
  $('copy').onclick = copy;
  $('mark-sent').onclick = markSent;
  render();
  box.hidden = false;
}
