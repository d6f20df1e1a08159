// The finder's core. Its address bar: a shared link sets only values the form offers, whatever
// it holds, and a choice of filters is shared at an address that sets the same filters again.
// Its filtering, over the index the generator writes from content/: what each choice lists is
// checked against the index's rows read by the column names its schema declares, not by
// core.js's own reading of them, so a column moved on either side fails here.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  NO_EQUIPMENT, SHOWN_LENGTH, match, readAddress, readIndex, writeAddress,
} from "../../overrides/assets/javascripts/finder/core.js";
import { written } from "./written.js";

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

// ---- Filtering the real index.
const { data, schema, watched } = written("finder");
const LIMITS = [3, 5, 10, 15, 20, 30]; // the form's time options
const APPLIES = {
  exercises: ["pattern", "problem-areas", "muscles", "equipment", "level", "minutes"],
  routines: ["problem-areas", "equipment", "minutes"],
};
const index = readIndex(data);
const choose = (show, chosen, assisting = false) => {
  const values = new Map(Object.entries(chosen).map(([name, value]) => [name, String(value)]));
  return match(index, { show, values, assisting }, APPLIES[show], LIMITS);
};
const ids = (entries) => entries.map((entry) => entry.id);

// Each row by the names the schema gives its columns ("Problem Areas" -> problem_areas).
const named = (definition, row) => Object.fromEntries(schema.$defs[definition].prefixItems.map(
  (column, i) => [column.title.toLowerCase().replaceAll(" ", "_"), row[i]],
));
const facts = {
  exercises: data.exercises.map((row) => named("ExerciseRow", row)),
  routines: data.routines.map((row) => named("RoutineRow", row)),
};
const value = (filter, position) => data.values[filter][position];
const household = new Set(data.household.map((position) => value("equipment", position)));
const needs = (entry) => entry.equipment.map((position) => value("equipment", position));

// What a runner expects each option to list, worked out from the named columns.
const EXPECTED = {
  pattern: (entry, option) => value("pattern", entry.pattern) === option,
  "problem-areas": (entry, option) => entry.problem_areas.some((p) => value("problem-areas", p) === option),
  muscles: (entry, option, assisting) =>
    [...entry.primary, ...(assisting ? entry.secondary : [])].some((m) => value("muscles", m) === option),
  equipment: (entry, option) =>
    option === NO_EQUIPMENT ? needs(entry).every((e) => household.has(e)) : needs(entry).includes(option),
  level: (entry, option) => value("level", entry.level) === option,
  minutes: (entry, option) => entry.minutes !== null && entry.minutes <= Number(option),
};
const options = (filter) =>
  filter === "minutes" ? LIMITS.map(String) : [...data.values[filter], ...(filter === "equipment" ? [NO_EQUIPMENT] : [])];
const expected = (show, chosen, assisting = false) => facts[show]
  .filter((entry) => Object.entries(chosen).every(([filter, option]) => EXPECTED[filter](entry, String(option), assisting)))
  .map((entry) => entry.id);
const sorted = (list) => [...list].sort();

