// The plan builder without a page: dates, the address-bar codec, the placement rules, the
// scheduler, the programme builder and the calendar writer. Everything here is a plain function
// of the runner's choices and the plan data (written by generator/plan/data.py, whose
// PlanData declares its format); nothing touches the DOM, so `node --test` can run it.

// ---- Dates: plain YYYY-MM-DD strings counted in UTC, so time zones never shift a day.
export const LAST_DATE = "9999-12-31";
const DAY_MS = 86400000;
const toDate = (text) => new Date(`${text}T00:00:00Z`);
const toText = (date) => date.toISOString().slice(0, 10);
export const isDate = (text) => typeof text === "string"
  && /^\d{4}-\d{2}-\d{2}$/.test(text) && text >= "1900-01-01" && text <= LAST_DATE
  && !Number.isNaN(toDate(text).getTime()) && toText(toDate(text)) === text;
export const addDays = (text, days) => {
  const time = toDate(text).getTime() + days * DAY_MS;
  return time > toDate(LAST_DATE).getTime() ? null : toText(new Date(time));
};
export const daysBetween = (from, to) => Math.round((toDate(to) - toDate(from)) / DAY_MS);
export const weekday = (text) => (toDate(text).getUTCDay() + 6) % 7;
export const nextMonday = (today) => addDays(today, (7 - weekday(today)) % 7 || 7);

const own = (object, key) => typeof key === "string" && Object.hasOwn(object, key);

// ---- The runner's choices <-> the address bar. Every value is checked against the data, by
// own property only, so '?pa=__proto__' or '?eq=constructor' is simply not a choice.
export const defaults = (data, today) => ({
  days: Array(7).fill("rest"),
  sessions: data.sessions.default,
  minutes: data.sessions.minutes_default,
  equipment: Object.keys(data.equipment)[0],
  experience: Object.keys(data.experience)[0],
  race: "",
  distance: Object.keys(data.race_distances)[0],
  weeks: data.progression.weeks,
  start: nextMonday(today),
  problems: [],
  cleared: [],
  week: 1,
});

const clampInt = (text, low, high, fallback) => {
  const number = /^\d{1,4}$/.test(text || "") ? Number(text) : NaN;
  return Number.isFinite(number) ? Math.min(high, Math.max(low, number)) : fallback;
};

// The last day a plan may start, so that even the longest plan ends within the year 9999.
export const latestStart = (data) => addDays(LAST_DATE, -7 * data.progression.longest);

export const readState = (query, data, today) => {
  const params = new URLSearchParams(query);
  const start = defaults(data, today);
  const byCode = new Map(Object.entries(data.days).map(([kind, day]) => [day.code, kind]));
  const days = [...(params.get("days") || "")].map((code) => byCode.get(code));
  const list = (name, known) => [...new Set((params.get(name) || "").split(","))]
    .filter((id) => own(known, id));
  const choice = (name, known, fallback) => (own(known, params.get(name)) ? params.get(name) : fallback);
  const problems = list("pa", data.problem_areas);
  return {
    days: days.length === 7 && days.every(Boolean) ? days : start.days,
    sessions: clampInt(params.get("n"), 0, data.sessions.most, start.sessions),
    minutes: clampInt(params.get("min"), data.sessions.minutes_least, data.sessions.minutes_most,
      start.minutes),
    equipment: choice("eq", data.equipment, start.equipment),
    experience: choice("exp", data.experience, start.experience),
    race: isDate(params.get("race")) ? params.get("race") : "",
    distance: choice("dist", data.race_distances, start.distance),
    weeks: clampInt(params.get("weeks"), data.progression.shortest, data.progression.longest,
      start.weeks),
    start: isDate(params.get("start")) && params.get("start") <= latestStart(data)
      ? params.get("start") : start.start,
    problems,
    cleared: list("ok", data.problem_areas).filter((id) => problems.includes(id)),
    week: clampInt(params.get("week"), 1, data.progression.longest, 1),
  };
};

