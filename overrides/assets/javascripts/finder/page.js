// The finder. It fetches a compact JSON index (finder/index.json) when the page opens and
// filters it in memory: one pass over the entries gives both the matches and, for every
// option, how many entries it would leave given the other filters. Only the first results
// are drawn, with "Show more" for the rest, so a filter change costs the same at any size.
// Filters live in the address bar (shareable, read and written by core.js), and each change is
// a history entry (Back works).
import { readAddress, writeAddress } from "./core.js";

(() => {
  const BATCH = 50;
  const KINDS = new Map([
    ["exercises", ["pattern", "problem-areas", "muscles", "equipment", "level", "minutes"]],
    ["routines", ["problem-areas", "equipment", "minutes"]],
  ]);

  const entries = (data) => {
    const none = data.values.equipment.length; // the "no equipment" option's position
    const household = new Set(data.household);
    const atHome = (equipment) => equipment.every((e) => household.has(e));
    const withNone = (equipment) => (atHome(equipment) ? [...equipment, none] : equipment);
    const url = (pattern, id) => pattern.replace("%7Bid%7D", id).replace("{id}", id);
    return new Map(Object.entries({
      // A draft has no pattern yet (-1) and no dose (minutes null); it is listed last.
      exercises: data.exercises.map(([id, name, pattern, areas, primary, secondary, equipment, level, minutes, draft, still], row) => ({
        id, name, minutes, row, draft,
        href: url(data.urls.exercises, id),
        still: still ? url(data.urls.stills, id) : null,
        facts: [
          pattern >= 0 ? data.names.pattern[pattern] : null,
          data.names.level[level],
          draft ? "draft, not yet reviewed" : `about ${minutes} min`,
        ].filter(Boolean).join(" · "),
        pattern: [pattern], "problem-areas": areas, primary, all: [...primary, ...secondary],
        equipment: withNone(equipment), level: [level],
      })),
      routines: data.routines.map(([id, name, areas, equipment, minutes]) => ({
        id, name, minutes,
        href: url(data.urls.routines, id),
        facts: `Routine · ${minutes} min`,
        "problem-areas": areas, equipment: withNone(equipment),
      })),
      // Per problem area: exercise row -> its place in the order the problem page recommends.
      order: (data.order || []).map((rows) => new Map(rows.map((row, i) => [row, i]))),
    }));
  };

  const setUp = (finder, data) => {
    const form = finder.querySelector("[data-finder-form]");
    const count = finder.querySelector("[data-finder-count]");
    const results = finder.querySelector("[data-finder-results]");
    const more = finder.querySelector("[data-finder-more]");
    const empty = finder.querySelector("[data-finder-empty]");
    const notice = finder.querySelector("[data-finder-notice]");
    const show = form.elements.show;
    const assisting = form.elements.assisting;
    const selects = Object.fromEntries(
      [...form.querySelectorAll("select")].filter((s) => s !== show).map((s) => [s.name, s])
    );
    const lists = entries(data);
    // Option value -> position in the index, per filter ("none" comes after the equipment).
    const position = Object.fromEntries(
      Object.entries(data.values).map(([name, keys]) => [name, new Map(keys.map((k, i) => [k, i]))])
    );
    position.equipment.set("none", data.values.equipment.length);
    const limits = [...selects.minutes.options].slice(1).map((o) => Number(o.value));
    [...form.querySelectorAll("option")].forEach((o) => { o.dataset.text = o.textContent; });

    const facet = (entry, name, state) =>
      name === "muscles" ? (state.assisting ? entry.all : entry.primary) : entry[name];

    const read = () => ({
      show: show.value,
      assisting: assisting.checked,
      ...Object.fromEntries(Object.entries(selects).map(([n, s]) => [n, s.value])),
    });

    // Option counts are written into a list only when a reader opens or focuses it, so a
    // filter change does not rewrite hundreds of option labels nobody is looking at.
    let tallies = {};
    const labelled = new Set();
    const label = (select) => {
      const n = select instanceof HTMLSelectElement ? select.name : null;
      if (!n || !tallies[n] || labelled.has(n)) return;
      labelled.add(n);
      [...select.options].slice(1).forEach((option, i) => {
        const value = n === "minutes" ? tallies[n][i] : tallies[n][position[n].get(option.value)];
        const text = `${option.dataset.text} (${value})`;
        if (option.textContent !== text) option.textContent = text;
      });
    };
    form.addEventListener("focusin", (event) => label(event.target));
    form.addEventListener("pointerdown", (event) => label(event.target.closest("select")));

    let shown = [];
    let drawn = 0;
    const draw = (upTo) => {
      const fragment = document.createDocumentFragment();
      for (const entry of shown.slice(drawn, upTo)) {
        const item = document.createElement("li");
        if (entry.still) {
          // The end pose, beside the name that says the same: decorative, so alt is empty.
          const still = document.createElement("img");
          Object.assign(still, { src: entry.still, alt: "", width: 90, height: 64, loading: "lazy", decoding: "async" });
          still.className = "movement-still";
          item.append(still);
        }
        const link = document.createElement("a");
        link.href = entry.href;
        link.textContent = entry.name;
        const facts = document.createElement("span");
        facts.className = "finder__facts";
        facts.textContent = entry.facts;
        item.append(link, " ", facts);
        fragment.append(item);
      }
      results.append(fragment);
      drawn = Math.min(upTo, shown.length);
      more.hidden = drawn >= shown.length;
      more.textContent = `Show ${Math.min(BATCH, shown.length - drawn)} more`;
    };

    const apply = () => {
      const state = read();
      const list = lists.get(state.show);
      const names = KINDS.get(state.show);
      form.querySelectorAll("[data-applies-to]").forEach((label) => {
        const hidden = !label.dataset.appliesTo.split(" ").includes(state.show);
        if (label.hidden !== hidden) label.hidden = hidden;
      });
      const started = performance.now();
      const active = names.filter((n) => state[n]);
      const wanted = Object.fromEntries(
        active.map((n) => [n, n === "minutes" ? Number(state[n]) : position[n].get(state[n])])
      );
      const passes = (entry, n) =>
        n === "minutes" ? entry.minutes !== null && entry.minutes <= wanted[n] : facet(entry, n, state).includes(wanted[n]);
      const counts = Object.fromEntries(
        names.map((n) => [n, new Uint32Array(n === "minutes" ? limits.length : position[n].size)])
      );
      const tally = (entry, n) => {
        if (n === "minutes") {
          limits.forEach((limit, i) => { if (entry.minutes !== null && entry.minutes <= limit) counts[n][i] += 1; });
        } else {
          for (const v of facet(entry, n, state)) counts[n][v] += 1;
        }
      };
      shown = [];
      for (const entry of list) {
        let failed = null;
        let failures = 0;
        for (const n of active) {
          if (!passes(entry, n)) {
            failures += 1;
            failed = n;
            if (failures > 1) break;
          }
        }
        if (failures === 0) {
          shown.push(entry);
          names.forEach((n) => tally(entry, n));
        } else if (failures === 1) {
          tally(entry, failed);
        }
      }
      // Exercises arrive reviewed first, easiest level first, then by name; with a problem
      // area chosen, each level follows the order that problem's page recommends.
      const recommended = state.show === "exercises" && state["problem-areas"]
        ? lists.get("order")[wanted["problem-areas"]] : null;
      if (recommended) {
        const place = (entry) => recommended.get(entry.row) ?? recommended.size;
        shown.sort((a, b) => a.draft - b.draft || a.level[0] - b.level[0] || place(a) - place(b));
      }
      finder.dataset.passMs = String(performance.now() - started);
      tallies = counts;
      labelled.clear();
      if (form.contains(document.activeElement)) label(document.activeElement);
      count.textContent = `${shown.length} of ${list.length} ${state.show}`;
      empty.hidden = shown.length > 0;
      results.replaceChildren();
      drawn = 0;
      draw(BATCH);
    };

    const address = () => {
      const state = read();
      const values = new Map(Object.entries(selects).map(([n, s]) => [n, s.value]));
      const query = writeAddress({ ...state, values }, KINDS.get(state.show));
      return query ? `?${query}` : location.pathname;
    };

    // Set the form from the address; say which values a shared link asks for that we lack.
    const restore = () => {
      const fields = [show, ...Object.values(selects)];
      const { values, assisting: assist, unknown } = readAddress(location.search, new Map(
        fields.map((select) => [select.name, {
          label: select.closest("label").querySelector(".finder__label").textContent.toLowerCase(),
          options: [...select.options].map((option) => option.value),
        }]),
      ));
      fields.forEach((select) => { select.value = values.get(select.name); });
      assisting.checked = assist;
      notice.hidden = unknown.length === 0;
      notice.textContent = unknown.length
        ? `This link asks for ${unknown.join(" and ")}, which the finder does not know, ` +
          "so that filter is not applied. Choose another value below."
        : "";
    };

    const record = (target) => {
      if (target !== location.search && !(target === location.pathname && !location.search)) {
        history.pushState(null, "", target);
      }
    };
    // Adding a history entry costs more than drawing the list on a slow phone, so it waits
    // until the new list has been painted.
    const change = () => {
      apply();
      notice.hidden = true;
      const target = address();
      requestAnimationFrame(() => setTimeout(() => record(target)));
    };
    form.addEventListener("change", change);
    form.addEventListener("reset", () => setTimeout(change));
    // Focus moves to the first card just drawn, so a keyboard reader carries on reading there
    // (and is not left on a button that disappears once everything is shown).
    more.addEventListener("click", () => {
      const first = drawn;
      draw(drawn + BATCH);
      results.children[first]?.querySelector("a")?.focus();
    });
    window.addEventListener("popstate", () => { restore(); apply(); });
    restore();
    apply();
    finder.dataset.finderReady = "";
  };

  document.querySelectorAll("[data-finder]").forEach((finder) => {
    const count = finder.querySelector("[data-finder-count]");
    fetch(new URL(finder.dataset.finderIndex, location.href))
      .then((response) => {
        if (!response.ok) throw new Error(response.statusText);
        return response.json();
      })
      .then((data) => setUp(finder, data))
      .catch(() => {
        count.textContent = "The finder could not load its list. Reload the page to try again.";
      });
  });
})();
