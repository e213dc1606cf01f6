// coffeechat dashboard: small progressive enhancements (copy, counters, selection). Pages work without it.
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
  button.textContent = "Copied";
  setTimeout(() => { button.textContent = label; }, 1500);
}

function setUpDrafts() {
  for (const draft of document.querySelectorAll(".draft")) {
    const body = draft.querySelector(".draft-body");
    const counter = draft.querySelector("[data-counter]");
    if (body && counter) {
      countText(body, counter);
      body.addEventListener("input", () => countText(body, counter));
    }
  }
  for (const button of document.querySelectorAll("[data-copy]")) {
    button.addEventListener("click", () => {
      const box = button.closest(".draft, .row");
      const subject = box.querySelector(".draft-subject");
      const body = box.querySelector(".draft-body, [data-copy-source]");
      const text = subject && subject.value ? `${subject.value}\n\n${body.value}` : body.value;
      copyText(text, button);
    });
  }
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
}

function setUpInteractionForm() {
  const form = document.querySelector("[data-interaction]");
  if (!form) return;
  const select = form.querySelector("select[name=action]");
  const show = () => {
    for (const field of form.querySelectorAll("[data-for]")) {
      field.hidden = field.dataset.for !== select.value;
    }
  };
  select.addEventListener("change", show);
  show();
}

document.addEventListener("DOMContentLoaded", () => {
  setUpDrafts();
  setUpSelection();
  setUpInteractionForm();
});
