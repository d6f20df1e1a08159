// The workout player's session: which step a runner is on, what its clock says and what
// they have done. No DOM and no clock of its own: every change takes the time (in ms) it
// happens at, so a test drives a whole workout in a few lines. page.js draws it.
const SIDES = ["Left", "Right"];

// A routine as steps: a changeover before each exercise (getting to it and into
// position), then each set, one step per side, with a side switch inside a set and the
// rest between sets. The changeover (each exercise's own, or the timing's) and switch
// seconds are the ones the routine page's duration counts (generator/durations.py).
function plan(exercises, timing) {
  const steps = [];
  exercises.forEach((exercise, index) => {
    const sides = exercise.perSide ? SIDES : [null];
    const changeover = exercise.changeover ?? timing.changeover ?? 0;
    if (changeover > 0) {
      steps.push({ kind: "rest", reason: index === 0 ? "ready" : "next", exercise: index, set: 1, side: sides[0], seconds: changeover });
    }
    for (let set = 1; set <= exercise.sets; set += 1) {
      sides.forEach((side, turn) => {
        if (turn > 0 && timing.sideSwitch > 0) {
          steps.push({ kind: "rest", reason: "side", exercise: index, set, side, seconds: timing.sideSwitch });
        }
        steps.push({ kind: "work", exercise: index, set, side, seconds: exercise.seconds || 0 });
      });
      if (set < exercise.sets && exercise.rest > 0) {
        steps.push({ kind: "rest", reason: "set", exercise: index, set: set + 1, side: sides[0], seconds: exercise.rest });
      }
    }
  });
  return steps;
}

function start(exercises, timing, now) {
  const session = {
    exercises, steps: plan(exercises, timing), index: 0, done: [],
    startedAt: now, stepStartedAt: now, pausedAt: null, pausedMs: 0, stepPausedMs: 0,
    finishedAt: null, changedBy: "runner",
  };
  return session;
}

function enter(session, index, at, changedBy) {
  if (index >= session.steps.length) {
    return { ...session, index: session.steps.length, finishedAt: at, changedBy };
  }
  return { ...session, index, stepStartedAt: at, stepPausedMs: 0, changedBy };
}

function current(session) {
  return session.steps[session.index] || null;
}

function elapsedInStep(session, now) {
  const upTo = session.pausedAt === null ? now : session.pausedAt;
  return upTo - session.stepStartedAt - session.stepPausedMs;
}

// Whole seconds left on a timed step (rest, hold, timed work); null when the step is
// counted in repetitions and ends when the runner says so.
function remaining(session, now) {
  const step = current(session);
  if (!step || !step.seconds) return null;
  return Math.max(0, Math.ceil((step.seconds * 1000 - elapsedInStep(session, now)) / 1000));
}

function markDone(session) {
  const step = current(session);
  if (!step || step.kind !== "work" || session.done.includes(session.index)) return session.done;
  return [...session.done, session.index];
}

// Let time pass: every timed step whose time is up ends, and the next starts where it
// ended, so a phone that slept through a rest is on the right step when it wakes.
function tick(session, now) {
  let next = session;
  while (next.finishedAt === null && next.pausedAt === null) {
    const step = current(next);
    if (!step.seconds || elapsedInStep(next, now) < step.seconds * 1000) break;
    const endedAt = next.stepStartedAt + next.stepPausedMs + step.seconds * 1000;
    next = enter({ ...next, done: markDone(next) }, next.index + 1, endedAt, "timer");
  }
  return next;
}

// "Done" on a set, or "Skip rest" on a rest: the step ends now.
function advance(session, now) {
  if (session.finishedAt !== null) return session;
  const running = resume(session, now);
  return enter({ ...running, done: markDone(running) }, running.index + 1, now, "runner");
}

// Leave the exercise on screen (or the one a changeover leads to) for the next one.
function skip(session, now) {
  if (session.finishedAt !== null) return session;
  const running = resume(session, now);
  const exercise = current(running).exercise;
  let index = running.index;
  while (index < running.steps.length && running.steps[index].exercise === exercise) index += 1;
  return enter(running, index, now, "runner");
}

