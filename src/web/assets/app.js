// frontline web app: optional enhancements only; every page works without
// this script. Loaded from /assets (the Content-Security-Policy forbids
// inline script).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // "/" focuses the search box, as on many search sites.
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (e.key === "/" && !(t instanceof HTMLInputElement) && !(t instanceof HTMLTextAreaElement)) {
      const box = document.querySelector("form.filters input[name=q]") ||
        document.querySelector("form.quick input[name=q]");
      if (box) { e.preventDefault(); box.focus(); }
    }
  });
  // Changing a select in the timeline options applies it at once.
  document.querySelectorAll("form.options select").forEach((s) => {
    s.addEventListener("change", () => s.form.submit());
  });
});