export const writeState = (state, data) => {
  const params = new URLSearchParams({
    days: state.days.map((kind) => data.days[kind].code).join(""),
    n: state.sessions, min: state.minutes, eq: state.equipment, exp: state.experience,
    start: state.start, weeks: state.weeks, dist: state.distance,
  });
  if (state.race) params.set("race", state.race);
  if (state.problems.length) params.set("pa", state.problems.join(","));
  if (state.cleared.length) params.set("ok", state.cleared.join(","));
  if (state.week > 1) params.set("week", state.week);
  return params.toString();
};

// ---- The calendar of days: each date's kind of day, from the runner's week and race date.
const timeline = (state, data, notices) => {
  let { start } = state;
  let length = state.weeks * 7;
  let race = null;
  if (state.race && state.race < start) {
    notices.push("Your race date is before the plan starts, so the plan does not build to it.");
  } else if (state.race) {
    const longest = data.progression.longest * 7;
    const until = daysBetween(start, state.race) + 1;
    if (until > longest) {
      start = addDays(state.race, 1 - longest);
      notices.push(`Your race is more than ${data.progression.longest} weeks away, so the plan starts on ${start}; until then, keep to your usual week.`);
    }
    race = state.race;
    length = Math.ceil((daysBetween(start, race) + 1) / 7) * 7;
  }
  const dates = [];
  for (let i = 0; i < length; i += 1) {
    const date = addDays(start, i);
    if (!date || (race && date > race)) break;
    const kind = date === race ? "race" : state.days[weekday(date)];
    dates.push({ date, kind });
  }
  return { start, race, dates };
};

// ---- Phases: base, build, peak and taper keyed to the race date, a lighter week every third
// or fourth; without a race, a repeating block that ends in a lighter week.
export const phasesFor = (weeks, hasRace, experience, data) => {
  const every = data.progression.lighter_every[experience];
  const phases = [];
  if (hasRace) {
    const before = weeks - 1;
    const peak = before >= data.progression.peak_weeks + 2 ? data.progression.peak_weeks : 0;
    const base = Math.max(before > 0 ? 1 : 0, Math.round((before - peak) * data.progression.base_percent / 100));
    for (let i = 0; i < weeks; i += 1) {
      if (i === weeks - 1) phases.push("taper");
      else if (i < base) phases.push("base");
      else if (i < before - peak) phases.push("build");
      else phases.push("peak");
    }
  } else {
    for (let i = 0; i < weeks; i += 1) phases.push(i < every ? "base" : "build");
  }
  return phases.map((phase, i) => ((i + 1) % every === 0 && phase !== "taper" ? "lighter" : phase));
};

// ---- The placement rules, evaluated as written in content/plan/rules.yml.
const rulesWith = (data, field) => Object.values(data.rules).filter((rule) => rule[field] !== null);

// Whether a strength session may go on dates[i], by every day rule in the data.
export const dayAllowed = (dates, i, race, data) => {
  const kind = dates[i].kind;
  const before = i > 0 ? dates[i - 1].kind : null;
  const after = i + 1 < dates.length ? dates[i + 1].kind : null;
  return Object.values(data.rules).every((rule) => {
    if (rule.on_days && !rule.on_days.includes(kind)) return false;
    if (rule.not_before && after && rule.not_before.includes(after)) return false;
    if (rule.not_after && before && rule.not_after.includes(before)
      && !rule.except_on.includes(kind)) return false;
    if (rule.clear_days_before_race !== null && race) {
      const until = daysBetween(dates[i].date, race);
      if (until >= 0 && until <= rule.clear_days_before_race) return false;
    }
    return true;
  });
};

const combinations = (items, size) => {
  if (size === 0) return [[]];
  if (items.length < size) return [];
  const [first, ...rest] = items;
  return [...combinations(rest, size - 1).map((c) => [first, ...c]), ...combinations(rest, size)];
};

