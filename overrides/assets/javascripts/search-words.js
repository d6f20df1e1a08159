// What the search box says back: Material's search worker is started through
// search-worker.js, which leaves stop words out of the query and corrects misspelt words;
// when it corrected one, the line under the search box says what was searched instead.
// Loaded before Material's bundle, which creates the worker.
(() => {
  // Zensical's search worker speaks its own protocol: an exported guide built with it keeps
  // its search as it is.
  const generator = document.querySelector("meta[name='generator']");
  if (generator && /zensical/i.test(generator.content)) return;
  const RESULT = 3; // Material's message type for results
  const MATERIAL_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  const ownWorker = new URL("search-worker.js", document.currentScript.src);

  const showCorrection = (event) => {
    const note = document.querySelector(".md-search-result__correction");
    const box = document.querySelector(".md-search__input");
    if (!note || !box || !event.data || event.data.type !== RESULT) return;
    const corrections = (event.data.data && event.data.data.corrections) || [];
    const searched = corrections.length
      ? window.guideSearchQuery.corrected(box.value, corrections)
      : "";
    note.hidden = !searched;
    note.querySelector("strong").textContent = searched;
  };

  const MaterialWorker = window.Worker;
  window.Worker = class extends MaterialWorker {
    constructor(url, ...rest) {
      const address = new URL(String(url), location.href);
      if (MATERIAL_WORKER.test(address.pathname) && address.origin === location.origin) {
        const own = new URL(ownWorker);
        own.searchParams.set("material", address.pathname);
        super(own, ...rest);
        this.addEventListener("message", showCorrection);
      } else {
        super(url, ...rest);
      }
    }
  };
})();
