// What the search box sends to Material's search worker, and what it says back.
//
// Stop words are left out of the query the worker gets. Material gives every query word a
// trailing wildcard, so "the" also matched "theraband", "me" "glute med" and "should"
// "shoulder": "pain on the outside of the knee" found the band page first. Only the query
// Material searches for changes; the box keeps what the reader typed. A query made only of
// stop words is sent as typed. The list is generator/search_terms.py's STOP_WORDS (a test
// compares the two); words runners mean something by stay searchable: "it" (IT band),
// "no" (equipment), "after" and "before" (a run), "up" (step-up).
//
// Material's worker is started through search-worker.js, which corrects misspelt words;
// when it did, the line under the search box says what was searched instead.
// Loaded before Material's bundle, which creates the worker.
(() => {
  // Zensical's search worker speaks its own protocol: an exported guide built with it keeps
  // its search as it is.
  const generator = document.querySelector("meta[name='generator']");
  if (generator && /zensical/i.test(generator.content)) return;
  const QUERY = 2; // Material's message types
  const RESULT = 3;
  const MATERIAL_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  // prettier-ignore
  const STOP_WORDS = new Set([
    "a", "about", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "being", "but", "by", "can", "could", "did", "do", "does", "doing", "done", "for", "from",
    "get", "gets", "got", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
    "if", "in", "into", "is", "its", "just", "make", "makes", "may", "me", "might",
    "must", "my", "need", "needs", "of", "on", "onto", "or", "our", "shall", "she",
    "should", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "us", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you",
    "your",
  ]);
  const ownWorker = new URL("search-worker.js", document.currentScript.src);

  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      const words = message.data.split(/\s+/);
      const kept = words.filter((word) => word && !STOP_WORDS.has(word.toLowerCase()));
      if (kept.length > 0 && kept.length < words.filter(Boolean).length) {
        return post.call(this, { ...message, data: kept.join(" ") }, ...rest);
      }
    }
    return post.call(this, message, ...rest);
  };

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
