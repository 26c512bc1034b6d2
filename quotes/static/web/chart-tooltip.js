// Chart tooltips of stancedb's own (no library, no CDN): each point's and event's SVG <title>
// becomes a tooltip shown on mouse hover, on keyboard focus and on a tap. On a touch screen the
// first tap on a point shows its quotes and the second follows its link. Escape hides it.
(() => {
  const SELECTOR = "svg.stance-chart a.point-link, svg.stance-chart .event";
  let tip = null;
  let shownFor = null;
  let tapShown = null;

  const prepare = () => {
    tip = document.createElement("div");
    tip.className = "chart-tooltip";
    tip.id = "chart-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    for (const element of document.querySelectorAll(SELECTOR)) {
      const title = element.querySelector("title");
      if (!title) continue;
      element.dataset.tip = title.textContent;
      element.setAttribute("aria-label", title.textContent.split("\n")[0]);
      title.remove(); // no second, native tooltip
      if (!element.matches("a")) {
        element.setAttribute("tabindex", "0");
        element.setAttribute("role", "img");
      }
    }
  };

  const show = (element) => {
    tip.textContent = element.dataset.tip;
    tip.hidden = false;
    element.setAttribute("aria-describedby", tip.id);
    const box = element.getBoundingClientRect();
    const width = tip.offsetWidth;
    const left = Math.min(
      Math.max(window.scrollX + box.left + box.width / 2 - width / 2, window.scrollX + 4),
      window.scrollX + document.documentElement.clientWidth - width - 4,
    );
    let top = window.scrollY + box.top - tip.offsetHeight - 8;
    if (top < window.scrollY) top = window.scrollY + box.bottom + 8;
    tip.style.left = `${Math.max(left, 0)}px`;
    tip.style.top = `${top}px`;
    shownFor = element;
  };

  const hide = () => {
    if (!tip) return;
    tip.hidden = true;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
    tapShown = null;
  };

  const target = (event) => event.target instanceof Element && event.target.closest("[data-tip]");

  const start = () => {
    prepare();
    document.addEventListener("mouseover", (event) => {
      const element = target(event);
      if (element && element !== shownFor) show(element);
    });
    document.addEventListener("mouseout", (event) => {
      const element = target(event);
      if (element && element === shownFor && !element.contains(event.relatedTarget)) hide();
    });
    document.addEventListener("focusin", (event) => {
      const element = target(event);
      if (element) show(element);
    });
    document.addEventListener("focusout", (event) => {
      if (target(event) === shownFor) hide();
    });
    document.addEventListener("pointerdown", (event) => {
      if (event.pointerType === "mouse") return;
      const element = target(event);
      if (!element) return hide();
      if (element !== shownFor || tapShown !== element) {
        show(element);
        tapShown = element;
        element.dataset.firstTap = "1";
      }
    });
    document.addEventListener(
      "click",
      (event) => {
        const element = target(event);
        if (element && element.dataset.firstTap) {
          delete element.dataset.firstTap; // the next tap follows the link
          event.preventDefault();
        }
      },
      true,
    );
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape") hide();
    });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