// Back to the last set worked (or the first), to do it again.
function back(session, now) {
  if (session.finishedAt !== null) return session;
  const running = resume(session, now);
  let index = running.index - 1;
  while (index > 0 && running.steps[index].kind !== "work") index -= 1;
  index = Math.max(0, index);
  return enter({ ...running, done: running.done.filter((done) => done < index) }, index, now, "runner");
}

function pause(session, now) {
  if (session.finishedAt !== null || session.pausedAt !== null) return session;
  return { ...session, pausedAt: now };
}

function resume(session, now) {
  if (session.pausedAt === null) return session;
  const paused = now - session.pausedAt;
  return { ...session, pausedAt: null, pausedMs: session.pausedMs + paused, stepPausedMs: session.stepPausedMs + paused };
}

function finish(session, now) {
  if (session.finishedAt !== null) return session;
  return { ...resume(session, now), finishedAt: now, changedBy: "runner" };
}

// What the runner did: time on the clock without pauses, and sets with every side done.
function summary(session, now) {
  const end = session.finishedAt === null ? now : session.finishedAt;
  const pausedNow = session.pausedAt === null ? 0 : end - session.pausedAt;
  const sets = new Map();
  session.steps.forEach((step, index) => {
    if (step.kind !== "work") return;
    const key = `${step.exercise}/${step.set}`;
    const done = session.done.includes(index);
    sets.set(key, (sets.has(key) ? sets.get(key) : true) && done);
  });
  const doneSets = [...sets].filter(([, done]) => done).map(([key]) => Number(key.split("/")[0]));
  return {
    seconds: Math.max(0, Math.round((end - session.startedAt - session.pausedMs - pausedNow) / 1000)),
    setsDone: doneSets.length,
    setsPlanned: sets.size,
    exercisesDone: new Set(doneSets).size,
    exercisesPlanned: session.exercises.length,
  };
}

function clock(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// The step as a runner reads it; page.js only places these texts.
function view(session, now) {
  const step = current(session);
  if (!step || session.finishedAt !== null) return { kind: "summary", ...summary(session, now) };
  const exercise = session.exercises[step.exercise];
  const left = remaining(session, now);
  const shown = {
    kind: step.kind, reason: step.reason || null, exercise: step.exercise,
    name: exercise.name, progress: `Exercise ${step.exercise + 1} of ${session.exercises.length}`,
    set: `Set ${step.set} of ${exercise.sets}`, side: step.side ? `${step.side} side` : "",
    remaining: left, clock: left === null ? "" : clock(left), paused: session.pausedAt !== null,
  };
  if (step.kind === "work") {
    shown.target = exercise.reps ? plural(exercise.reps, "rep") : `${exercise.timedLabel || "Hold"} ${clock(exercise.seconds)}`;
    shown.heading = exercise.name;
  } else if (step.reason === "side") {
    shown.heading = `Switch to the ${step.side.toLowerCase()} side`;
  } else if (step.reason === "set") {
    shown.heading = "Rest";
  } else {
    shown.heading = step.reason === "ready" ? "Get ready" : "Next exercise";
  }
  return shown;
}

// What a screen reader hears: each new step in one sentence, then the last three
// seconds of a timer. Returns null when nothing new is worth saying.
function announcement(before, after) {
  if (after.kind === "summary") {
    return before.kind === "summary" ? null : `Workout finished: ${after.setsDone} of ${after.setsPlanned} sets done in ${clock(after.seconds)}.`;
  }
  const sameStep = before.kind === after.kind && before.exercise === after.exercise
    && before.set === after.set && before.side === after.side && before.reason === after.reason;
  if (!sameStep) {
    const where = [after.set, after.side].filter(Boolean).join(", ");
    if (after.kind === "work") return `${after.name}. ${where}. ${after.target}.`;
    if (after.reason === "side") return `${after.heading}: ${after.remaining} seconds.`;
    if (after.reason === "set") return `Rest ${after.remaining} seconds. Then ${after.name}, ${where}.`;
    return `${after.heading}: ${after.name}, in ${after.remaining} seconds.`;
  }
  if (after.remaining !== null && after.remaining !== before.remaining && after.remaining >= 1 && after.remaining <= 3 && !after.paused) {
    return String(after.remaining);
  }
  return null;
}

export { plan, start, tick, advance, skip, back, pause, resume, finish, remaining, summary, view, announcement, clock };
