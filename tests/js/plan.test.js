// The plan builder's core, tested as a runner would judge a plan: over many runner profiles,
// every week obeys every rule in content/plan/rules.yml (checked here, independently of the
// scheduler), each session fits the minutes given, sessions vary and cover the main patterns,
// the phases build to the race, and a problem page's red flags and clearance come first.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  LAST_DATE, addDays, buildPlan, calendar, daysBetween, defaults, isDate, latestStart, nextStep,
  owned, readState, writeState,
} from "../../overrides/assets/javascripts/plan/core.js";
import { written } from "./written.js";

const { data, schema, watched } = written("plan");

const TODAY = "2026-12-02";
const START = "2026-12-07";
const DAYS = { r: "rest", e: "easy", h: "hard", l: "long", x: "race" };
const week = (codes) => [...codes].map((code) => DAYS[code]);
const race = (days) => addDays(START, days);

// Each profile is what one runner tells the planner.
const PROFILES = [
  ["beginner, three runs, knee pain, no equipment", { days: week("rererhr"), sessions: 2, minutes: 20, equipment: "none", experience: "new", problems: ["runners-knee"] }],
  ["marathoner, six runs, two hard days and a gym", { days: week("rheeehl"), sessions: 2, minutes: 45, equipment: "gym", experience: "regular", race: race(110), distance: "marathon" }],
  ["ten minutes a day", { days: week("eheerel"), sessions: 4, minutes: 10, equipment: "bands", experience: "some" }],
  ["race in 5 weeks", { days: week("rheerhl"), sessions: 2, minutes: 30, equipment: "weights", experience: "some", race: race(33), distance: "10k" }],
  ["race in 16 weeks", { days: week("rherehl"), sessions: 3, minutes: 40, equipment: "gym", experience: "regular", race: race(111), distance: "half" }],
  ["no race, twelve weeks", { days: week("rerhrel"), sessions: 2, minutes: 30, equipment: "weights", experience: "some", weeks: 12 }],
  ["bone stress injury ticked", { days: week("rheerhl"), sessions: 3, minutes: 20, equipment: "none", experience: "some", problems: ["bone-stress-injury"], race: race(60), distance: "half" }],
  ["acute hamstring strain", { days: week("rherhrl"), sessions: 2, minutes: 15, equipment: "bands", experience: "new", problems: ["hamstring-strain"] }],
  ["ankle sprain last week", { days: week("rererel"), sessions: 2, minutes: 25, equipment: "none", experience: "new", problems: ["ankle-sprain"] }],
  ["masters runner, four runs, dumbbells", { days: week("rerhrel"), sessions: 2, minutes: 35, equipment: "weights", experience: "some", problems: ["achilles-tendinopathy"] }],
  ["runs every day with two hard days", { days: week("eheehee"), sessions: 3, minutes: 30, equipment: "weights", experience: "some" }],
  ["trail runner, back-to-back long runs", { days: week("reehrll"), sessions: 2, minutes: 30, equipment: "bands", experience: "some", problems: ["weak-hips"] }],
  ["parkrun every Saturday", { days: week("rerhrxe"), sessions: 2, minutes: 30, equipment: "none", experience: "some" }],
  ["regular lifter with plyometrics, 5k in 9 weeks", { days: week("rherehr"), sessions: 3, minutes: 60, equipment: "gym", experience: "regular", race: race(62), distance: "5k" }],
  ["two problem areas, calf and ankle", { days: week("reherel"), sessions: 2, minutes: 30, equipment: "none", experience: "new", problems: ["calf-achilles", "ankle-instability"] }],
  ["no strength sessions asked for", { days: week("rerehrl"), sessions: 0, minutes: 30, equipment: "none", experience: "new" }],
  ["empty week, nothing chosen yet", {}],
  ["four sessions, ninety minutes, gym", { days: week("rhrrhrl"), sessions: 4, minutes: 90, equipment: "gym", experience: "regular" }],
  ["ultra in 14 weeks", { days: week("reehell"), sessions: 2, minutes: 40, equipment: "weights", experience: "regular", race: race(97), distance: "ultra" }],
  ["race tomorrow", { days: week("rerehrl"), sessions: 2, minutes: 30, equipment: "none", experience: "some", race: race(1), distance: "5k" }],
  ["race more than 16 weeks away", { days: week("rerehrl"), sessions: 2, minutes: 30, equipment: "bands", experience: "some", race: race(200), distance: "marathon" }],
  ["low back and patellar tendon, gym", { days: week("rheerel"), sessions: 3, minutes: 45, equipment: "gym", experience: "regular", problems: ["low-back", "patellar-tendinopathy"] }],
  ["runs twice hard in a row", { days: week("rehhrel"), sessions: 2, minutes: 30, equipment: "weights", experience: "regular" }],
];

