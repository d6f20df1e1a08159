// The query the search worker (search-worker.js) hands to Material's search, in lunr's
// own query language. No DOM: tested with `node --test`.
//
// Stop words are left out first. Material gives every query word a trailing wildcard, so
// "the" also matched "theraband", "me" "glute med" and "should" "shoulder": "pain on the
// outside of the knee" found the band page first. Only the query Material searches for
// changes; the box keeps what the reader typed. A query made only of stop words is searched
// as typed. The list is generator/search_terms.py's STOP_WORDS, which the build writes to
// stop-words.js for the worker; words runners mean something by stay searchable: "it" (IT
// band), "no" (equipment), "after" and "before" (a run), "up" (step-up).
//
// Typos: a query word of five letters or more that matches no indexed word, not even as the
// start of one, is replaced by its nearest indexed word: within one edit if any word is that
// near, else within two. Distance is lunr's own edit distance on the index's vocabulary (a
// letter added, dropped, changed, or two neighbours swapped each count one). Among equally
// near words the one in the most pages wins.
//
// Weights: Material gives every word a trailing wildcard and adds up every indexed word it
// reaches, so a page listing knee, knees, kneecap and kneecaps outranked the page named for
// the knee. A word the index holds as typed also counts as itself, EXACT times over; and the
// words joined after "_" count NAMED times when they are a page's name key (name_keys in
// generator/search_terms.py), so "calf raises" finds Calf raise before Seated calf raise.
// Both weights were chosen on the search benchmark (BENCHMARKS.md, "Search quality").
(function (root) {
  "use strict";

  const SHORTEST = 5;
  const DISTANCES = [1, 2];
  const EXACT = 2;
  const NAMED = 2;
  const NAME_KEY = "_";
  const SYNTAX = /(^|\s)[+-]|[~^*:"]/;

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

  /** The query with each word the index holds weighted as itself, and the page name key of
   * the words joined, when a page has it: "calf raises" → "calf^2 calf raises^2 raises
   * _calfraises^2". Words separated by `separator` (Material's) count as words; a query
   * written in lunr's own syntax (+word, -word, word~1, "phrase") is left as written. */
  function weigh(query, index, separator) {
    if (SYNTAX.test(query)) return query; // the reader writes lunr's query language
    const words = query.toLowerCase().split(/\s+/).flatMap((word) => word.split(separator)).filter(Boolean);
    const has = (term) => Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
    const weighed = words.map((word) => (has(word) ? `${word}^${EXACT} ${word}` : word));
    const key = NAME_KEY + words.join("");
    return [...weighed, ...(words.length && has(key) ? [`${key}^${NAMED}`] : [])].join(" ");
  }

  /** Whether a query term is a name key, which the reader never typed. */
  const isNameKey = (term) => term.startsWith(NAME_KEY);

  /** What the reader typed, with the corrected words put in: "glute brige" → "glute bridge". */
  function corrected(typed, corrections) {
    const replacements = new Map(corrections.map(([from, to]) => [from.toLowerCase(), to]));
    return typed
      .split(/(\s+)/)
      .map((word) => replacements.get(word.toLowerCase()) ?? word)
      .join("");
  }

  /** The query without its stop words (a Set of lower-case words), or as typed when it has
   * none or nothing else. */
  function withoutStopWords(query, stopWords) {
    const words = query.split(/\s+/).filter(Boolean);
    const kept = words.filter((word) => !stopWords.has(word.toLowerCase()));
    return kept.length > 0 && kept.length < words.length ? kept.join(" ") : query;
  }

  const api = { correct, weigh, isNameKey, corrected, withoutStopWords, SHORTEST };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.guideSearchQuery = api;
})(this);