// The best days of one week for `count` sessions: allowed by every rule, preferred kinds of
// day first, spread out rather than back to back.
export const chooseDays = (dates, indexes, count, race, data) => {
  const free = indexes.filter((i) => dayAllowed(dates, i, race, data));
  const prefer = data.sessions.prefer_days;
  for (let size = Math.min(count, free.length); size > 0; size -= 1) {
    let best = null;
    combinations(free, size).forEach((chosen) => {
      let score = chosen.reduce((sum, i) => sum + prefer.indexOf(dates[i].kind) + 1, 0);
      chosen.forEach((i, n) => {
        const next = n + 1 < chosen.length ? chosen[n + 1] : chosen[0] + 7;
        const gap = next - i;
        if (gap <= 1) score += 20;
        else if (gap === 2 && size < 4) score += 1;
      });
      if (!best || score < best.score) best = { score, chosen };
    });
    if (best) return best.chosen;
  }
  return [];
};

// ---- The programme: which exercises, at which dose, within the runner's minutes.
const LEVELS = ["beginner", "intermediate", "advanced"];
export const owned = (state, data) => new Set([
  ...data.always_available, ...data.equipment[state.equipment].equipment]);

export const jumpsAllowed = (state, data) => rulesWith(data, "plyometrics_experience")
  .every((rule) => rule.plyometrics_experience.includes(state.experience))
  && rulesWith(data, "no_plyometrics_with")
    .every((rule) => !state.problems.some((area) => rule.no_plyometrics_with.includes(area)));

const heavyAllowed = (state, data) => rulesWith(data, "heavy_experience")
  .every((rule) => rule.heavy_experience.includes(state.experience));

// The exercises for one block and session letter, best first: the runner's preferred level,
// then exercises using the equipment they have, then those for their problem areas.
export const rankExercises = (block, letter, state, data) => {
  const kit = owned(state, data);
  const levels = data.experience[state.experience].levels;
  return block.exercises[letter.toLowerCase()]
    .filter((id) => {
      const exercise = data.exercises[id];
      return exercise.equipment.every((item) => kit.has(item)) && levels.includes(exercise.level);
    })
    .map((id) => {
      const exercise = data.exercises[id];
      const level = block.easiest_first ? LEVELS.indexOf(exercise.level) : levels.indexOf(exercise.level);
      return {
        id,
        rank: [level, exercise.loaded ? 0 : 1,
          -exercise.problem_areas.filter((area) => state.cleared.includes(area)).length],
        equipment: exercise.equipment.length,
      };
    })
    .sort((x, y) => x.rank[0] - y.rank[0] || x.rank[1] - y.rank[1] || x.rank[2] - y.rank[2]
      || y.equipment - x.equipment || (x.id < y.id ? -1 : 1))
    .map((entry) => entry.id);
};

const routineFits = (id, state, data, seconds) => {
  const routine = data.routines[id];
  const kit = owned(state, data);
  return routine.equipment.every((item) => kit.has(item))
    && data.experience[state.experience].levels.includes(routine.level)
    && routine.minutes * 60 <= seconds;
};

const routineSeconds = (routine) => routine.seconds;

