// Filler words are left out of what the search box sends to Material's search worker.
// Material gives every query word a trailing wildcard, so "the" also matches "theraband",
// "a" every word starting with a, and "should" "shoulder": "pain on the outside of the
// knee" found the band page first. Only the query Material searches for changes; the box
// keeps what the reader typed. A query made only of filler words is sent as typed. "it"
// stays: runners type "IT band".
// Loaded before Material's bundle, which creates the worker.
(() => {
  const QUERY = 2; // Material's message type for a search query
  const FILLER = new Set([
    "a", "an", "the", "of", "on", "at", "in", "to", "for", "my", "is", "and", "or",
    "i", "do", "does", "should", "how", "what", "with", "when", "can",
  ]);
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      const words = message.data.split(/\s+/);
      const kept = words.filter((word) => word && !FILLER.has(word.toLowerCase()));
      if (kept.length > 0 && kept.length < words.filter(Boolean).length) {
        return post.call(this, { ...message, data: kept.join(" ") }, ...rest);
      }
    }
    return post.call(this, message, ...rest);
  };
})();
