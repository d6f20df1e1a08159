// The finder's page wiring. It fetches a compact JSON index (finder/index.json) when the page
// opens and filters it in memory with core.js, whose one pass over the entries gives both the
// matches and, for every option, how many entries it would leave given the other filters.
// Only the first results are drawn, with "Show more" for the rest, so a filter change costs
// the same at any size. Filters live in the address bar (shareable, read and written by
// core.js), and each change is a history entry (Back works).
import { match, readAddress, readIndex, writeAddress } from "./core.js";

(() => {
  const BATCH = 50;

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
    const index = readIndex(data);
    // Which filters apply to which list, as the form says (data-applies-to on each filter).
    const kinds = new Map([...show.options].map(({ value: kind }) => [kind, Object.keys(selects).filter(
      (name) => selects[name].closest("[data-applies-to]").dataset.appliesTo.split(" ").includes(kind),
    )]));
    const limits = [...selects.minutes.options].slice(1).map((o) => Number(o.value));
    [...form.querySelectorAll("option")].forEach((o) => { o.dataset.text = o.textContent; });

    // The choice the form shows, as core.js takes it.
    const read = () => ({
      show: show.value,
      assisting: assisting.checked,
      values: new Map(Object.entries(selects).map(([n, s]) => [n, s.value])),
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
        const value = n === "minutes" ? tallies[n][i] : tallies[n][index.position[n].get(option.value)];
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
      const names = kinds.get(state.show);
      form.querySelectorAll("[data-applies-to]").forEach((label) => {
        const hidden = !label.dataset.appliesTo.split(" ").includes(state.show);
        if (label.hidden !== hidden) label.hidden = hidden;
      });
      const started = performance.now();
      const found = match(index, state, names, limits);
      shown = found.shown;
      finder.dataset.passMs = String(performance.now() - started);
      tallies = found.counts;
      labelled.clear();
      if (form.contains(document.activeElement)) label(document.activeElement);
      count.textContent = `${shown.length} of ${index[state.show].length} ${state.show}`;
      empty.hidden = shown.length > 0;
      results.replaceChildren();
      drawn = 0;
      draw(BATCH);
    };

    const address = () => {
      const state = read();
      const query = writeAddress(state, kinds.get(state.show));
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
