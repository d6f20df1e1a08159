// Material's own search worker, with the query made in front of it (search-query.js): stop
// words left out (stop-words.js, written by the build), misspelt words corrected, words
// weighted as themselves and a page's name key added.
// search-words.js starts this file in place of Material's worker and names Material's
// worker in the address (?material=…); everything Material's worker does is unchanged. The
// result it sends back carries the corrections made, for the search box to say "Showing
// results for …", and no name key among the words a result is said to miss.
(() => {
  "use strict";

  const QUERY = 2; // Material's message types
  const RESULT = 3;
  const WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;

  const address = new URL(location.href).searchParams.get("material") || "";
  const material = new URL(address, location.href);
  if (material.origin !== location.origin || !WORKER.test(material.pathname)) {
    throw new Error(`not Material's search worker: ${material.href}`);
  }

  const listeners = [];
  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, listener, ...rest) =>
    type === "message" ? listeners.push(listener) : listen(type, listener, ...rest);
  importScripts("stop-words.js", "search-query.js", material.href);
  self.addEventListener = listen;
  const { correct, weigh, isNameKey, withoutStopWords } = self.guideSearchQuery;
  const stopWords = new Set(self.guideStopWords);

  let index = null; // the index Material's worker built last
  const build = self.lunr.Builder.prototype.build;
  self.lunr.Builder.prototype.build = function () {
    index = build.call(this);
    return index;
  };

  const typed = (terms) =>
    Object.fromEntries(Object.entries(terms || {}).filter(([term]) => !isNameKey(term)));

  const pending = []; // corrections of each query, in the order the results come back
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === RESULT && pending.length > 0) {
      const corrections = pending.shift();
      const items = (message.data.items || []).map((group) =>
        group.map((item) => ({ ...item, terms: typed(item.terms) }))
      );
      message = { ...message, data: { ...message.data, items, corrections } };
    }
    return post(message, ...rest);
  };

  listen("message", (event) => {
    let message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      const asked = withoutStopWords(message.data, stopWords);
      if (index) {
        const { query, corrections } = correct(asked, index, self.lunr);
        pending.push(corrections);
        message = { ...message, data: weigh(query, index, self.lunr.tokenizer.separator) };
      } else {
        message = { ...message, data: asked };
      }
    }
    listeners.forEach((listener) => listener({ data: message }));
  });
})();
