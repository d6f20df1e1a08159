// The search index is fetched when a reader first reaches for search, not on every page.
// Material (search/search_index.json) and Zensical (search.json) request it with
// XMLHttpRequest as soon as a page loads; this holds that one request back until the
// search box is focused, a search button is pressed, a search shortcut key is typed, or
// the address asks for a search (?q=) or highlighting (?h=). Everything else about the
// engine's search is unchanged. Loaded before the theme's bundle.
(() => {
  const INDEX = /\/search(\/search_index)?\.json$/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let wanted = false;
  const want = () => {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach((release) => release());
  };
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.searchIndex = INDEX.test(new URL(String(url), location.href).pathname);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.searchIndex && !wanted) {
      held.push(() => send.apply(this, args));
      return undefined;
    }
    return send.apply(this, args);
  };
  const params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) want();
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches(".md-search__input")) want();
  });
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[for='__search'], .md-search__button")) want();
  });
  // A shortcut key opens search only where Material's own shortcuts work: not while the
  // reader types into a field or picks in a list (S for "Squat" in the finder's select).
  const typing = (target) =>
    target instanceof Element &&
    target.closest("input, select, textarea, [contenteditable]:not([contenteditable='false'])");
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (["/", "s", "f", "S", "F"].includes(event.key)) want();
  });
  document.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === "__search") want();
  });
})();
