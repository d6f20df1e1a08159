// Material's own search worker, with typo tolerance in front of it (search-typos.js).
// search-words.js starts this file in place of Material's worker and names Material's
// worker in the address (?material=…); everything Material's worker does is unchanged. A
// query message is corrected before Material's worker reads it, and the result it sends
// back carries the corrections made, for the search box to say "Showing results for …".
(() => {
  "use strict";

  const QUERY = 2; // Material's message types
  const RESULT = 3;
  const WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;

  const material = new URL(new URL(location.href).searchParams.get("material") || "", location.href);
  if (material.origin !== location.origin || !WORKER.test(material.pathname)) {
    throw new Error(`not Material's search worker: ${material.href}`);
  }

  const listeners = [];
  const listen = self.addEventListener.bind(self);
  self.addEventListener = (type, listener, ...rest) =>
    type === "message" ? listeners.push(listener) : listen(type, listener, ...rest);
  importScripts("search-typos.js", material.href);
  self.addEventListener = listen;

  let index = null; // the index Material's worker built last
  const build = self.lunr.Builder.prototype.build;
  self.lunr.Builder.prototype.build = function () {
    index = build.call(this);
    return index;
  };

  const pending = []; // corrections of each query, in the order the results come back
  const post = self.postMessage.bind(self);
  self.postMessage = (message, ...rest) => {
    if (message && message.type === RESULT && pending.length > 0) {
      const corrections = pending.shift();
      if (corrections.length > 0) message = { ...message, data: { ...message.data, corrections } };
    }
    return post(message, ...rest);
  };

  listen("message", (event) => {
    let message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      const { query, corrections } = index
        ? self.guideSearchTypos.correct(message.data, index, self.lunr)
        : { query: message.data, corrections: [] };
      pending.push(corrections);
      message = { ...message, data: query };
    }
    listeners.forEach((listener) => listener({ data: message }));
  });
})();
