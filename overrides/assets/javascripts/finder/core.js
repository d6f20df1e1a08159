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
