// The survey builder: drag and drop of a page's questions. Every page works without this
// file: the up and down buttons post the same change. A drop posts the page's new order
// to the page's reorder address, as a plain form (the server answers with the page again).
document.addEventListener("DOMContentLoaded", () => {
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
  document.querySelectorAll("ol.ws-questions[data-reorder-url]").forEach((list) => {
    let dragged = null;
    list.querySelectorAll("li.ws-question").forEach((item) => {
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
  });
});
