// A plan session as the workout player's list of exercises (the records player/runner.js
// describes): each exercise block at the session's sets, then each step of a problem-area
// routine at its own dose. Every time comes from the plan data, so the player times the same
// changeovers, rests and side switches as the minutes the plan shows. No DOM.
import { doseText } from "./core.js";

const TIMED_LABELS = { hold: "Hold", work: "Work" };

const record = (exercise, dose, sets) => ({
  name: exercise.name,
  href: exercise.href,
  still: exercise.still,
  cue: exercise.cue,
  dose: doseText(dose, sets),
  sets,
  reps: dose.reps,
  seconds: dose.seconds_each || 0,
  timedLabel: dose.timed === null ? null : TIMED_LABELS[dose.timed],
  perSide: dose.per_side,
  rest: dose.rest_seconds,
  changeover: dose.changeover_seconds,
});

export const sessionWorkout = (session, data) => ({
  exercises: session.items.flatMap((item) => {
    if (item.routine) {
      return data.routines[item.routine].steps.map((step) => record(step, step.dose, step.dose.sets));
    }
    const exercise = data.exercises[item.exercise];
    return [record(exercise, exercise.doses[session.phase], item.sets)];
  }),
  timing: { sideSwitch: data.timing.side_switch_seconds },
});
