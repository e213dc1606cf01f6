// coffeechat dashboard: small progressive enhancements (copy, counters, pickers, keyboard). Pages work without it.
"use strict";

function countText(field, counter) {
  const limit = Number(field.dataset.limit || 0);
  const n = field.value.length;
  counter.textContent = limit ? `${n} / ${limit} characters` : `${n} characters`;
  counter.classList.toggle("over", Boolean(limit) && n > limit);
}

async function copyText(text, button) {
  try {
    await navigator.clipboard.writeText(text);
  } catch (err) {
    // Clipboard API refused (no permission): fall back to selecting the text for Ctrl+C.
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  const label = button.textContent;
  const name = button.getAttribute("aria-label");
  button.textContent = "Copied";
  if (name) button.setAttribute("aria-label", "Copied");
  setTimeout(() => {
    button.textContent = label;
    if (name) button.setAttribute("aria-label", name);
  }, 1500);
}

function mailLink(draft) {
  const link = draft.querySelector("[data-mailto]");
  if (!link) return;
  const subject = draft.querySelector(".draft-subject");
  const body = draft.querySelector(".draft-body");
  const address = link.getAttribute("href").split("?")[0];
  const parts = [];
  if (subject && subject.value) parts.push(`subject=${encodeURIComponent(subject.value)}`);
  parts.push(`body=${encodeURIComponent(body.value)}`);
  link.setAttribute("href", `${address}?${parts.join("&")}`);
}

function setUpDrafts() {
  for (const draft of document.querySelectorAll(".draft")) {
    const body = draft.querySelector(".draft-body");
    const counter = draft.querySelector("[data-counter]");
    if (body && counter) {
      countText(body, counter);
      body.addEventListener("input", () => { countText(body, counter); mailLink(draft); });
    }
    const subject = draft.querySelector(".draft-subject");
    if (subject) subject.addEventListener("input", () => mailLink(draft));
  }
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => {
      const box = button.closest(".draft") || button.closest(".row");
      const subject = box.querySelector(".draft-subject");
      const body = box.querySelector(".draft-body, [data-copy-source]");
      const text = subject && subject.value ? `${subject.value}\n\n${body.value}` : body.value;
      copyText(text, button);
    });
  }
  // A link to a folded draft (Today's "Open … draft") unfolds it.
  const open = () => {
    const target = location.hash && document.getElementById(location.hash.slice(1));
    const fold = target && target.closest("details");
    if (fold) { fold.open = true; target.scrollIntoView(); }
  };
  window.addEventListener("hashchange", open);
  open();
}

function setUpSelection() {
  const all = document.querySelector("[data-select-all]");
  const boxes = Array.from(document.querySelectorAll("input[name=ids]"));
  const label = document.querySelector("[data-selected-count]");
  const update = () => {
    const n = boxes.filter((b) => b.checked).length;
    if (label) label.textContent = n ? `${n} selected` : "Select prospects for bulk actions";
  };
  if (all) all.addEventListener("change", () => { boxes.forEach((b) => { b.checked = all.checked; }); update(); });
  boxes.forEach((b) => b.addEventListener("change", update));
  update();
}

// Fields marked data-for="<value>" show only while their form's chooser has that value.
function showFor(container, select) {
  const show = () => {
    for (const field of container.querySelectorAll("[data-for]")) {
      field.hidden = field.dataset.for !== select.value;
    }
    for (const input of container.querySelectorAll("[data-required-for]")) {
      input.required = input.dataset.requiredFor === select.value;
    }
  };
  select.addEventListener("change", show);
  show();
}

function setUpChoosers() {
  const form = document.querySelector("[data-interaction]");
  if (form) showFor(form, form.querySelector("select[name=action]"));
  const bulk = document.querySelector("[data-bulk]");
  if (bulk) showFor(bulk, bulk.querySelector("select[name=action]"));
  const me = document.querySelector("[data-persona-form]");
  if (me) {
    const persona = me.querySelector("select[name=persona]");
    const show = () => {
      for (const field of me.querySelectorAll("[data-persona]")) field.hidden = field.dataset.persona !== persona.value;
    };
    persona.addEventListener("change", show);
    show();
  }
}

function setUpFilters() {
  const form = document.querySelector("form[data-autosubmit]");
  if (!form) return;
  // Filters apply when changed: lists at once, typed filters when the field is left or Enter is pressed.
  for (const field of form.querySelectorAll("select, input:not([type=search])")) {
    field.addEventListener("change", () => form.requestSubmit());
  }
}

function setUpBoard() {
  // On the board, Enter on a person's stage list moves them (the Move button does the same).
  for (const select of document.querySelectorAll(".board .move select")) {
    select.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); select.form.requestSubmit(); }
    });
  }
}

function setUpPeoplePicker() {
  const list = document.getElementById("people-list");
  if (!list) return;
  let timer = null;
  for (const input of document.querySelectorAll("input[data-people]")) {
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim();
        if (q.length < 2) return;
        const answer = await fetch(`/people.json?q=${encodeURIComponent(q)}`, { credentials: "same-origin" });
        if (!answer.ok) return;
        const { people } = await answer.json();
        list.replaceChildren(...people.map((p) => { const o = document.createElement("option"); o.value = p.label; return o; }));
      }, 150);
    });
  }
}

function setUpKeys() {
  document.addEventListener("keydown", (event) => {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    const active = document.activeElement;
    if (active && (active.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(active.tagName))) return;
    event.preventDefault();
    const search = document.getElementById("search");
    if (search) { search.focus(); search.select(); } else { location.href = "/#search"; }
  });
  if (location.hash === "#search") {
    const search = document.getElementById("search");
    if (search) search.focus();
  }
}

function showProblem() {
  // A refused form comes back at the top of the page: bring its first problem into view, its field focused.
  const problem = document.querySelector(".field-error, main .flash-error[role=alert]");
  if (!problem) return;
  const field = document.querySelector("[aria-invalid=true]");
  (field || problem).scrollIntoView({ block: "center" });
  if (field) field.focus();
}

document.addEventListener("DOMContentLoaded", () => {
  setUpDrafts();
  setUpSelection();
  setUpChoosers();
  setUpFilters();
  setUpPeoplePicker();
  setUpBoard();
  setUpKeys();
  showProblem();
});