// One session: blocks filled in priority order, first with up to two sets each so that a short
// session still covers every block it can, then topped up towards each dose's full sets.
export const buildSession = (letter, phase, state, data, budgetSeconds) => {
  const chosen = [];
  let left = budgetSeconds;
  const jumps = jumpsAllowed(state, data) && data.phases[phase].plyometrics;
  const usedRoutines = new Set();
  const usedExercises = new Set();
  data.priority.forEach((blockId) => {
    if (blockId === "problem-area") {
      state.cleared.forEach((area) => {
        const pick = data.problem_areas[area].routines
          .find((id) => !usedRoutines.has(id) && routineFits(id, state, data, left));
        if (!pick) return;
        const seconds = routineSeconds(data.routines[pick]);
        if (seconds > left) return;
        usedRoutines.add(pick);
        data.routines[pick].steps.forEach((step) => usedExercises.add(step.exercise));
        left -= seconds;
        chosen.push({ block: "problem-area", area, routine: pick, seconds });
      });
      return;
    }
    const block = data.blocks[blockId];
    if (block.plyometric && !jumps) return;
    const ranked = rankExercises(block, letter, state, data).filter((id) => !usedExercises.has(id));
    const shared = block.a.join() === block.b.join();
    const rank = block.pick - 1 + (shared && letter === "B" ? 1 : 0);
    const pick = ranked[Math.min(rank, ranked.length - 1)];
    if (!pick) return;
    const dose = data.exercises[pick].doses[phase];
    const sets = Math.min(2, dose.sets);
    if (dose.seconds[sets - 1] > left) {
      if (dose.seconds[0] > left) return;
      left -= dose.seconds[0];
      usedExercises.add(pick);
      chosen.push({ block: blockId, exercise: pick, sets: 1, seconds: dose.seconds[0] });
      return;
    }
    left -= dose.seconds[sets - 1];
    usedExercises.add(pick);
    chosen.push({ block: blockId, exercise: pick, sets, seconds: dose.seconds[sets - 1] });
  });
  chosen.forEach((item) => {
    if (!item.exercise) return;
    const dose = data.exercises[item.exercise].doses[phase];
    while (item.sets < dose.sets && dose.seconds[item.sets] - item.seconds <= left) {
      left -= dose.seconds[item.sets] - item.seconds;
      item.seconds = dose.seconds[item.sets];
      item.sets += 1;
    }
  });
  const order = [...Object.keys(data.blocks), "problem-area"];
  chosen.sort((x, y) => order.indexOf(x.block) - order.indexOf(y.block));
  const seconds = chosen.reduce((sum, item) => sum + item.seconds, 0);
  return { letter, phase, items: chosen, seconds, minutes: Math.ceil(seconds / 60) };
};

// A session of a problem area's early-stage routine, for runners waiting to be cleared.
const earlySession = (letter, phase, state, data, budgetSeconds) => {
  const areas = state.problems.filter((area) => data.problem_areas[area].clearance);
  const items = [];
  let left = budgetSeconds;
  areas.forEach((area) => {
    const early = data.problem_areas[area].early;
    const fitting = early.filter((id) => routineSeconds(data.routines[id]) <= left);
    if (!fitting.length) return;
    const pick = fitting[(letter === "B" ? 1 : 0) % fitting.length];
    const seconds = routineSeconds(data.routines[pick]);
    left -= seconds;
    items.push({ block: "problem-area", area, routine: pick, seconds });
  });
  const seconds = items.reduce((sum, item) => sum + item.seconds, 0);
  return { letter, phase, items, seconds, minutes: Math.ceil(seconds / 60), early: true };
};

// ---- The whole plan.
export const buildPlan = (state, data) => {
  const notices = [];
  const unconfirmed = state.problems.filter((area) => !state.cleared.includes(area));
  if (unconfirmed.length) return { blocked: true, unconfirmed, notices, weeks: [] };
  const clearance = state.problems.filter((area) => data.problem_areas[area].clearance);
  const { start, race, dates } = timeline(state, data, notices);
  if (clearance.length) {
    dates.forEach((day) => {
      if (day.kind !== "rest" && day.kind !== "easy") {
        day.planned = day.kind;
        day.kind = "easy";
      }
    });
  }
  const weekCount = Math.ceil(dates.length / 7);
  const phases = clearance.length ? Array(weekCount).fill("base")
    : phasesFor(weekCount, Boolean(race), state.experience, data);
  const heavy = heavyAllowed(state, data);
  const light = race && rulesWith(data, "light_days_before_race").length
    ? data.race_distances[state.distance].light_days : -1;
  const count = clearance.length ? Math.max(state.sessions, 2) : state.sessions;
  const budget = state.minutes * 60;
  let sessionNumber = 0;
  let short = 0;
  const weeks = [];
  for (let w = 0; w < weekCount; w += 1) {
    const indexes = [];
    for (let i = w * 7; i < Math.min(dates.length, w * 7 + 7); i += 1) indexes.push(i);
    const chosen = count ? chooseDays(dates, indexes, count, race, data) : [];
    const raceWeek = race && indexes.some((i) => dates[i].date === race);
    if (chosen.length < count && !raceWeek) short += 1;
    const phase = phases[w] === "peak" && !heavy ? "build" : phases[w];
    chosen.forEach((i) => {
      const letter = sessionNumber % 2 === 0 ? "A" : "B";
      sessionNumber += 1;
      const untilRace = race ? daysBetween(dates[i].date, race) : -1;
      const dosePhase = untilRace >= 0 && untilRace <= light ? "taper" : phase;
      dates[i].slot = data.days[dates[i].kind].runs ? "after-run" : "own-day";
      dates[i].session = clearance.length ? earlySession(letter, dosePhase, state, data, budget)
        : buildSession(letter, dosePhase, state, data, budget);
    });
    weeks.push({ number: w + 1, start: dates[w * 7].date, phase: phases[w],
      days: indexes.map((i) => dates[i]) });
  }
  if (short && count) {
    notices.push(`In ${short} of ${weekCount} weeks fewer than ${count} sessions fit around your runs without breaking a rule below; those weeks have as many as fit.`);
  }
  return { blocked: false, notices, clearance, start, race, lightDays: light, weeks, phases };
};