describe("filtering the finder's index", () => {
  test("'No equipment' lists only what needs the floor or a wall, never a bench", () => {
    assert.deepEqual([...household].sort(), ["bodyweight", "wall"]);
    for (const show of ["exercises", "routines"]) {
      const { shown } = choose(show, { equipment: NO_EQUIPMENT });
      const byId = new Map(facts[show].map((entry) => [entry.id, entry]));
      assert.ok(shown.length > 0 && shown.length < facts[show].length, show);
      for (const entry of shown) {
        assert.ok(needs(byId.get(entry.id)).every((e) => household.has(e)), `${entry.id} needs more`);
        assert.ok(!needs(byId.get(entry.id)).includes("bench"), entry.id);
      }
      assert.deepEqual(sorted(ids(shown)), sorted(expected(show, { equipment: NO_EQUIPMENT })));
    }
  });

  test("a 10-minute limit never lists a longer routine, and lists every shorter one", () => {
    const { shown } = choose("routines", { minutes: 10 });
    assert.ok(shown.every((routine) => routine.minutes <= 10));
    assert.deepEqual(sorted(ids(shown)), sorted(expected("routines", { minutes: 10 })));
    assert.ok(shown.length > 0 && facts.routines.some((routine) => routine.minutes > 10));
  });

  test("every option of every filter lists exactly the entries it names, alone", () => {
    for (const show of ["exercises", "routines"]) {
      for (const filter of APPLIES[show]) {
        for (const option of options(filter)) {
          assert.deepEqual(sorted(ids(choose(show, { [filter]: option }).shown)),
            sorted(expected(show, { [filter]: option })), `${show}: ${filter} = ${option}`);
        }
      }
    }
  });

  test("a muscle that only assists counts only when assisting muscles are included", () => {
    const assists = (entry) => entry.secondary.find((m) => !entry.primary.includes(m));
    const exercise = facts.exercises.find((entry) => assists(entry) !== undefined);
    const muscle = value("muscles", assists(exercise));
    assert.ok(!ids(choose("exercises", { muscles: muscle }).shown).includes(exercise.id));
    const withAssisting = ids(choose("exercises", { muscles: muscle }, true).shown);
    assert.ok(withAssisting.includes(exercise.id));
    assert.deepEqual(sorted(withAssisting), sorted(expected("exercises", { muscles: muscle }, true)));
  });

  test("filters combine: a beginner's no-equipment knee exercises within 5 minutes", () => {
    const chosen = { "problem-areas": "runners-knee", level: "beginner", equipment: NO_EQUIPMENT, minutes: 5 };
    const { shown } = choose("exercises", chosen);
    assert.ok(shown.length > 0);
    assert.deepEqual(sorted(ids(shown)), sorted(expected("exercises", chosen)));
  });

  test("each option's count is what choosing it would list, the other filters kept", () => {
    const chosen = { "problem-areas": "weak-hips", equipment: NO_EQUIPMENT };
    const { counts } = choose("exercises", chosen);
    for (const filter of APPLIES.exercises) {
      options(filter).forEach((option, i) => {
        const at = filter === "minutes" ? i : index.position[filter].get(option);
        const listed = choose("exercises", { ...chosen, [filter]: option }).shown.length;
        assert.equal(counts[filter][at], listed, `${filter} = ${option}`);
      });
    }
  });

  test("exercises come reviewed first, then from beginner to advanced, then by name", () => {
    const { shown } = choose("exercises", {});
    const byId = new Map(facts.exercises.map((entry) => [entry.id, entry]));
    const key = (id) => [byId.get(id).draft, byId.get(id).level];
    for (let i = 1; i < shown.length; i += 1) {
      const [before, after] = [key(shown[i - 1].id), key(shown[i].id)];
      assert.ok(before[0] < after[0] || (before[0] === after[0] && before[1] <= after[1]), shown[i].id);
      if (before[0] === after[0] && before[1] === after[1]) assert.ok(shown[i - 1].name <= shown[i].name, shown[i].id);
    }
  });

  test("a beginner with a problem area sees the problem page's order first", () => {
    data.values["problem-areas"].forEach((area, position) => {
      const recommended = data.order[position].map((row) => facts.exercises[row])
        .filter((entry) => !entry.draft && value("level", entry.level) === "beginner")
        .map((entry) => entry.id);
      const { shown } = choose("exercises", { "problem-areas": area, level: "beginner" });
      assert.deepEqual(ids(shown).slice(0, recommended.length), recommended, area);
    });
  });

  test("with a problem area chosen, each level follows the problem page's order", () => {
    const position = data.values["problem-areas"].indexOf("runners-knee");
    const place = new Map(data.order[position].map((row, i) => [facts.exercises[row].id, i]));
    const { shown } = choose("exercises", { "problem-areas": "runners-knee" });
    const levels = shown.map((entry) => entry.level[0]);
    assert.deepEqual(levels, [...levels].sort());
    for (let i = 1; i < shown.length; i += 1) {
      if (levels[i] === levels[i - 1] && !shown[i].draft) {
        assert.ok(place.get(shown[i - 1].id) < place.get(shown[i].id), shown[i].id);
      }
    }
  });
});

describe("the finder index's one declaration", () => {
  test("the finder's core reads nothing the schema does not declare", () => {
    const { data: read, undeclared } = watched();
    const seen = readIndex(read);
    for (const show of ["exercises", "routines"]) {
      for (const filter of APPLIES[show]) {
        match(seen, { show, values: new Map([[filter, options(filter)[0]]]), assisting: true }, APPLIES[show], LIMITS);
      }
    }
    match(seen, { show: "exercises", values: new Map([["problem-areas", "runners-knee"]]), assisting: false }, APPLIES.exercises, LIMITS);
    assert.deepEqual([...undeclared], []);
  });

  test("every row has the columns the schema declares, so none is read past its end", () => {
    for (const [list, definition] of [["exercises", "ExerciseRow"], ["routines", "RoutineRow"]]) {
      const columns = schema.$defs[definition].prefixItems.length;
      assert.ok(data[list].every((row) => row.length === columns), list);
    }
  });
});
