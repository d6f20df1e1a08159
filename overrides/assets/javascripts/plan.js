// My running week: places strength routines around a runner's own runs.
//
// Everything the planner knows comes from a JSON file next to the page (written by the
// generator from content/plan/rules.yml, the routines and the problem pages), fetched when the
// page opens so the page itself stays small; this script only applies it. The runner's
// choices live in the address bar, and nothing is sent anywhere.
(async () => {
  const root = document.querySelector("[data-plan]");
  if (!root) return;
  const form = root.querySelector("[data-plan-form]");
  const find = (selector) => root.querySelector(selector);
  // A choice made while the data is on its way is kept, rather than replaced by the address.
  let touched = false;
  const early = () => { touched = true; };
  form.addEventListener("change", early);
  form.addEventListener("input", early);
  let data;
  try {
    const response = await fetch(root.dataset.planData);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    data = await response.json();
  } catch (error) {
    find("[data-plan-failed]").hidden = false;
    return;
  } finally {
    form.removeEventListener("change", early);
    form.removeEventListener("input", early);
  }
  const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  const DAY_TYPES = { r: "rest", e: "easy", h: "hard" };
  const DAY_LABELS = { rest: "No run", easy: "Easy run", hard: "Hard run" };
  const SLOTS_OF_DAY = {
    rest: ["rest-day"],
    easy: ["before-easy", "after-easy"],
    hard: ["before-hard", "after-hard"],
  };
  const progression = data.progression;

  // ---- Dates, as plain YYYY-MM-DD strings counted in UTC so time zones never shift a day.
  // A calendar date has four digits of year (RFC 5545), so no date goes past LAST_DATE: a
  // plan starts early enough to end by then, and a day after it is null.
  const FIRST_DATE = "1900-01-01";
  const LAST_DATE = "9999-12-31";
  const toDate = (text) => new Date(`${text}T00:00:00Z`);
  const toText = (date) => date.toISOString().slice(0, 10);
  const addDays = (text, days) => {
    const date = new Date(toDate(text).getTime() + days * 86400000);
    return date > toDate(LAST_DATE) ? null : toText(date);
  };
  const daysBetween = (from, to) => Math.round((toDate(to) - toDate(from)) / 86400000);
  const weekday = (text) => (toDate(text).getUTCDay() + 6) % 7;
  const isDate = (text) => typeof text === "string" && /^\d{4}-\d{2}-\d{2}$/.test(text)
    && text >= FIRST_DATE && text <= LAST_DATE && !isNaN(toDate(text))
    && toText(toDate(text)) === text;  // 2026-02-31 is not a date, nor is 5000-00-00
  const LATEST_START = addDays(LAST_DATE, 1 - 7 * progression.longest);
  const isStart = (text) => isDate(text) && text <= LATEST_START;
  form.elements.start.max = LATEST_START;
  const nextMonday = () => {
    const now = new Date();
    const today = toText(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
    return addDays(today, (7 - weekday(today)) % 7 || 7);
  };
  const shortDate = (text) =>
    toDate(text).toLocaleDateString("en-GB", {
      weekday: "short", day: "numeric", month: "short", timeZone: "UTC",
    });

  // ---- The runner's choices: form <-> state <-> address bar.
  const clampInt = (value, low, high, fallback) => {
    const number = parseInt(value, 10);
    return Number.isFinite(number) ? Math.min(high, Math.max(low, number)) : fallback;
  };
  const DEFAULTS = {
    days: ["rest", "hard", "easy", "easy", "rest", "hard", "easy"],
    perDay: 20, perWeek: 60, experience: "new", equipment: [], problems: [], clear: [],
    start: "", weeks: progression.weeks, race: "",
  };

  const readForm = () => {
    const fields = new FormData(form);
    return {
      days: DAY_NAMES.map((_, i) => fields.get(`day-${i}`) || "rest"),
      perDay: clampInt(fields.get("per-day"), 5, 120, DEFAULTS.perDay),
      perWeek: clampInt(fields.get("per-week"), 5, 600, DEFAULTS.perWeek),
      experience: fields.get("experience") || "new",
      equipment: fields.getAll("equipment"),
      problems: fields.getAll("problem"),
      clear: fields.getAll("clear"),
      start: isStart(fields.get("start")) ? fields.get("start") : nextMonday(),
      // Read directly: the field is disabled, and so left out of the form data, while a race
      // date sets the plan's length.
      weeks: clampInt(form.elements.weeks.value, progression.shortest, progression.longest, progression.weeks),
      race: isDate(fields.get("race")) ? fields.get("race") : "",
    };
  };

  // ---- Each ticked problem area's urgent red flags, from its problem page, with a box to
  // confirm none of them applies. A box is made the first time its area is ticked and kept,
  // so an answer survives unticking and ticking again.
  const flagBoxes = new Map();
  const areaOrder = Object.keys(data.problem_areas);
  const flagBox = (id) => {
    if (flagBoxes.has(id)) return flagBoxes.get(id);
    const area = data.problem_areas[id];
    const box = find("[data-plan-flags-template]").content.firstElementChild.cloneNode(true);
    box.dataset.flags = id;
    box.hidden = true;
    box.querySelectorAll("[data-plan-flags-name]").forEach((name) => { name.textContent = area.name; });
    box.querySelector("[data-plan-flags-items]").replaceChildren(
      ...area.urgent.map((flag) => el("li", {}, flag)));
    box.querySelector("input[name=clear]").value = id;
    box.querySelector("[data-plan-flags-link]").href = area.href;
    const later = areaOrder.slice(areaOrder.indexOf(id) + 1).find((other) => flagBoxes.has(other));
    find("[data-plan-flags-list]").insertBefore(box, later ? flagBoxes.get(later) : null);
    flagBoxes.set(id, box);
    return box;
  };

  const writeForm = (state) => {
    [...state.problems, ...state.clear].forEach(flagBox);
    state.days.forEach((type, i) => { form.elements[`day-${i}`].value = type; });
    form.elements["per-day"].value = state.perDay;
    form.elements["per-week"].value = state.perWeek;
    form.querySelectorAll("input[name=experience]").forEach((input) => {
      input.checked = input.value === state.experience;
    });
    const tick = (name, values) => form.querySelectorAll(`input[name=${name}]`).forEach((input) => {
      input.checked = values.includes(input.value);
    });
    tick("equipment", state.equipment);
    tick("problem", state.problems);
    tick("clear", state.clear);
    form.elements.start.value = state.start;
    form.elements.weeks.value = String(state.weeks);
    form.elements.race.value = state.race;
  };

  const toQuery = (state) => {
    const codes = Object.fromEntries(Object.entries(DAY_TYPES).map(([code, type]) => [type, code]));
    const params = new URLSearchParams({
      days: state.days.map((type) => codes[type]).join(""),
      day: state.perDay, week: state.perWeek, exp: state.experience,
    });
    if (state.equipment.length) params.set("eq", state.equipment.join(","));
    if (state.problems.length) params.set("pa", state.problems.join(","));
    if (state.clear.length) params.set("ok", state.clear.join(","));
    params.set("start", state.start);
    params.set("weeks", state.weeks);
    if (state.race) params.set("race", state.race);
    return params.toString();
  };

  // A link may hold anything: every value is looked up as an own property of the data, so
  // '?pa=constructor' or '?exp=__proto__' is simply not a choice.
  const own = (object, key) => typeof key === "string" && Object.hasOwn(object, key);
  const fromQuery = (query) => {
    const params = new URLSearchParams(query);
    const list = (name, known) =>
      [...new Set((params.get(name) || "").split(","))].filter((id) => own(known, id));
    const days = (params.get("days") || "").slice(0, 8).split("")
      .map((code) => (own(DAY_TYPES, code) ? DAY_TYPES[code] : null));
    return {
      days: days.length === 7 && days.every(Boolean) ? days : DEFAULTS.days,
      perDay: clampInt(params.get("day"), 5, 120, DEFAULTS.perDay),
      perWeek: clampInt(params.get("week"), 5, 600, DEFAULTS.perWeek),
      experience: own(data.experience, params.get("exp")) ? params.get("exp") : DEFAULTS.experience,
      equipment: list("eq", data.equipment),
      problems: list("pa", data.problem_areas),
      clear: list("ok", data.problem_areas),
      start: isStart(params.get("start")) ? params.get("start") : nextMonday(),
      weeks: clampInt(params.get("weeks"), progression.shortest, progression.longest, progression.weeks),
      race: isDate(params.get("race")) ? params.get("race") : "",
    };
  };

  // ---- The placement rules, evaluated exactly as written in content/plan/rules.yml.
  // ``week`` is {days: day types, sessions, experience, scope, raceDay, wraps}.
  // Every-week rules hold in every week; race-week rules only in the seven days up to a race.
  const inScope = (rule, scope) => rule.scope === "every-week" || rule.scope === scope;
  const broken = (week) => {
    const found = [];
    Object.entries(data.rules).forEach(([id, rule]) => {
      if (!inScope(rule, week.scope)) return;
      const mine = week.sessions.filter((s) => rule.kinds.includes(s.kind));
      if (!mine.length) return;
      if (rule.slots && mine.some((s) => !rule.slots.includes(s.slot))) found.push(id);
      if (rule.experience && !rule.experience.includes(week.experience)) found.push(id);
      if (rule.max_per_week !== undefined) {
        const condition = rule.when_week_has || [];
        const applies = !condition.length || week.sessions.some((s) => condition.includes(s.kind));
        if (applies && mine.length > rule.max_per_week) found.push(id);
      }
      if (rule.max_per_day !== undefined) {
        const perDay = DAY_NAMES.map((_, day) => mine.filter((s) => s.day === day).length);
        if (perDay.some((n) => n > rule.max_per_day)) found.push(id);
      }
      if (rule.not_before) {
        const next = (day) => (day < 6 ? day + 1 : week.wraps ? 0 : null);
        if (mine.some((s) => next(s.day) !== null && rule.not_before.includes(week.days[next(s.day)]))) {
          found.push(id);
        }
      }
      if (rule.clear_days_before_race !== undefined && week.raceDay !== null) {
        const from = week.raceDay - rule.clear_days_before_race;
        if (mine.some((s) => s.day >= from && s.day <= week.raceDay)) found.push(id);
      }
    });
    return found;
  };

  // What the runner's own limits and the routine pages demand, on top of the rules.
  const withinLimits = (sessions, state) => {
    const total = sessions.reduce((sum, s) => sum + s.minutes, 0);
    if (total > state.perWeek) return false;
    return DAY_NAMES.every((_, day) => {
      const today = sessions.filter((s) => s.day === day);
      const routines = today.map((s) => s.routine);
      return today.reduce((sum, s) => sum + s.minutes, 0) <= state.perDay
        && new Set(routines).size === routines.length;
    });
  };

  const kindOffered = (kind, experience) => Object.values(data.rules).every(
    (rule) => !rule.experience || !rule.kinds.includes(kind) || rule.experience.includes(experience),
  );

  const offered = (id, state) => {
    const routine = data.routines[id];
    return routine.equipment.every((item) => state.equipment.includes(item))
      && data.experience[state.experience].levels.includes(routine.level)
      && routine.minutes <= state.perDay
      && kindOffered(routine.kind, state.experience);
  };

  // The routines a week is built from, most important first: the runner's problem areas,
  // then one routine per kind in the order of priorities (each kind lists its routines in
  // the order they are preferred).
  const chooseRoutines = (state) => {
    const chosen = [];
    state.problems.filter((area) => state.clear.includes(area)).forEach((area) => {
      const options = Object.keys(data.routines)
        .filter((id) => data.routines[id].problem_areas.includes(area) && offered(id, state))
        .sort((a, b) => data.routines[b].minutes - data.routines[a].minutes);
      const starter = data.problem_areas[area].starter;
      const pick = options.includes(starter) ? starter : options[0];
      if (pick && !chosen.includes(pick)) chosen.push(pick);
    });
    const cleared = state.problems.filter((area) => state.clear.includes(area));
    const serves = (id) => data.routines[id].problem_areas.some((area) => cleared.includes(area));
    data.priorities.forEach((kind) => {
      if (chosen.some((id) => data.routines[id].kind === kind)) return;
      const members = Object.keys(data.routines).filter((id) => data.routines[id].kind === kind);
      const preferred = data.kinds[kind].default;
      // A kind without a default routine only comes in for the runner's own problem areas.
      const order = [
        ...members.filter(serves),
        ...(preferred ? [preferred, ...members.filter((id) => id !== preferred)] : []),
      ];
      const pick = order.find((id) => offered(id, state));
      if (pick) chosen.push(pick);
    });
    return chosen;
  };

  // Fill a week greedily: each session of each chosen routine goes to the free slot that keeps
  // every rule and limit and leaves the week most even.
  const buildWeek = (state, days, scope, raceDay) => {
    const sessions = [];
    const week = { days, sessions, experience: state.experience, scope, raceDay, wraps: scope !== "race-week" };
    // Where each routine could go in an empty week: its page's slots that no rule forbids.
    const candidates = (id) => {
      const routine = data.routines[id];
      const allowed = data.routine_when[routine.when];
      return days.flatMap((type, day) => SLOTS_OF_DAY[type]
        .filter((slot) => allowed.includes(slot))
        .map((slot) => ({ day, slot, routine: id, kind: routine.kind, minutes: routine.minutes })))
        .filter((session) => !broken({ ...week, sessions: [session] }).length);
    };
    // A routine with nowhere to go in this week is left out before anything depends on it.
    const chosen = chooseRoutines(state).filter((id) => candidates(id).length);
    const chosenKinds = chosen.map((id) => data.routines[id].kind);
    // A rule that caps some kinds once another kind is in the week (heavy lifting once
    // plyometrics come in) makes room for that kind before the week fills up.
    const caps = Object.values(data.rules).filter((rule) => inScope(rule, scope)
      && (rule.when_week_has || []).some((kind) => chosenKinds.includes(kind)));
    const open = chosen.map((id) => new Set(candidates(id).map((s) => s.day)));
    chosen.forEach((id, index) => {
      const routine = data.routines[id];
      const allowed = data.routine_when[routine.when];
      const limit = Math.min(routine.times_per_week,
        ...caps.filter((rule) => rule.kinds.includes(routine.kind)).map((rule) => rule.max_per_week));
      // Days that routines still to come have few other chances on are left to them.
      const reserved = (day) => open.slice(index + 1)
        .reduce((sum, later) => sum + (later.has(day) ? 60 / later.size : 0), 0);
      for (let n = 0; n < limit; n += 1) {
        let best = null;
        candidates(id).forEach((session) => {
          const { day, slot } = session;
          const trial = { ...week, sessions: [...sessions, session] };
          if (broken(trial).length || !withinLimits(trial.sessions, state)) return;
          const load = sessions.filter((s) => s.day === day).reduce((sum, s) => sum + s.minutes, 0);
          const near = sessions.some((s) => s.routine === id && Math.abs(s.day - day) <= 1);
          const score = load + (near ? 60 : 0) + reserved(day) + allowed.indexOf(slot) + day / 10;
          if (!best || score < best.score) best = { score, session };
        });
        if (!best) break;
        sessions.push(best.session);
      }
    });
    const order = Object.keys(data.slots);
    sessions.sort((a, b) => a.day - b.day || order.indexOf(a.slot) - order.indexOf(b.slot));
    return sessions;
  };

  // The plan: the typical week, the seven days up to a race, and the phase of every week.
  const plan = (state) => {
    const typical = buildWeek(state, state.days, "every-week", null);
    const untilRace = state.race ? daysBetween(state.start, state.race) : -1;
    const raceInPlan = untilRace >= 0 && untilRace < progression.longest * 7;
    const weeks = raceInPlan ? Math.floor(untilRace / 7) + 1 : state.weeks;
    let race = null;
    if (raceInPlan) {
      const first = addDays(state.race, -6);
      const dates = [...Array(7)].map((_, i) => addDays(first, i));
      const days = dates.map((date, i) => (i === 6 ? "hard" : state.days[weekday(date)]));
      race = { dates, days, sessions: buildWeek(state, days, "race-week", 6) };
    }
    const lighterEvery = progression.lighter_every[state.experience];
    const phases = [...Array(weeks)].map((_, i) => {
      const number = i + 1;
      if (raceInPlan && number === weeks) return "race";
      if (raceInPlan && number > weeks - 1 - progression.taper_weeks) return "taper";
      if (number % lighterEvery === 0) return "lighter";
      if (number === 1) return "learn";
      return number < progression.heavier_from_week ? "build" : "heavier";
    });
    return { typical, race, phases, weeks, raceInPlan };
  };

  // ---- Showing the plan.
  const el = (tag, attributes = {}, ...children) => {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
    children.forEach((child) => node.append(child));
    return node;
  };

  const sessionItem = (session) => {
    const routine = data.routines[session.routine];
    return el("li", {
      class: `plan__session plan__session--${session.kind}`,
      "data-session": "", "data-day": session.day, "data-slot": session.slot,
      "data-routine": session.routine, "data-kind": session.kind, "data-minutes": session.minutes,
    },
    el("span", { class: "plan__slot" }, data.slots[session.slot]),
    el("a", { href: routine.href }, routine.name),
    el("span", { class: "plan__minutes" }, `${session.minutes} min · ${data.kinds[session.kind].name}`));
  };

  const showWeek = (list, days, sessions, names, raceDay = null) => {
    list.replaceChildren(...days.map((type, day) => {
      const today = sessions.filter((s) => s.day === day);
      const minutes = today.reduce((sum, s) => sum + s.minutes, 0);
      const items = today.filter((s) => s.slot.startsWith("before")).map(sessionItem);
      if (type !== "rest") {
        items.push(el("li", { class: `plan__run plan__run--${type}` },
          day === raceDay ? "Race" : DAY_LABELS[type]));
      }
      items.push(...today.filter((s) => !s.slot.startsWith("before")).map(sessionItem));
      if (!items.length) items.push(el("li", { class: "plan__rest" }, "Rest"));
      return el("li", { class: `plan__day plan__day--${type}`, "data-day-type": type },
        el("p", { class: "plan__day-name" }, names[day],
          el("span", { class: "plan__day-total" }, minutes ? `${minutes} min` : "")),
        el("ul", { class: "plan__items" }, ...items));
    }));
  };

  const render = (state) => {
    const blocked = state.problems.some((area) => !state.clear.includes(area));
    state.problems.forEach(flagBox);
    flagBoxes.forEach((box, id) => { box.hidden = !state.problems.includes(id); });
    root.dataset.planState = blocked ? "blocked" : "ready";
    find("[data-plan-blocked]").hidden = !blocked;
    ["[data-plan-print]", "[data-plan-ics]", "[data-plan-copy]"].forEach((selector) => {
      find(selector).hidden = blocked;
    });
    const result = blocked ? null : plan(state);
    form.elements.weeks.disabled = Boolean(result && result.raceInPlan);
    current = result && { state, ...result };
    find("[data-plan-week]").hidden = blocked;
    find("[data-plan-week-title]").hidden = blocked;
    find(".plan__weeks").hidden = blocked;
    if (blocked) {
      find("[data-plan-summary]").textContent = "";
      find("[data-plan-week]").replaceChildren();
      find("[data-plan-race-week]").replaceChildren();
      find("[data-plan-race]").hidden = true;
      find("[data-plan-ladders-box]").hidden = true;
      find("[data-plan-weeks]").replaceChildren();
      return;
    }
    const minutes = result.typical.reduce((sum, s) => sum + s.minutes, 0);
    const span = result.raceInPlan ? `over the ${result.weeks} weeks to your race`
      : `over ${result.weeks} weeks`;
    const raceNote = state.race && !result.raceInPlan
      ? ` Your race date is outside the next ${progression.longest} weeks, so the plan does not taper for it.`
      : "";
    const unserved = state.problems.filter((area) => !result.typical.some(
      (s) => data.routines[s.routine].problem_areas.includes(area)))
      .map((area) => data.problem_areas[area].name);
    const unservedNote = unserved.length
      ? ` No routine for ${unserved.join(" or ")} fits your equipment, experience, minutes and days; its page lists what the routines need.`
      : "";
    find("[data-plan-summary]").textContent = (result.typical.length
      ? `${result.typical.length} strength sessions, ${minutes} of your ${state.perWeek} minutes a week, ${span}.${raceNote}`
      : "No routine fits these limits. Allow more minutes a day or add equipment.") + unservedNote;
    showWeek(find("[data-plan-week]"), state.days, result.typical, DAY_NAMES);
    find("[data-plan-race]").hidden = !result.race;
    if (result.race) {
      find("[data-plan-race-note]").textContent =
        `The seven days up to your race on ${shortDate(state.race)}.`;
      showWeek(find("[data-plan-race-week]"), result.race.days, result.race.sessions,
        result.race.dates.map(shortDate), 6);
    }
    find("[data-plan-weeks]").replaceChildren(...result.phases.map((phase, i) => el("tr",
      { class: `plan__phase plan__phase--${phase}`, "data-phase": phase },
      el("td", {}, String(i + 1)),
      el("td", {}, shortDate(addDays(state.start, i * 7))),
      el("td", {}, progression.phases[phase]))));
    const used = [...new Set(result.typical.map((s) => s.routine))];
    const seen = new Set();
    const steps = used.flatMap((id) => data.routines[id].ladder).filter((step) => {
      const key = `${step.from}|${step.to}`;
      return !seen.has(key) && seen.add(key);
    }).map((step) => el("li", {},
      el("strong", {}, step.to ? `${step.from} → ${step.to}` : step.from),
      `: ${step.to ? "move up when" : "pass when"} ${step.when.charAt(0).toLowerCase()}${step.when.slice(1)}`));
    find("[data-plan-ladders]").replaceChildren(...steps);
    find("[data-plan-ladders-box]").hidden = !steps.length;
  };

  // ---- Calendar export (RFC 5545), built here and handed to the browser as a download.
  const icsText = (text) => text.replace(/\\/g, "\\\\").replace(/;/g, "\\;")
    .replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  const fold = (line) => {
    const encoder = new TextEncoder();
    const parts = [];
    let part = "";
    for (const character of line) {
      const limit = parts.length ? 74 : 75;  // continuation lines start with a space
      if (encoder.encode(part + character).length > limit) {
        parts.push(part);
        part = "";
      }
      part += character;
    }
    parts.push(part);
    return parts.join("\r\n ");
  };

  const calendar = ({ state, typical, race, phases, weeks }) => {
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0",
      "PRODID:-//The open strength guide for runners//My running week//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:My running week",
    ];
    const last = race ? state.race : addDays(state.start, weeks * 7 - 1);
    for (let offset = 0; offset <= daysBetween(state.start, last); offset += 1) {
      const date = addDays(state.start, offset);
      const phase = phases[Math.floor(offset / 7)];
      const inRace = race && race.dates.includes(date);
      const sessions = inRace
        ? race.sessions.filter((s) => race.dates[s.day] === date)
        : typical.filter((s) => s.day === weekday(date));
      sessions.forEach((session) => {
        const routine = data.routines[session.routine];
        const compact = date.replace(/-/g, "");
        const share = { lighter: progression.lighter_sets_percent, taper: progression.taper_sets_percent }[phase];
        const lighter = share ? ` (lighter week: about ${share}% of the sets)` : "";
        // A one-day event may leave out its end (RFC 5545, 3.6.1), as one on LAST_DATE must.
        const end = addDays(date, 1);
        lines.push(
          "BEGIN:VEVENT",
          `UID:${compact}-${session.routine}-${session.slot}@open-strength-guide`,
          `DTSTAMP:${stamp}`,
          `DTSTART;VALUE=DATE:${compact}`,
          ...(end ? [`DTEND;VALUE=DATE:${end.replace(/-/g, "")}`] : []),
          `SUMMARY:${icsText(`${routine.name}, ${session.minutes} min${lighter}`)}`,
          `DESCRIPTION:${icsText(`${data.slots[session.slot]}. ${progression.phases[phase]}`)}`,
          `URL:${new URL(routine.href, location.href).href}`,
          "TRANSP:TRANSPARENT",
          "END:VEVENT",
        );
      });
    }
    lines.push("END:VCALENDAR");
    return `${lines.map(fold).join("\r\n")}\r\n`;
  };

  let current = null;
  const update = () => {
    const state = readForm();
    history.replaceState(null, "", `?${toQuery(state)}`);
    render(state);
  };

  find("[data-plan-print]").addEventListener("click", () => window.print());
  find("[data-plan-ics]").addEventListener("click", () => {
    if (!current) return;
    const blob = new Blob([calendar(current)], { type: "text/calendar;charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: "my-running-week.ics" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  find("[data-plan-copy]").addEventListener("click", (event) => {
    const button = event.currentTarget;
    const done = () => { button.textContent = "Link copied"; };
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, () => {});
  });
  form.addEventListener("change", update);
  form.addEventListener("input", (event) => {
    if (event.target.type === "number") update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  if (!touched) writeForm(fromQuery(location.search));
  update();
  root.dataset.planReady = "";
})();