// ---- Calendar export (RFC 5545): one event per session, its exercises in the description.
const icsText = (text) => text.replace(/\\/g, "\\\\").replace(/;/g, "\\;")
  .replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
const fold = (line) => {
  const encoder = new TextEncoder();
  const parts = [];
  let part = "";
  for (const character of line) {
    const limit = parts.length ? 74 : 75;
    if (encoder.encode(part + character).length > limit) {
      parts.push(part);
      part = "";
    }
    part += character;
  }
  parts.push(part);
  return parts.join("\r\n ");
};

export const doseText = (dose, sets) => {
  const amount = dose.reps !== null ? `${dose.reps}` : `${dose.seconds_each} s`;
  return `${sets} × ${amount}${dose.per_side ? " each side" : ""}`;
};

export const itemLines = (session, data) => session.items.map((item) => {
  if (item.routine) {
    const routine = data.routines[item.routine];
    return `${routine.name} (${data.problem_areas[item.area].name}): ${routine.steps
      .map((step) => `${step.name} ${doseText(step.dose, step.dose.sets)}`).join("; ")}`;
  }
  const exercise = data.exercises[item.exercise];
  return `${data.blocks[item.block].name}: ${exercise.name}, ${doseText(exercise.doses[session.phase], item.sets)}`;
});

// The exercise's next step when the runner has its equipment and level, else null: a plan
// never points to a band or a level that was not chosen.
export const nextStep = (exerciseId, state, data) => {
  const next = data.exercises[exerciseId].next;
  if (!next) return null;
  const kit = owned(state, data);
  const fits = next.equipment.every((item) => kit.has(item))
    && data.experience[state.experience].levels.includes(next.level);
  return fits ? next : null;
};

export const sessionTitle = (session, data) => (session.early
  ? `Early-stage routine, ${session.minutes} min`
  : `Strength ${session.letter} (${data.phases[session.phase].name}), ${session.minutes} min`);

export const calendar = (plan, data, pageUrl, stamp) => {
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0",
    "PRODID:-//The open strength guide for runners//My running week//EN",
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Strength for my running",
  ];
  plan.weeks.forEach((week) => week.days.forEach((day) => {
    if (!day.session) return;
    const compact = day.date.replace(/-/g, "");
    const next = addDays(day.date, 1);
    const link = new URL(pageUrl);
    link.searchParams.set("week", week.number);
    link.hash = `day-${day.date}`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${compact}-${day.session.letter}@open-strength-guide`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact}`,
      ...(next ? [`DTEND;VALUE=DATE:${next.replace(/-/g, "")}`] : []),
      `SUMMARY:${icsText(sessionTitle(day.session, data))}`,
      `DESCRIPTION:${icsText([`Week ${week.number}. ${data.phases[day.session.phase].says}`,
        ...itemLines(day.session, data), link.href].join("\n"))}`,
      `URL:${link.href}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }));
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
};