const stateOf = (profile) => {
  const state = { ...defaults(data, TODAY), start: START, ...profile };
  state.problems = state.problems || [];
  state.cleared = [...state.problems];
  return state;
};

const allDays = (plan) => plan.weeks.flatMap((w) => w.days.map((day) => ({ ...day, week: w })));

// ---- The rules, read from the data and checked here, field by field.
const CHECKS = {
  max_per_day: (rule, { days }) => {
    const perDate = new Map();
    days.filter((d) => d.session).forEach((d) => perDate.set(d.date, (perDate.get(d.date) || 0) + 1));
    return [...perDate].filter(([, n]) => n > rule.max_per_day).map(([date]) => date);
  },
  after_the_run: (rule, { days }) => days
    .filter((d) => d.session && data.days[d.kind].runs && d.slot !== "after-run").map((d) => d.date),
  on_days: (rule, { days }) => days.filter((d) => d.session && !rule.on_days.includes(d.kind)).map((d) => d.date),
  not_before: (rule, { days }) => days.filter((d, i) => d.session && days[i + 1]
    && rule.not_before.includes(days[i + 1].kind)).map((d) => d.date),
  not_after: (rule, { days }) => days.filter((d, i) => d.session && i > 0
    && rule.not_after.includes(days[i - 1].kind) && !rule.except_on.includes(d.kind)).map((d) => d.date),
  except_on: () => [],
  clear_days_before_race: (rule, { days, plan }) => (plan.race ? days.filter((d) => d.session
    && daysBetween(d.date, plan.race) <= rule.clear_days_before_race).map((d) => d.date) : []),
  light_days_before_race: (rule, { days, plan, state }) => (plan.race ? days.filter((d) => d.session
    && daysBetween(d.date, plan.race) <= data.race_distances[state.distance].light_days
    && data.phases[d.session.phase].intensity !== "light").map((d) => d.date) : []),
  plyometrics_experience: (rule, { days, state }) => (rule.plyometrics_experience.includes(state.experience)
    ? [] : days.filter((d) => d.session && jumps(d.session)).map((d) => d.date)),
  no_plyometrics_with: (rule, { days, state }) => (state.problems.some((a) => rule.no_plyometrics_with.includes(a))
    ? days.filter((d) => d.session && jumps(d.session)).map((d) => d.date) : []),
  heavy_experience: (rule, { days, state }) => (rule.heavy_experience.includes(state.experience)
    ? [] : days.filter((d) => d.session && data.phases[d.session.phase].intensity === "heavy").map((d) => d.date)),
};
const jumps = (session) => session.items.some((item) => item.block && data.blocks[item.block]?.plyometric);
const CONSTRAINT_FIELDS = Object.keys(CHECKS);

const broken = (plan, state) => {
  const days = allDays(plan);
  return Object.entries(data.rules).flatMap(([id, rule]) => CONSTRAINT_FIELDS
    .filter((field) => rule[field] !== null && !(Array.isArray(rule[field]) && !rule[field].length))
    .flatMap((field) => CHECKS[field](rule, { days, plan, state }).map((date) => `${id} on ${date}`)));
};

const patternsOf = (session) => session.items.flatMap((item) => (item.exercise
  ? [data.exercises[item.exercise].pattern]
  : data.routines[item.routine].steps.map((step) => data.exercises[step.exercise]?.pattern)));

