// A plan session played in the workout player: the player's clock comes to the minutes the
// plan shows for the session (both from generator/durations.py, through the plan data), and
// the player gets each exercise's sets, sides, rests and cue as the plan states them.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { buildPlan, readState } from "../../overrides/assets/javascripts/plan/core.js";
import { sessionWorkout } from "../../overrides/assets/javascripts/plan/workout.js";
import { plan as playerSteps } from "../../overrides/assets/javascripts/player/core.js";
import { written } from "./written.js";

const { data, watched } = written("plan");

const TODAY = "2026-12-02";
// Runners as the address bar states them: weights and a race, a gym and plyometrics, problem
// areas with their routines, and an injury that allows only early-stage routines.
const RUNNERS = [
  "days=rheeehl&n=2&min=45&eq=gym&exp=regular&start=2026-11-30&race=2027-03-21&dist=marathon",
  "days=rererhr&n=2&min=20&eq=none&exp=new&start=2026-11-30&weeks=12&pa=runners-knee&ok=runners-knee",
  "days=rheerhl&n=3&min=20&eq=none&exp=some&start=2026-11-30&weeks=8&pa=bone-stress-injury&ok=bone-stress-injury",
  "days=rherehr&n=3&min=60&eq=gym&exp=regular&start=2026-11-30&race=2027-02-01&dist=5k",
  "days=reherel&n=2&min=30&eq=none&exp=new&start=2026-11-30&pa=calf-achilles,ankle-instability&ok=calf-achilles,ankle-instability",
  "days=eheerel&n=4&min=10&eq=bands&exp=some&start=2026-11-30",
];

const sessionsOf = (query, source = data) => buildPlan(readState(query, source, TODAY), source)
  .weeks.flatMap((week) => week.days.filter((day) => day.session).map((day) => day.session));

// The seconds a runner spends when each repetition takes the time the guide counts for it:
// the player's timed steps (changeovers, side switches, rests, holds) as it times them, plus
// the sets of repetitions, which end when the runner says so.
const playedSeconds = (workout) => playerSteps(workout.exercises, workout.timing)
  .reduce((sum, step) => {
    const exercise = workout.exercises[step.exercise];
    const counted = step.kind === "work" && !step.seconds;
    return sum + (counted ? exercise.reps * data.timing.seconds_per_rep : step.seconds);
  }, 0);

describe("a plan session in the workout player", () => {
  test("every session of every runner plays for the minutes the plan shows", () => {
    let played = 0;
    RUNNERS.forEach((query) => sessionsOf(query).forEach((session) => {
      const seconds = playedSeconds(sessionWorkout(session, data));
      assert.equal(seconds, session.seconds, `${query}: session ${session.letter} (${session.phase})`);
      assert.equal(Math.ceil(seconds / 60), session.minutes);
      played += 1;
    }));
    assert.ok(played > 50, "the runners' plans hold many sessions");
  });

  test("each exercise at each phase's dose and number of sets plays for its planned time", () => {
    Object.entries(data.exercises).forEach(([id, exercise]) => {
      Object.entries(exercise.doses).forEach(([phase, dose]) => {
        dose.seconds.forEach((seconds, index) => {
          const session = { phase, items: [{ block: "core", exercise: id, sets: index + 1 }] };
          assert.equal(playedSeconds(sessionWorkout(session, data)), seconds, `${id}, ${phase}, ${index + 1} sets`);
        });
      });
    });
  });

  test("each routine a problem area offers plays for the time the plan counts for it", () => {
    const offered = new Set(Object.values(data.problem_areas).flatMap((area) => area.routines));
    offered.forEach((id) => {
      const session = { phase: "base", items: [{ block: "problem-area", routine: id }] };
      assert.equal(playedSeconds(sessionWorkout(session, data)), data.routines[id].seconds, id);
    });
  });

  test("the player gets each exercise's sets, sides, rest and cue as the plan states them", () => {
    const sessions = RUNNERS.flatMap((query) => sessionsOf(query));
    const mixed = sessions.find((session) => session.items.some((item) => item.routine)
      && session.items.some((item) => item.exercise));
    assert.ok(mixed, "some session holds both exercises and a routine");
    const { exercises, timing } = sessionWorkout(mixed, data);
    assert.equal(timing.sideSwitch, data.timing.side_switch_seconds);
    const expected = mixed.items.flatMap((item) => (item.routine
      ? data.routines[item.routine].steps.map((step) => [step.name, step.dose.sets, step.dose.per_side])
      : [[data.exercises[item.exercise].name, item.sets, data.exercises[item.exercise].doses[mixed.phase].per_side]]));
    assert.deepEqual(exercises.map((e) => [e.name, e.sets, e.perSide]), expected);
    exercises.forEach((exercise) => {
      assert.ok(exercise.cue.length > 0, `${exercise.name} has a cue`);
      assert.ok(exercise.href && exercise.still, `${exercise.name} has its page and still`);
      assert.ok(exercise.dose.startsWith(`${exercise.sets} × `), exercise.dose);
      assert.equal(exercise.reps === null, exercise.seconds > 0, `${exercise.name}: repetitions or a timer`);
      if (exercise.seconds) assert.match(exercise.timedLabel, /^(Hold|Work)$/);
    });
  });

  test("reads nothing the plan data's schema does not declare", () => {
    const { data: read, undeclared } = watched();
    RUNNERS.forEach((query) => sessionsOf(query, read).forEach((session) => sessionWorkout(session, read)));
    assert.deepEqual([...undeclared], []);
  });
});
