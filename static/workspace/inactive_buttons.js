/* The rich text editor marks a toolbar button it cannot use at the moment (undo with
   nothing to undo, a link without a selection) with the class "disabled" only. Say so to
   assistive technology too (aria-disabled), as WCAG expects of an inactive control; its
   faded look is then the inactive state it is, not text of too little contrast. */
(function () {
  "use strict";
  function sync(button) {
    if (button.classList.contains("disabled")) {
      button.setAttribute("aria-disabled", "true");
    } else {
      button.removeAttribute("aria-disabled");
    }
  }
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.target.classList && change.target.classList.contains("prose-menubar__button")) {
        sync(change.target);
      }
    });
  }).observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ["class"],
  });
  document.querySelectorAll(".prose-menubar__button").forEach(sync);
})();
