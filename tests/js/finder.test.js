// The finder's address bar: a shared link sets only values the form offers, whatever it holds,
// and a choice of filters is shared at an address that sets the same filters again.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { SHOWN_LENGTH, readAddress, writeAddress } from "../../overrides/assets/javascripts/finder/core.js";

const FIELDS = new Map([
  ["show", { label: "show", options: ["exercises", "routines"] }],
  ["pattern", { label: "movement pattern", options: ["", "hinge", "squat"] }],
  ["problem-areas", { label: "problem area", options: ["", "weak-hips", "runners-knee"] }],
  ["minutes", { label: "time", options: ["", "5", "10"] }],
]);
const FILTERS = ["pattern", "problem-areas", "minutes"];
const PROTOTYPE_NAMES = [
  "constructor", "__proto__", "hasOwnProperty", "toString", "valueOf", "isPrototypeOf",
  "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "length", "prototype",
];

describe("reading a shared link", () => {
  test("known values are set and the rest keep their first option", () => {
    const read = readAddress("?show=routines&problem-areas=weak-hips&assisting=yes", FIELDS);
    assert.deepEqual([...read.values], [
      ["show", "routines"], ["pattern", ""], ["problem-areas", "weak-hips"], ["minutes", ""],
    ]);
    assert.equal(read.assisting, true);
    assert.deepEqual(read.unknown, []);
  });

  test("an unknown value is named in the notice and not applied", () => {
    const read = readAddress("?pattern=hinj&minutes=7", FIELDS);
    assert.equal(read.values.get("pattern"), "");
    assert.equal(read.values.get("minutes"), "");
    assert.deepEqual(read.unknown, ["movement pattern “hinj”", "time “7”"]);
  });

  for (const name of PROTOTYPE_NAMES) {
    test(`'${name}' is a value the finder lacks, in any parameter`, () => {
      const search = `?${[...FIELDS.keys(), name, "assisting"].map((key) => `${key}=${name}`).join("&")}`;
      const read = readAddress(search, FIELDS);
      for (const [field, { options }] of FIELDS) assert.equal(read.values.get(field), options[0]);
      assert.equal(read.unknown.length, FIELDS.size);
      assert.equal(read.assisting, false);
    });
  }

  test("a repeated parameter counts once, by its first value", () => {
    const read = readAddress("?pattern=squat&pattern=hinge&pattern=__proto__", FIELDS);
    assert.equal(read.values.get("pattern"), "squat");
    assert.deepEqual(read.unknown, []);
  });

  test("malformed percent-encoding is read, not thrown", () => {
    const read = readAddress("?pattern=%E0%A4%A&show=%&minutes=%FF%FE", FIELDS);
    assert.equal(read.values.get("show"), "exercises");
    assert.equal(read.unknown.length, 3);
  });

  test("a huge value is quoted short", () => {
    const read = readAddress(`?pattern=${"x".repeat(1_000_000)}`, FIELDS);
    assert.equal(read.unknown[0], `movement pattern “${"x".repeat(SHOWN_LENGTH)}…”`);
  });

  test("values are compared exactly: case, spaces and encoded forms are other values", () => {
    for (const value of ["Hinge", " hinge", "hinge ", "hin%67e", "hinge%00"]) {
      const read = readAddress(`?pattern=${value}`, FIELDS);
      const expected = decodeURIComponent(value) === "hinge" ? "hinge" : "";
      assert.equal(read.values.get("pattern"), expected, value);
    }
  });
});

describe("sharing a choice", () => {
  test("only the filters of the list shown go into the address", () => {
    const values = new Map([["pattern", "hinge"], ["problem-areas", "weak-hips"], ["minutes", "10"]]);
    assert.equal(
      writeAddress({ show: "routines", values, assisting: true }, ["problem-areas", "minutes"]),
      "show=routines&problem-areas=weak-hips&minutes=10",
    );
    assert.equal(writeAddress({ show: "exercises", values: new Map(), assisting: false }, FILTERS), "");
  });

  test("a shared address sets the same filters again", () => {
    const values = new Map([["show", "exercises"], ["pattern", "squat"], ["problem-areas", "runners-knee"], ["minutes", "5"]]);
    const query = writeAddress({ show: "exercises", values, assisting: true }, FILTERS);
    const read = readAddress(`?${query}`, FIELDS);
    assert.deepEqual([...read.values], [...values]);
    assert.equal(read.assisting, true);
  });
});
