// The workout player's session, driven by a clock the test holds.
import assert from "node:assert/strict";
import test from "node:test";
import * as player from "../../overrides/assets/javascripts/player/core.js";

const TIMING = { changeover: 15, sideSwitch: 5 };
const BRIDGE = { name: "Glute bridge", sets: 2, reps: 12, seconds: 0, perSide: false, rest: 30 };
const PLANK = { name: "Side plank", sets: 2, reps: null, seconds: 20, timedLabel: "Hold", perSide: true, rest: 10 };
const S = 1000;

test("a routine becomes a changeover, then each set and side with rests between", () => {
  const steps = player.plan([BRIDGE, PLANK], TIMING);
  const described = steps.map((s) => `${s.kind}:${s.reason || ""}:${s.exercise}:${s.set}:${s.side || ""}:${s.seconds}`);
  assert.deepEqual(described, [
    "rest:ready:0:1::15", "work::0:1::0", "rest:set:0:2::30", "work::0:2::0",
    "rest:next:1:1:Left:15", "work::1:1:Left:20", "rest:side:1:1:Right:5", "work::1:1:Right:20",
    "rest:set:1:2:Left:10", "work::1:2:Left:20", "rest:side:1:2:Right:5", "work::1:2:Right:20",
  ]);
});

test("rests and holds end by themselves; a set of repetitions waits for Done", () => {
  let s = player.start([BRIDGE], TIMING, 0);
  assert.equal(player.view(s, 0).heading, "Get ready");
  assert.equal(player.view(s, 4 * S).clock, "0:11");
  s = player.tick(s, 15 * S);
  assert.equal(s.changedBy, "timer");
  let shown = player.view(s, 15 * S);
  assert.equal(shown.kind, "work");
  assert.equal(shown.set, "Set 1 of 2");
  assert.equal(shown.target, "12 reps");
  s = player.tick(s, 500 * S);
  assert.equal(player.view(s, 500 * S).kind, "work", "repetitions are not timed");
  s = player.advance(s, 500 * S);
  shown = player.view(s, 500 * S);
  assert.equal(shown.heading, "Rest");
  assert.equal(shown.set, "Set 2 of 2");
  assert.equal(shown.remaining, 30);
  s = player.tick(s, 530 * S);
  assert.equal(player.view(s, 530 * S).set, "Set 2 of 2");
  assert.equal(player.view(s, 530 * S).kind, "work");
});

test("a one-sided hold counts each side and the switch between them", () => {
  let s = player.start([PLANK], TIMING, 0);
  s = player.tick(s, 15 * S);
  let shown = player.view(s, 15 * S);
  assert.equal(shown.side, "Left side");
  assert.equal(shown.target, "Hold 0:20");
  assert.equal(shown.remaining, 20);
  s = player.tick(s, 35 * S);
  shown = player.view(s, 35 * S);
  assert.equal(shown.heading, "Switch to the right side");
  s = player.tick(s, 40 * S);
  assert.equal(player.view(s, 40 * S).side, "Right side");
  s = player.tick(s, 60 * S + 10 * S + 20 * S + 5 * S + 20 * S);
  const done = player.view(s, 200 * S);
  assert.equal(done.kind, "summary");
  assert.equal(done.setsDone, 2);
  assert.equal(done.setsPlanned, 2);
  assert.equal(done.seconds, 115, "the workout ended when the last hold did");
});

test("a phone that slept through several steps wakes on the right one", () => {
  let s = player.start([PLANK], TIMING, 0);
  s = player.tick(s, 41 * S);
  const shown = player.view(s, 41 * S);
  assert.equal(shown.side, "Right side");
  assert.equal(shown.remaining, 19);
});

test("pause stops the clock and resume carries on where it stopped", () => {
  let s = player.start([PLANK], TIMING, 0);
  s = player.tick(s, 15 * S);
  s = player.pause(s, 20 * S);
  s = player.tick(s, 300 * S);
  let shown = player.view(s, 300 * S);
  assert.equal(shown.paused, true);
  assert.equal(shown.remaining, 15);
  s = player.resume(s, 300 * S);
  assert.equal(player.view(s, 310 * S).remaining, 5);
  s = player.finish(s, 310 * S);
  assert.equal(player.summary(s, 999 * S).seconds, 30, "the pause is not counted");
});

test("skip leaves the exercise, back returns to the last set worked", () => {
  let s = player.start([BRIDGE, PLANK], TIMING, 0);
  s = player.advance(s, 1 * S);
  s = player.advance(s, 2 * S);
  assert.equal(player.view(s, 2 * S).heading, "Rest");
  s = player.back(s, 3 * S);
  let shown = player.view(s, 3 * S);
  assert.equal(shown.kind, "work");
  assert.equal(shown.set, "Set 1 of 2");
  assert.equal(s.done.length, 0, "the set to redo is no longer counted");
  s = player.skip(s, 4 * S);
  shown = player.view(s, 4 * S);
  assert.equal(shown.heading, "Next exercise");
  assert.equal(shown.name, "Side plank");
  s = player.finish(s, 10 * S);
  const summary = player.summary(s, 10 * S);
  assert.deepEqual([summary.setsDone, summary.setsPlanned, summary.exercisesDone], [0, 4, 0]);
});

test("a set of a one-sided exercise counts once both sides are done", () => {
  let s = player.start([PLANK], TIMING, 0);
  s = player.advance(s, 0);
  s = player.advance(s, 1 * S);
  const halfway = player.summary(s, 1 * S);
  assert.equal(halfway.setsDone, 0);
  s = player.advance(s, 2 * S);
  s = player.advance(s, 3 * S);
  assert.equal(player.summary(s, 3 * S).setsDone, 1);
});

test("a screen reader hears each new step and the last three seconds only", () => {
  let s = player.start([BRIDGE, PLANK], TIMING, 0);
  const heard = [];
  let before = player.view(s, 0);
  for (let t = 0; t <= 16; t += 1) {
    s = player.tick(s, t * S);
    const after = player.view(s, t * S);
    const said = player.announcement(before, after);
    if (said) heard.push(said);
    before = after;
  }
  assert.deepEqual(heard, ["3", "2", "1", "Glute bridge. Set 1 of 2. 12 reps."]);
  s = player.finish(s, 20 * S);
  assert.match(player.announcement(before, player.view(s, 20 * S)), /^Workout finished: 0 of 4 sets done in 0:20\.$/);
});

test("each exercise starts after its own changeover: loading a bar takes longer than a band", () => {
  const squat = { ...BRIDGE, name: "Back squat", changeover: 120 };
  const steps = player.plan([BRIDGE, squat], TIMING);
  const before = steps.filter((s) => s.reason === "ready" || s.reason === "next").map((s) => s.seconds);
  assert.deepEqual(before, [15, 120]);
});
