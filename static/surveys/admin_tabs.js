/* Survey builder: the Finnish and Swedish fieldsets (class "lang-tab") become tabs.
   Without JavaScript both fieldsets simply show one after the other. A tab whose
   fieldset has an error opens first, so no error is hidden. */
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const panels = Array.from(document.querySelectorAll("fieldset.lang-tab"));
  if (panels.length < 2) return;
  const tablist = document.createElement("div");
  tablist.className = "lang-tablist";
  tablist.setAttribute("role", "tablist");
  const tabs = panels.map((panel, index) => {
    const heading = panel.querySelector(".fieldset-heading");
    const tab = document.createElement("button");
    tab.type = "button";
    tab.className = "lang-tab-button";
    tab.setAttribute("role", "tab");
    tab.id = `lang-tab-${index}`;
    tab.textContent = heading ? heading.textContent : String(index + 1);
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    if (!panel.id) panel.id = `lang-panel-${index}`;
    tab.setAttribute("aria-controls", panel.id);
    tablist.appendChild(tab);
    return tab;
  });
  const select = (chosen, focus) => {
    tabs.forEach((tab, index) => {
      const on = index === chosen;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      panels[index].hidden = !on;
    });
    if (focus) tabs[chosen].focus();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener("click", () => select(index, false));
    tab.addEventListener("keydown", (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step) {
        event.preventDefault();
        select((index + step + tabs.length) % tabs.length, true);
      }
    });
  });
  panels[0].before(tablist);
  const withError = panels.findIndex((panel) => panel.querySelector(".errorlist, .errors"));
  select(withError >= 0 ? withError : 0, false);
});
