// My running week: the page wiring around plan/core.js. It fetches the plan data next to the
// page, keeps the runner's choices in the address bar, and draws the plan; all planning is in
// core.js. A session's "Start this session" plays it in the workout player. Nothing is sent
// anywhere.
import { createPlayer } from "../player/runner.js";
import {
  buildPlan, calendar, defaults, doseText, latestStart, nextStep, readState, sessionTitle,
  writeState,
} from "./core.js";
import { sessionWorkout } from "./workout.js";

const root = document.querySelector("[data-plan]");
const find = (selector) => root.querySelector(selector);
const form = root && root.querySelector("[data-plan-form]");

const el = (tag, attributes = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
};

const todayText = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()))
    .toISOString().slice(0, 10);
};

const shortDate = (text) => new Date(`${text}T00:00:00Z`).toLocaleDateString("en-GB", {
  weekday: "short", day: "numeric", month: "short", timeZone: "UTC",
});

const start = async () => {
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
  const today = todayText();
  let shownWeek = 1;
  form.elements.start.max = latestStart(data);

  const readForm = () => {
    const fields = new FormData(form);
    const base = defaults(data, today);
    const query = new URLSearchParams({
      days: [...Array(7).keys()].map((i) => {
        const kind = fields.get(`day-${i}`);
        return Object.hasOwn(data.days, kind) ? data.days[kind].code : "";
      }).join(""),
      n: fields.get("sessions") || "", min: fields.get("minutes") || "",
      eq: fields.get("equipment") || "", exp: fields.get("experience") || "",
      start: fields.get("start") || base.start, race: fields.get("race") || "",
      dist: fields.get("distance") || "", weeks: fields.get("weeks") || "",
      pa: fields.getAll("problem").join(","), ok: fields.getAll("clear").join(","),
      week: String(shownWeek),
    });
    return readState(query.toString(), data, today);
  };

  // ---- Each ticked problem area's red flags, every tier, from its problem page. A box is made
  // the first time its area is ticked and kept, so an answer survives unticking and ticking.
  const flagBoxes = new Map();
  const areaOrder = Object.keys(data.problem_areas);
  const flagBox = (id) => {
    if (flagBoxes.has(id)) return flagBoxes.get(id);
    const area = data.problem_areas[id];
    const box = find("[data-plan-flags-template]").content.firstElementChild.cloneNode(true);
    box.dataset.flags = id;
    box.hidden = true;
    box.querySelectorAll("[data-plan-flags-name]").forEach((name) => { name.textContent = area.name; });
    box.querySelectorAll("[data-plan-flags-items]").forEach((list) => {
      const tier = area.red_flags[list.dataset.planFlagsItems];
      list.replaceChildren(...tier.map((flag) => el("li", {}, flag)));
      list.hidden = !tier.length;
      box.querySelector(`[data-tier=${list.dataset.planFlagsItems}]`).hidden = !tier.length;
    });
    const confirm = box.querySelector("input[name=clear]");
    confirm.value = id;
    confirm.setAttribute("form", form.id);
    box.querySelector("[data-plan-flags-link]").href = area.href;
    const later = areaOrder.slice(areaOrder.indexOf(id) + 1).find((other) => flagBoxes.has(other));
    find("[data-plan-flags-list]").insertBefore(box, later ? flagBoxes.get(later) : null);
    flagBoxes.set(id, box);
    return box;
  };

  const writeForm = (state) => {
    [...state.problems, ...state.cleared].forEach(flagBox);
    state.days.forEach((kind, i) => { form.elements[`day-${i}`].value = kind; });
    form.elements.sessions.value = String(state.sessions);
    form.elements.minutes.value = String(state.minutes);
    const tick = (name, values) => document.querySelectorAll(`input[name=${name}]`).forEach((input) => {
      input.checked = values.includes(input.value);
    });
    tick("experience", [state.experience]);
    tick("equipment", [state.equipment]);
    tick("problem", state.problems);
    tick("clear", state.cleared);
    form.elements.start.value = state.start;
    form.elements.race.value = state.race;
    form.elements.distance.value = state.distance;
    form.elements.weeks.value = String(state.weeks);
    shownWeek = state.week;
  };

  const still = (src) => (src ? el("img", { src, alt: "", width: "64", height: "64", class: "plan__still" }) : el("span", { class: "plan__still plan__still--none" }));

  const exerciseItem = (session, item) => {
    if (item.routine) {
      const routine = data.routines[item.routine];
      return el("li", { class: "plan__block plan__block--problem", "data-block": "problem-area", "data-routine": item.routine },
        el("p", { class: "plan__block-name" }, `For your ${data.problem_areas[item.area].name.toLowerCase()}: `,
          el("a", { href: routine.href }, routine.name)),
        el("ul", { class: "plan__exercises" }, ...routine.steps.map((step) => el("li", { class: "plan__exercise" },
          still(step.still),
          el("span", {}, el("a", { href: step.href }, step.name), el("br"),
            el("span", { class: "plan__dose" }, doseText(step.dose, step.dose.sets)))))));
    }
    const exercise = data.exercises[item.exercise];
    const next = nextStep(item.exercise, current.state, data);
    return el("li", { class: "plan__block", "data-block": item.block, "data-exercise": item.exercise, "data-sets": item.sets },
      el("p", { class: "plan__block-name" }, data.blocks[item.block].name),
      el("div", { class: "plan__exercise" }, still(exercise.still),
        el("span", {}, el("a", { href: exercise.href }, exercise.name), el("br"),
          el("span", { class: "plan__dose" }, doseText(exercise.doses[session.phase], item.sets)),
          ...(next ? [el("br"), el("span", { class: "plan__next" },
            "Move on to ", el("a", { href: next.href }, next.name), ` when ${next.when.charAt(0).toLowerCase()}${next.when.slice(1)}`)] : []))));
  };

  // The session in the workout player; focus comes back to this button when it closes.
  const player = createPlayer(document.querySelector("[data-player]"));
  const startButton = (day) => {
    const button = el("button", {
      type: "button", class: "md-button md-button--primary plan__start", "data-player-start": "",
      "aria-label": `Start this session, ${shortDate(day.date)}`,
    }, "Start this session");
    button.addEventListener("click", () => {
      const { exercises, timing } = sessionWorkout(day.session, data);
      player.play(exercises, timing, button);
    });
    return button;
  };

  // A day of the plan; `playable` on screen, where a session can be started, not on paper.
  const dayCard = (day, playable) => {
    const session = day.session;
    const runName = day.kind === "rest" ? "No run" : data.days[day.kind].name;
    let run = el("p", { class: `plan__run plan__run--${day.kind}` }, runName);
    if (day.planned) {
      run = el("p", { class: "plan__run plan__run--paused" }, `No ${data.days[day.planned].name.toLowerCase()} until you are cleared; an easy run only once you are.`);
    } else if (current.plan.clearance.length && day.kind !== "rest") {
      run = el("p", { class: "plan__run plan__run--paused" }, "Easy run, only once you are cleared.");
    }
    const card = el("li", {
      class: `plan__day plan__day--${day.kind}`, id: `day-${day.date}`,
      "data-date": day.date, "data-kind": day.kind,
    }, el("h3", { class: "plan__day-name" }, shortDate(day.date),
      el("span", { class: "plan__day-total" }, session ? `${session.minutes} min` : "")), run);
    if (session) {
      card.dataset.session = session.letter;
      card.dataset.phase = session.phase;
      card.dataset.seconds = session.seconds;
      if (session.early) card.dataset.early = "";
      card.append(el("p", { class: "plan__session-title" },
        `${day.slot === "after-run" && !session.early ? "After the run: " : ""}${sessionTitle(session, data)}`));
      if (playable && player && session.items.length) card.append(startButton(day));
      card.append(el("ol", { class: "plan__blocks" }, ...session.items.map((item) => exerciseItem(session, item))));
    }
    return card;
  };

  const sessionsOf = (week) => week.days.filter((day) => day.session)
    .map((day) => `${day.session.letter} ${shortDate(day.date).split(" ")[0]}`).join(", ") || "none";

  const phaseName = (plan, phase) => (plan.clearance.length ? "Early stage" : data.phases[phase].name);

  let current = null;
  const render = (state) => {
    state.problems.forEach(flagBox);
    flagBoxes.forEach((box, id) => { box.hidden = !state.problems.includes(id); });
    const plan = buildPlan(state, data);
    current = { state, plan };
    root.dataset.planState = plan.blocked ? "blocked" : "ready";
    find("[data-plan-blocked]").hidden = !plan.blocked;
    const clearance = find("[data-plan-clearance]");
    clearance.hidden = plan.blocked || !plan.clearance.length;
    clearance.replaceChildren(...(plan.clearance || []).map((area) => el("p", {},
      el("strong", {}, `${data.problem_areas[area].name}: no hard running until a clinician clears you. `),
      data.problem_areas[area].clearance,
      " This plan therefore holds only the early-stage routines from its page and turns every hard run, long run and race into an easy run you do only once you are cleared.")));
    find("[data-plan-actions]").hidden = plan.blocked;
    find("[data-plan-shown]").hidden = plan.blocked;
    find("[data-plan-notices]").replaceChildren(...plan.notices.map((text) => el("li", {}, text)));
    if (plan.blocked) {
      find("[data-plan-summary]").textContent = "";
      ["[data-plan-week]", "[data-plan-weeks]", "[data-plan-print-phases]"]
        .forEach((selector) => find(selector).replaceChildren());
      return;
    }
    const sessions = plan.weeks.flatMap((week) => week.days.filter((day) => day.session));
    const empty = state.days.every((kind) => kind === "rest");
    find("[data-plan-summary]").textContent = empty && !state.problems.length
      ? "Start by setting the days you run, then how many strength sessions you want."
      : `${sessions.length} ${plan.clearance.length ? "early-stage" : "strength"} sessions over ${plan.weeks.length} weeks${plan.race ? `, up to your race on ${shortDate(plan.race)}` : ""}.`;
    shownWeek = Math.min(state.week, plan.weeks.length) || 1;
    const picker = find("[data-plan-week-pick]");
    picker.replaceChildren(...plan.weeks.map((week) => el("option", { value: week.number },
      `Week ${week.number}: ${phaseName(plan, week.phase)}`)));
    picker.value = String(shownWeek);
    const week = plan.weeks[shownWeek - 1];
    if (!week) return;
    find("[data-plan-week-title]").textContent = `Week ${week.number}: ${phaseName(plan, week.phase)}, from ${shortDate(week.start)}`;
    find("[data-plan-phase-says]").textContent = plan.clearance.length
      ? "Move to the next stage only when the self-test on the problem page passes and your clinician agrees."
      : data.phases[week.phase].says;
    find("[data-plan-week]").replaceChildren(...week.days.map((day) => dayCard(day, true)));
    find("[data-plan-weeks]").replaceChildren(...plan.weeks.map((w) => el("tr",
      { class: `plan__phase plan__phase--${w.phase}`, "data-phase": w.phase, "data-week": w.number,
        "data-dates": w.days.filter((day) => day.session).map((day) => day.date).join(" ") },
      el("td", {}, String(w.number)),
      el("td", {}, shortDate(w.start)),
      el("td", {}, phaseName(plan, w.phase)),
      el("td", {}, sessionsOf(w)))));
    // The printed plan: one page a phase, each with the first week of that phase.
    const firsts = plan.weeks.filter((w, i) => i === 0 || plan.weeks[i - 1].phase !== w.phase
      || (w.phase !== "lighter" && plan.weeks[i - 1].phase === "lighter"));
    const seen = new Set();
    find("[data-plan-print-phases]").replaceChildren(...firsts.filter((w) => {
      if (seen.has(w.phase)) return false;
      seen.add(w.phase);
      return true;
    }).map((w) => el("section", { class: "plan__print-phase", "data-print-phase": w.phase },
      el("h2", {}, `${phaseName(plan, w.phase)}: weeks ${plan.weeks.filter((x) => x.phase === w.phase).map((x) => x.number).join(", ")}`),
      el("p", {}, plan.clearance.length ? "" : data.phases[w.phase].says),
      el("ol", { class: "plan__week plan__week--print" }, ...w.days.map((day) => dayCard(day, false))))));
    find("[data-plan-print-link]").textContent = `This plan: ${location.href}`;
  };

  const update = () => {
    const state = readForm();
    history.replaceState(null, "", `?${writeState(state, data)}${location.hash}`);
    render(state);
  };

  find("[data-plan-print]").addEventListener("click", () => window.print());
  find("[data-plan-ics]").addEventListener("click", () => {
    if (!current || current.plan.blocked) return;
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
    const page = `${location.origin}${location.pathname}${location.search}`;
    const text = calendar(current.plan, data, page, stamp);
    const blob = new Blob([text], { type: "text/calendar;charset=utf-8" });
    const link = el("a", { href: URL.createObjectURL(blob), download: "strength-plan.ics" });
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
  find("[data-plan-week-pick]").addEventListener("change", (event) => {
    shownWeek = Number(event.target.value);
    update();
  });
  const changed = () => update();
  form.addEventListener("change", changed);
  find("[data-plan-flags-list]").addEventListener("change", changed);
  form.addEventListener("input", (event) => {
    if (event.target.type === "number") update();
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  // "See your plan" stays in reach while the plan itself is off screen.
  const jump = find("[data-plan-jump]");
  if ("IntersectionObserver" in window) {
    new IntersectionObserver(([entry]) => {
      jump.hidden = entry.isIntersecting || entry.boundingClientRect.top < 0;
    }).observe(find("[data-plan-result]"));
  }

  if (!touched) writeForm(readState(location.search, data, today));
  else shownWeek = readState(location.search, data, today).week;
  update();
  if (location.hash.startsWith("#day-")) {
    const target = document.getElementById(location.hash.slice(1));
    if (target) target.scrollIntoView();
  }
  root.dataset.planReady = "";
};

if (root && form) start();
