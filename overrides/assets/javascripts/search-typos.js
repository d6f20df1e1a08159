// Typo tolerance for the site's search, run inside the search worker (search-worker.js).
// A query word of five letters or more that matches no indexed word, not even as the start
// of one, is replaced by its nearest indexed word: within one edit if any word is that near,
// else within two. Distance is lunr's own edit distance on the index's vocabulary (a letter
// added, dropped, changed, or two neighbours swapped each count one). Among equally near
// words the one in the most pages wins. No DOM: tested with `node --test`.
(function (root) {
  "use strict";

  const SHORTEST = 5;
  const DISTANCES = [1, 2];

  /** How many pages (and page sections) hold an indexed word, in any field. */
  function pages(index, term) {
    const posting = index.invertedIndex[term] || {};
    const refs = new Set();
    for (const [field, docs] of Object.entries(posting)) {
      if (field !== "_index") Object.keys(docs).forEach((ref) => refs.add(ref));
    }
    return refs.size;
  }

  /** The nearest indexed word to `word`, or null when nothing lies within two edits. */
  function nearest(word, index, lunr) {
    for (const distance of DISTANCES) {
      const near = index.tokenSet
        .intersect(lunr.TokenSet.fromFuzzyString(word, distance))
        .toArray();
      if (near.length > 0) {
        return near
          .map((term) => [term, pages(index, term)])
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
      }
    }
    return null;
  }

  /** The query with each unknown long word replaced by its nearest indexed word, and the
   * replacements made, as [typed, searched] pairs in query order. */
  function correct(query, index, lunr) {
    const corrections = [];
    const words = query.split(/(\s+)/).map((word) => {
      const term = word.toLowerCase();
      if (term.length < SHORTEST || !/^[a-z]+$/.test(term)) return word;
      if (index.tokenSet.intersect(lunr.TokenSet.fromString(`${term}*`)).toArray().length) {
        return word;
      }
      const found = nearest(term, index, lunr);
      if (found === null) return word;
      corrections.push([word, found]);
      return found;
    });
    return { query: words.join(""), corrections };
  }

  /** What the reader typed, with the corrected words put in: "glute brige" → "glute bridge". */
  function corrected(typed, corrections) {
    const replacements = new Map(corrections.map(([from, to]) => [from.toLowerCase(), to]));
    return typed
      .split(/(\s+)/)
      .map((word) => replacements.get(word.toLowerCase()) ?? word)
      .join("");
  }

  const api = { correct, corrected, SHORTEST };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.guideSearchTypos = api;
})(this);