describe("every runner profile", () => {
  test("there are at least twenty profiles", () => assert.ok(PROFILES.length >= 20));

  test("every constraint in the rules data has a check here", () => {
    const declared = Object.keys(schema.$defs.PlanRule.properties)
      .filter((name) => !["says", "evidence"].includes(name));
    assert.deepEqual(declared.filter((name) => !CONSTRAINT_FIELDS.includes(name)), []);
  });

  PROFILES.forEach(([name, profile]) => {
    describe(name, () => {
      const state = stateOf(profile);
      const plan = buildPlan(state, data);

      test("obeys every placement rule", () => assert.deepEqual(broken(plan, state), []));

      test("keeps each session within the minutes given", () => {
        allDays(plan).filter((d) => d.session).forEach((d) => {
          assert.ok(d.session.seconds <= state.minutes * 60, `${d.date}: ${d.session.seconds} s`);
          assert.ok(d.session.items.length > 0, `${d.date} has an empty session`);
        });
      });

      test("holds as many sessions a week as asked, where the rules leave room", () => {
        plan.weeks.forEach((w) => {
          const count = w.days.filter((d) => d.session).length;
          assert.ok(count <= Math.max(state.sessions, plan.clearance.length ? 2 : 0), `week ${w.number}`);
        });
      });

      test("never repeats one session three times in a week, and covers the patterns", () => {
        plan.weeks.forEach((w) => {
          const sessions = w.days.filter((d) => d.session).map((d) => JSON.stringify(d.session.items));
          sessions.forEach((s) => assert.ok(sessions.filter((x) => x === s).length < 3, `week ${w.number}`));
          const roomy = state.sessions >= 2 && state.minutes >= 25 && !plan.clearance.length
            && ["base", "build", "peak"].includes(w.phase) && w.days.filter((d) => d.session).length >= 2;
          if (!roomy) return;
          const covered = new Set(w.days.filter((d) => d.session).flatMap((d) => patternsOf(d.session)));
          assert.ok(covered.has("squat") || covered.has("lunge"), `week ${w.number}: squat or lunge`);
          assert.ok(covered.has("hinge"), `week ${w.number}: hinge`);
          assert.ok(covered.has("lower-leg"), `week ${w.number}: calf`);
          assert.ok(covered.has("hip-isolation") || covered.has("core"), `week ${w.number}: hips or trunk`);
        });
      });

      test("moves through its phases with a lighter week every third or fourth", () => {
        if (plan.clearance.length) return;
        const every = data.progression.lighter_every[state.experience];
        let run = 0;
        plan.phases.forEach((phase) => {
          run = ["lighter", "taper"].includes(phase) ? 0 : run + 1;
          assert.ok(run < every, plan.phases.join(" "));
        });
        const order = ["base", "build", "peak", "taper"];
        const steps = plan.phases.filter((p) => p !== "lighter").map((p) => order.indexOf(p));
        steps.forEach((step, i) => assert.ok(i === 0 || step >= steps[i - 1], plan.phases.join(" ")));
        if (plan.race) {
          assert.equal(plan.phases.at(-1), "taper");
          assert.equal(allDays(plan).at(-1).date, plan.race);
        } else {
          assert.equal(plan.weeks.length, state.weeks);
        }
      });

      test("shows the page's early-stage routines only, and no hard running, while clearance is due", () => {
        const due = state.problems.filter((area) => data.problem_areas[area].clearance);
        assert.deepEqual(plan.clearance, due);
        if (!due.length) return;
        const early = due.flatMap((area) => data.problem_areas[area].early);
        allDays(plan).forEach((d) => {
          assert.ok(["rest", "easy"].includes(d.kind), `${d.date} is ${d.kind}`);
          (d.session ? d.session.items : []).forEach((item) => assert.ok(early.includes(item.routine), item.routine));
        });
      });

      test("writes one calendar event per session, its exercises and a link back", () => {
        const text = calendar(plan, data, `https://example.org/plan/?${writeState(state, data)}`, "20261201T000000Z");
        const lines = text.split("\r\n");
        assert.ok(lines.every((line) => new TextEncoder().encode(line).length <= 75));
        const unfolded = text.replace(/\r\n /g, "");
        const events = unfolded.split("BEGIN:VEVENT").slice(1);
        const sessions = allDays(plan).filter((d) => d.session);
        assert.equal(events.length, sessions.length);
        events.forEach((event, i) => {
          const day = sessions[i];
          assert.match(event, new RegExp(`DTSTART;VALUE=DATE:${day.date.replace(/-/g, "")}`));
          assert.match(event, new RegExp(`URL:https://example.org/plan/\\?.*week=${day.week.number}.*#day-${day.date}`));
          const first = day.session.items[0];
          const name = first.exercise ? data.exercises[first.exercise].name : data.routines[first.routine].name;
          assert.ok(event.replace(/\\,/g, ",").replace(/\\;/g, ";").includes(name), `${name} in ${day.date}`);
        });
      });

      test("survives the address bar unchanged", () => {
        const again = readState(writeState(state, data), data, TODAY);
        const keep = ({ week: _, ...rest }) => rest;
        assert.deepEqual(keep(again), keep({ ...state, race: state.race || "" }));
      });
    });
  });
});

