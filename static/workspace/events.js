// The event editor: show only the fields of the chosen format (in person, remote,
// hybrid). Without this file every part is shown under its own legend.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-event-editor]");
  if (!form) return;
  const parts = form.querySelectorAll("[data-format-part]");
  const shows = {
    in_person: ["in_person"],
    remote: ["remote"],
    hybrid: ["in_person", "remote"],
  };
  const update = () => {
    const checked = form.querySelector('input[name="format"]:checked');
    const visible = shows[checked ? checked.value : "hybrid"] || [];
    parts.forEach((part) => {
      // A part holding an error stays visible, so that the message is seen.
      const hasError = part.querySelector(".field-error") !== null;
      part.hidden = !visible.includes(part.dataset.formatPart) && !hasError;
    });
  };
  form.querySelectorAll('input[name="format"]').forEach((radio) => {
    radio.addEventListener("change", update);
  });
  update();

  // The rich-text editor replaces its textarea with an editable area: give that area the
  // textarea's label and help, so that screen readers name it.
  const nameEditors = () => {
    form.querySelectorAll(".prose-editor").forEach((wrap) => {
      const editable = wrap.querySelector('[contenteditable="true"]');
      const field = wrap.closest(".field");
      const textarea = field && field.querySelector("textarea");
      if (!editable || !textarea || editable.hasAttribute("aria-label")) return;
      const label = form.querySelector(`label[for="${textarea.id}"]`);
      if (label) editable.setAttribute("aria-label", label.textContent.trim().replace(/:$/, ""));
      const described = textarea.getAttribute("aria-describedby");
      if (described) editable.setAttribute("aria-describedby", described);
      if (textarea.getAttribute("aria-invalid")) editable.setAttribute("aria-invalid", "true");
    });
  };
  new MutationObserver(nameEditors).observe(form, { childList: true, subtree: true });
  nameEditors();
});
