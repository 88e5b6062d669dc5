// The survey builder. Every page works without this file: the up and down buttons post what
// drag and drop posts, "Muokkaa" opens the builder with the question's form in its place
// (?muokkaa=<id>), and the preview links show a saved page. This file adds:
// - drag and drop of a page's questions (a drop posts the page's new order as a plain form);
// - the question's form in place without a page load (the same form, fetched from the
//   builder's own ?muokkaa= address; it posts to the question's address as without JS);
// - the instant preview: while a question or page is edited, its page as the respondent
//   sees it, unsaved, refreshed shortly after each change (the server validates and renders
//   the form's data with the answering templates).
(() => {
  const PREVIEW_DELAY = 400;

  function dragAndDrop(list) {
    const csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
    let dragged = null;
    list.querySelectorAll("li.ws-question").forEach((item) => {
      if (item.querySelector("form.ws-question-form")) return; // a form is not dragged
      item.draggable = true;
      item.addEventListener("dragstart", (event) => {
        dragged = item;
        item.classList.add("ws-dragging");
        event.dataTransfer.effectAllowed = "move";
      });
      item.addEventListener("dragend", () => item.classList.remove("ws-dragging"));
      item.addEventListener("dragover", (event) => {
        if (!dragged || dragged === item) return;
        event.preventDefault();
        const box = item.getBoundingClientRect();
        const after = event.clientY > box.top + box.height / 2;
        list.insertBefore(dragged, after ? item.nextSibling : item);
      });
    });
    list.addEventListener("drop", (event) => {
      if (!dragged || !csrf) return;
      event.preventDefault();
      const form = document.createElement("form");
      form.method = "post";
      form.action = list.dataset.reorderUrl;
      form.hidden = true;
      form.appendChild(csrf.cloneNode());
      list.querySelectorAll("li.ws-question").forEach((item) => {
        const input = document.createElement("input");
        input.name = "question";
        input.value = item.dataset.question;
        form.appendChild(input);
      });
      document.body.appendChild(form);
      form.submit();
    });
  }

  function livePreview(form) {
    const section = document.querySelector(
      `[data-live-preview-for="${form.dataset.liveKey}"]`,
    );
    if (!section || !form.dataset.livePreview) return;
    const region = section.querySelector(".ws-live-region");
    const status = section.querySelector("[role=status]");
    let timer = null;
    let sent = 0;
    const refresh = async () => {
      const number = ++sent;
      const data = new FormData(form);
      const chosen = section.querySelector("input[type=radio]:checked");
      data.append("preview_language", chosen ? chosen.value : "fi");
      region.setAttribute("aria-busy", "true");
      try {
        const response = await fetch(form.dataset.livePreview, {
          method: "POST",
          body: data,
          credentials: "same-origin",
          headers: { "X-Requested-With": "fetch" },
        });
        const html = await response.text();
        if (number !== sent) return; // a later change is on its way
        const parsed = new DOMParser().parseFromString(html, "text/html");
        region.replaceChildren(...parsed.body.childNodes);
        if (status) status.textContent = status.dataset.updated;
      } catch (error) {
        // The preview is an aid: the saved preview links still work.
      } finally {
        if (number === sent) region.setAttribute("aria-busy", "false");
      }
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, PREVIEW_DELAY);
    };
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    section.addEventListener("change", refresh);
    section.hidden = false;
    refresh();
  }

  function inlineEditing() {
    const originals = new Map(); // id of a question's item -> its item without the form
    const close = (id) => {
      const original = originals.get(id);
      const current = document.getElementById(id);
      if (!original || !current) return null;
      current.replaceWith(original);
      originals.delete(id);
      return original;
    };
    document.addEventListener("click", async (event) => {
      const cancel = event.target.closest("[data-inline-cancel]");
      if (cancel) {
        const item = cancel.closest("li.ws-question");
        const original = item && close(item.id);
        if (original) {
          event.preventDefault();
          const link = original.querySelector("[data-inline-edit]");
          if (link) link.focus();
        }
        return;
      }
      const link = event.target.closest("a[data-inline-edit]");
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      const id = link.dataset.inlineEdit;
      try {
        const response = await fetch(link.href, { credentials: "same-origin" });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        const fetched = page.getElementById(id);
        const item = document.getElementById(id);
        if (!response.ok || !fetched || !fetched.querySelector("form") || !item) {
          throw new Error("no form");
        }
        [...originals.keys()].forEach(close);
        const replacement = document.importNode(fetched, true);
        originals.set(id, item);
        item.replaceWith(replacement);
        replacement.querySelectorAll("form[data-live-preview]").forEach(livePreview);
        const first = replacement.querySelector(".ws-question-form select, .ws-question-form input:not([type=hidden])");
        if (first) first.focus();
      } catch (error) {
        window.location.href = link.href; // the same form, with a page load
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("ol.ws-questions[data-reorder-url]").forEach(dragAndDrop);
    document.querySelectorAll("form[data-live-preview]").forEach(livePreview);
    inlineEditing();
  });
})();
