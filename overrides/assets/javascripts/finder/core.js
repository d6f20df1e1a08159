// The finder's address bar without a page: what a shared link asks for, checked against the
// values the form offers, and the address a choice of filters is shared at. Nothing here
// touches the DOM, so `node --test` runs it. Every lookup is of an own value (a Map or an
// array), so '?pattern=constructor' or '?show=__proto__' is simply a value the finder lacks.

export const SHOWN_LENGTH = 40;
// How much of an unknown value the notice quotes: a link may carry anything, at any length.

const shorten = (value) => {
  const characters = [...value];
  return characters.length > SHOWN_LENGTH ? `${characters.slice(0, SHOWN_LENGTH).join("")}…` : value;
};

// ``fields`` maps each select's name to {label, options}: its option values, the first one
// chosen when the address names none. Returns the value of every field (a Map), whether
// assisting muscles count, and "label “value”" for each value the link asks for that no
// option has.
export const readAddress = (search, fields) => {
  const params = new URLSearchParams(search);
  const values = new Map();
  const unknown = [];
  for (const [name, { label, options }] of fields) {
    const asked = params.get(name);
    const known = asked !== null && options.includes(asked);
    values.set(name, known ? asked : options[0]);
    if (asked !== null && !known) unknown.push(`${label} “${shorten(asked)}”`);
  }
  return { values, assisting: params.get("assisting") === "yes", unknown };
};

// The query a choice is shared at ("" for the defaults): ``show`` is the list shown,
// ``filters`` the names of the filters that apply to it, ``values`` a Map of every field.
export const writeAddress = ({ show, values, assisting }, filters) => {
  const params = new URLSearchParams();
  if (show !== "exercises") params.set("show", show);
  for (const name of filters) {
    if (values.get(name)) params.set(name, values.get(name));
  }
  if (assisting && show === "exercises") params.set("assisting", "yes");
  return params.toString();
};

// ---- The index (finder/index.json, declared by FinderIndex in generator/finder.py) and the
// filtering of it. Entries refer to filter values by position in the index's value lists.

export const NO_EQUIPMENT = "none";
// The equipment option for what a runner has at home without buying anything: it counts as
// one more equipment position, after the index's own, held by every entry that needs nothing
// outside the household equipment (the floor and a wall, never a bench or step).

const link = (pattern, id) => pattern.replace("%7Bid%7D", id).replace("{id}", id);

// The index read into what the finder filters: `exercises` and `routines` (each entry with
// its facets as positions and its line of facts), `order` (per problem area, exercise row ->
// its place in the order the problem page recommends) and `position` (per filter, option
// value -> position).
export const readIndex = (data) => {
  const none = data.values.equipment.length;
  const household = new Set(data.household);
  const withNone = (equipment) => (equipment.every((e) => household.has(e)) ? [...equipment, none] : equipment);
  const position = Object.fromEntries(
    Object.entries(data.values).map(([name, keys]) => [name, new Map(keys.map((key, i) => [key, i]))]),
  );
  position.equipment.set(NO_EQUIPMENT, none);
  return {
    position,
    // A draft has no pattern yet (-1) and no dose (minutes null); it is listed last.
    exercises: data.exercises.map(([id, name, pattern, areas, primary, secondary, equipment, level, minutes, draft, still], row) => ({
      id, name, minutes, row, draft,
      href: link(data.urls.exercises, id),
      still: still ? link(data.urls.stills, id) : null,
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
      href: link(data.urls.routines, id),
      facts: `Routine · ${minutes} min`,
      "problem-areas": areas, equipment: withNone(equipment),
    })),
    order: data.order.map((rows) => new Map(rows.map((row, i) => [row, i]))),
  };
};

// What a choice lists, from the index read by `readIndex`. ``choice`` is {show, values,
// assisting}: the list shown ('exercises' or 'routines'), a Map of filter name -> option
// value ('' for any; minutes as a number of minutes) and whether muscles that only assist
// count. ``filters`` names the filters that apply to that list, ``limits`` the minute options.
//
// Returns `shown`, the entries passing every filter, and `counts`: per filter, how many
// entries each option would list with the other filters kept (per position, or per limit for
// minutes), all in one pass over the list. Exercises come reviewed first, then easiest level
// first, then by name; with a problem area chosen, each level follows the order that problem's
// page recommends, so a beginner sees its first exercises first.
export const match = (index, { show, values, assisting }, filters, limits) => {
  const list = index[show];
  const active = filters.filter((name) => values.get(name));
  const wanted = new Map(active.map((name) => [
    name, name === "minutes" ? Number(values.get(name)) : index.position[name].get(values.get(name)),
  ]));
  const facet = (entry, name) => (name === "muscles" ? (assisting ? entry.all : entry.primary) : entry[name]);
  const within = (entry, limit) => entry.minutes !== null && entry.minutes <= limit;
  const passes = (entry, name) =>
    name === "minutes" ? within(entry, wanted.get(name)) : facet(entry, name).includes(wanted.get(name));
  const counts = Object.fromEntries(filters.map((name) => [
    name, new Uint32Array(name === "minutes" ? limits.length : index.position[name].size),
  ]));
  const tally = (entry, name) => {
    if (name === "minutes") limits.forEach((limit, i) => { if (within(entry, limit)) counts[name][i] += 1; });
    else for (const value of facet(entry, name)) counts[name][value] += 1;
  };
  const shown = [];
  for (const entry of list) {
    let failed = null;
    let failures = 0;
    for (const name of active) {
      if (!passes(entry, name)) {
        failures += 1;
        failed = name;
        if (failures > 1) break;
      }
    }
    if (failures === 0) {
      shown.push(entry);
      filters.forEach((name) => tally(entry, name));
    } else if (failures === 1) {
      tally(entry, failed);
    }
  }
  const recommended = show === "exercises" && wanted.has("problem-areas")
    ? index.order[wanted.get("problem-areas")] : null;
  if (recommended) {
    const place = (entry) => recommended.get(entry.row) ?? recommended.size;
    shown.sort((a, b) => a.draft - b.draft || a.level[0] - b.level[0] || place(a) - place(b));
  }
  return { shown, counts };
};
