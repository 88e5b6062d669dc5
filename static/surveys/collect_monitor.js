// The monitor refreshes itself every `data-refresh` seconds while the tab is visible.
// Without this file the "Päivitä" link does the same.
document.addEventListener("DOMContentLoaded", () => {
  const monitor = document.getElementById("monitor");
  if (!monitor || !window.fetch || !window.DOMParser) return;
  const seconds = Number(monitor.dataset.refresh) || 30;
  const refresh = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(window.location.pathname, {credentials: "same-origin"});
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = page.getElementById("monitor");
      // Keep the reader's place: replace only when nothing in the monitor has the focus.
      if (fresh && !monitor.contains(document.activeElement)) {
        monitor.replaceChildren(...fresh.childNodes);
      }
    } catch (error) {
      // Offline for a moment: the next round tries again.
    }
  };
  window.setInterval(refresh, seconds * 1000);
});
