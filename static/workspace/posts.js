// The post editor, improved: a formatting toolbar for the HTML text, image codes inserted
// where the cursor is, and a warning before leaving unsaved changes. The form works
// without this file (the text is plain HTML; image codes can be copied by hand).
(() => {
  // The buttons' names come translated from the form's data-tools (in this order).
  const TOOLS = [
    ["P", "<p>", "</p>"],
    ["H2", "<h2>", "</h2>"],
    ["B", "<strong>", "</strong>"],
    ["I", "<em>", "</em>"],
    ["•", "<ul>\n<li>", "</li>\n</ul>"],
  ];
  const form = document.querySelector("form.post-form");
  const strings = form ? form.dataset : {};
  const names = (strings.tools || "").split("|");

  function wrap(textarea, before, after) {
    const start = textarea.selectionStart;
    const end = textarea.selectionEnd;
    const value = textarea.value;
    textarea.value = value.slice(0, start) + before + value.slice(start, end) + after + value.slice(end);
    textarea.focus();
    textarea.setSelectionRange(start + before.length, end + before.length);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function toolbar(textarea) {
    const bar = document.createElement("div");
    bar.className = "post-toolbar";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-controls", textarea.id);
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    bar.setAttribute("aria-label", `${label ? label.textContent.trim() : ""} (${textarea.lang}): ${strings.format}`);
    TOOLS.forEach(([text, before, after], index) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = text;
      button.setAttribute("aria-label", names[index] || text);
      button.addEventListener("click", () => wrap(textarea, before, after));
      bar.appendChild(button);
    });
    textarea.before(bar);
  }

  function insertButtons() {
    for (const input of document.querySelectorAll(".image-code")) {
      const target = document.getElementById(input.dataset.target);
      if (!target) continue;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      const label = document.querySelector(`label[for="${input.id}"]`);
      button.textContent = strings.insert;
      if (label) button.setAttribute("aria-label", `${strings.insert}: ${label.textContent.trim()}`);
      button.addEventListener("click", () => {
        wrap(target, `<p>${input.value}</p>\n`, "");
      });
      input.after(button);
    }
  }

  function warnUnsaved(form) {
    let changed = false;
    form.addEventListener("input", () => { changed = true; });
    form.addEventListener("submit", () => { changed = false; });
    window.addEventListener("beforeunload", (event) => {
      if (changed) event.preventDefault();
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const textarea of document.querySelectorAll("textarea.post-body")) toolbar(textarea);
    if (!form) return;
    insertButtons();
    warnUnsaved(form);
  });
})();
