// Small enhancements for the guide; every page works without them.

// "Print this routine": the button stays hidden unless scripts run.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// The muscle map names the muscle under the pointer or the keyboard focus on the caption
// line under it; the links keep their own accessible names, so the line is not announced.
document.querySelectorAll("[data-body-map-caption]").forEach((caption) => {
  const map = caption.closest(".body-map");
  const prompt = caption.textContent;
  const name = (link) => {
    caption.textContent = link ? link.getAttribute("aria-label") : prompt;
    caption.classList.toggle("body-map__caption--naming", Boolean(link));
  };
  map.addEventListener("pointerover", (event) => name(event.target.closest("a[aria-label]")));
  map.addEventListener("pointerleave", () => name(map.querySelector("a:focus")));
  map.addEventListener("focusin", (event) => name(event.target.closest("a[aria-label]")));
  map.addEventListener("focusout", () => name(null));
});

// Glossary words are explained by the theme's tooltip on hover and on focus. Every one can
// take focus, so a tap on a touch screen shows its meaning; only the first use of each word
// is a stop for the Tab key, so a page that repeats a word does not fill the tab order.
const explained = new Set();
document.querySelectorAll("article abbr[title]").forEach((word) => {
  const first = !explained.has(word.textContent);
  explained.add(word.textContent);
  word.tabIndex = first ? 0 : -1;
});