describe("moving up", () => {
  test("a next step never needs equipment or a level the runner did not choose", () => {
    PROFILES.forEach(([name, profile]) => {
      const state = stateOf(profile);
      const kit = owned(state, data);
      allDays(buildPlan(state, data)).filter((d) => d.session).forEach((d) => d.session.items
        .filter((item) => item.exercise).forEach((item) => {
          const next = nextStep(item.exercise, state, data);
          if (!next) return;
          assert.ok(next.equipment.every((e) => kit.has(e)), `${name}: ${next.name}`);
          assert.ok(data.experience[state.experience].levels.includes(next.level), `${name}: ${next.name}`);
        }));
    });
  });

  test("the next step is shown once the runner has what it needs", () => {
    const squat = data.exercises["bodyweight-squat"].next;
    assert.ok(squat.equipment.length > 0, "the fixture step needs equipment");
    assert.equal(nextStep("bodyweight-squat", stateOf({ equipment: "none", experience: "new" }), data), null);
    assert.equal(nextStep("bodyweight-squat", stateOf({ equipment: "gym", experience: "new" }), data), squat);
  });
});

describe("safety before any plan", () => {
  test("a ticked area whose red flags are not confirmed gives no plan at all", () => {
    const state = { ...stateOf({ days: week("rheerhl"), problems: ["runners-knee"] }), cleared: [] };
    const plan = buildPlan(state, data);
    assert.equal(plan.blocked, true);
    assert.deepEqual(plan.weeks, []);
  });

  test("bone stress injury and acute hamstring strain ask for clearance before running", () => {
    assert.ok(data.problem_areas["bone-stress-injury"].clearance);
    assert.ok(data.problem_areas["hamstring-strain"].clearance);
  });

  test("every tier of a problem page's red flags reaches the planner", () => {
    const flags = data.problem_areas["bone-stress-injury"].red_flags;
    assert.ok(Object.values(flags).flat().some((flag) => /hopping/i.test(flag)));
    assert.ok(flags.urgent.length && flags.see_a_physio_if.length);
  });
});

describe("the address bar", () => {
  test("names that exist on every object are not choices", () => {
    const hostile = "days=rrrrrrr&pa=__proto__,constructor,toString,runners-knee&ok=hasOwnProperty,runners-knee"
      + "&eq=constructor&exp=__proto__&dist=toString&n=valueOf&min=__proto__";
    const state = readState(hostile, data, TODAY);
    assert.deepEqual(state.problems, ["runners-knee"]);
    assert.deepEqual(state.cleared, ["runners-knee"]);
    assert.equal(state.equipment, defaults(data, TODAY).equipment);
    assert.equal(state.experience, defaults(data, TODAY).experience);
    assert.equal(state.distance, defaults(data, TODAY).distance);
    assert.doesNotThrow(() => buildPlan(state, data));
  });

  test("an empty address starts from an empty week", () => {
    const state = readState("", data, TODAY);
    assert.deepEqual(state.days, Array(7).fill("rest"));
    assert.equal(state.start, START);
  });

  test("dates past the year 9999 are refused and plans stop at its last day", () => {
    assert.equal(isDate("10000-01-01"), false);
    assert.equal(isDate("2026-02-30"), false);
    assert.equal(isDate("5000-00-00"), false);
    assert.equal(isDate(LAST_DATE), true);
    const refused = readState("days=rhrrhrl&n=2&start=9999-12-20&race=10000-01-10&weeks=16", data, TODAY);
    assert.equal(refused.race, "");
    assert.equal(refused.start, START, "a start too late for the plan to end by 9999 is refused");
    const state = { ...refused, start: latestStart(data), race: LAST_DATE, distance: "marathon" };
    const plan = buildPlan(state, data);
    const dates = allDays(plan).map((d) => d.date);
    assert.ok(dates.every((date) => date <= LAST_DATE));
    assert.equal(dates.at(-1), LAST_DATE);
    const text = calendar(plan, data, "https://example.org/plan/", "20261201T000000Z");
    assert.ok([...text.matchAll(/VALUE=DATE:(\d+)/g)].every(([, date]) => date.length === 8));
  });
});

describe("the plan data's one declaration", () => {
  test("the page's core reads nothing the schema does not declare", () => {
    const { data: read, undeclared } = watched();
    PROFILES.forEach(([, profile]) => {
      const state = stateOf(profile);
      const plan = buildPlan(state, read);
      calendar(plan, read, "https://example.org/plan/", "20261201T000000Z");
      readState(writeState(state, read), read, TODAY);
    });
    assert.deepEqual([...undeclared], []);
  });
});
