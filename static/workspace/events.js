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
});
