// The query the site's search hands to Material's, against lunr as Material's search worker
// bundles it (loaded here with stand-ins for the worker's globals). Run: node --test tests/js
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const test = require("node:test");

// The script is a classic one (the search worker loads it with importScripts), so it is
// run here as the worker would, in a context of its own.
const vm = require("node:vm");
const script = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "search-query.js");
const loaded = { exports: {} };
vm.runInThisContext(`(function (module) {\n${fs.readFileSync(script, "utf8")}\n})`)(loaded);
const query = loaded.exports;

function materialLunr() {
  const venv = path.join(__dirname, "..", "..", ".venv", "lib");
  const python = fs.readdirSync(venv).find((name) => name.startsWith("python"));
  const workers = path.join(venv, python, "site-packages/material/templates/assets/javascripts/workers");
  const bundle = fs.readdirSync(workers).find((name) => /^search\.[0-9a-f]+\.min\.js$/.test(name));
  const self = { addEventListener() {}, postMessage() {} };
  new Function("self", "addEventListener", "postMessage", fs.readFileSync(path.join(workers, bundle), "utf8"))(
    self, self.addEventListener, self.postMessage,
  );
  return self.lunr;
}

const lunr = materialLunr();
const index = lunr(function () {
  this.ref("id");
  this.field("title");
  this.pipeline.reset();
  this.searchPipeline.reset();
  [
    ["glute-bridge", "glute bridge"],
    ["single-leg-bridge", "single leg bridge"],
    ["bridge-march", "bridge march"],
    ["bulgarian-split-squat", "bulgarian split squat"],
    ["it-band", "iliotibial band syndrome"],
    ["bride", "bride"],
  ].forEach(([id, title]) => this.add({ id, title }));
});

test("a word one letter short is searched as the indexed word it misspells", () => {
  assert.deepEqual(query.correct("glute brige", index, lunr), {
    query: "glute bridge",
    corrections: [["brige", "bridge"]],
  });
});

test("among equally near words the one in more pages wins", () => {
  // 'brigde' is one edit from 'bridge' (three pages) and from 'bride' (one page).
  assert.equal(query.correct("brigde", index, lunr).query, "bridge");
});

test("two swapped letters count as one edit", () => {
  assert.deepEqual(query.correct("split sqaut", index, lunr).corrections, [["sqaut", "squat"]]);
});

test("a word two edits away is corrected when none is one edit away", () => {
  assert.deepEqual(query.correct("illiotibal", index, lunr).corrections, [["illiotibal", "iliotibial"]]);
});

test("a word that starts an indexed word is left alone, so typing is not corrected midway", () => {
  assert.deepEqual(query.correct("bulga", index, lunr).corrections, []);
});

test("words shorter than five letters and words nothing is near are left as typed", () => {
  assert.deepEqual(query.correct("brig", index, lunr).corrections, []);
  assert.deepEqual(query.correct("kettlebell", index, lunr).corrections, []);
});

test("the line under the box shows what the reader typed with the corrected words", () => {
  assert.equal(query.corrected("Glute  Brige", [["Brige", "bridge"]]), "Glute  bridge");
});

test("a word the index holds counts as itself as well as a prefix, so longer forms add less", () => {
  const separator = /[\s\-]+/;
  assert.equal(query.weigh("glute bri", index, separator), "glute^2 glute bri");
  const kneecaps = lunr(function () {
    this.ref("id");
    this.field("title");
    this.pipeline.reset(); // as Material's: no stemmer
    this.add({ id: "runners-knee", title: "knee" });
    this.add({ id: "patellar", title: "kneecap kneecaps knees" });
  });
  const search = (text) => kneecaps.search(text).map((result) => result.ref);
  assert.deepEqual(search("knee*"), ["patellar", "runners-knee"]);
  assert.deepEqual(search(query.weigh("knee", kneecaps, separator).replace(/ knee$/, " knee*")), [
    "runners-knee",
    "patellar",
  ]);
});

test("the words joined are a page's name key when a page is named by them", () => {
  const named = lunr(function () {
    this.ref("id");
    this.field("tags");
    this.pipeline.reset();
    this.add({ id: "calf-raise", tags: "calf raise raises _calfraise _calfraises" });
    this.add({ id: "seated", tags: "seated calf raise raises _seatedcalfraise" });
  });
  const separator = /[\s\-]+/;
  assert.equal(
    query.weigh("calf raises", named, separator),
    "calf^2 calf raises^2 raises _calfraises^2",
  );
  assert.equal(query.weigh("calf lift", named, separator), "calf^2 calf lift");
  assert.equal(query.weigh("+calf -raises", named, separator), "+calf -raises");
  assert.ok(query.isNameKey("_calfraises") && !query.isNameKey("calf"));
});

test("stop words are left out of a query that has other words, so 'the' finds no theraband", () => {
  const stopWords = new Set(["the", "on", "of", "my", "me"]);
  assert.equal(query.withoutStopWords("pain on the outside of the knee", stopWords), "pain outside knee");
  assert.equal(query.withoutStopWords("The  Glute Med", stopWords), "Glute Med");
  assert.equal(query.withoutStopWords("knee", stopWords), "knee");
});

test("a query made only of stop words is searched as typed", () => {
  assert.equal(query.withoutStopWords("On the  ", new Set(["on", "the"])), "On the  ");
});
