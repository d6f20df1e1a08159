// Small enhancements for the guide; every page works without them.

// "Print this routine": the button stays hidden unless scripts run.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// The exercise finder. Its data is the list already on the page (a few hundred items at
// most), each carrying its facets as data attributes; filtering them is a handful of
// comparisons. A search engine such as Pagefind would add a binary build step and an index
// for what is a plain facet filter, and its UI does not keep filters in the address bar,
// which sharing a finder link needs. So the filtering is written here, in full.
document.querySelectorAll("[data-finder]").forEach((finder) => {
  const form = finder.querySelector("[data-finder-form]");
  const items = [...finder.querySelectorAll("[data-finder-results] > li")];
  const count = finder.querySelector("[data-finder-count]");
  const empty = finder.querySelector("[data-finder-empty]");
  const selects = [...form.querySelectorAll("select")];

  // Does one item pass one filter? Lists (muscles…) match if they contain the value.
  const passes = (item, name, value) => {
    if (!value) return true;
    const facet = item.dataset[name.replace(/-(\w)/g, (_, c) => c.toUpperCase())];
    // A draft without a dose has no time, so a time filter leaves it out.
    if (name === "minutes") return facet !== "" && Number(facet) <= Number(value);
    return facet.split(" ").includes(value);
  };
  const matches = (item, filters) =>
    Object.entries(filters).every(([name, value]) => passes(item, name, value));
  const current = () => Object.fromEntries(selects.map((s) => [s.name, s.value]));

  const apply = () => {
    const filters = current();
    let shown = 0;
    items.forEach((item) => {
      item.hidden = !matches(item, filters);
      if (!item.hidden) shown += 1;
    });
    count.textContent = `${shown} of ${items.length} exercises`;
    empty.hidden = shown > 0;
    // Each option shows how many exercises it would leave, given the other filters.
    selects.forEach((select) => {
      [...select.options].forEach((option) => {
        if (!option.dataset.text) option.dataset.text = option.textContent;
        if (!option.value) return;
        const trial = { ...filters, [select.name]: option.value };
        const n = items.filter((item) => matches(item, trial)).length;
        option.textContent = `${option.dataset.text} (${n})`;
      });
    });
    const params = new URLSearchParams(
      Object.entries(filters).filter(([, value]) => value)
    );
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  const params = new URLSearchParams(location.search);
  selects.forEach((select) => {
    const wanted = params.get(select.name);
    if ([...select.options].some((option) => option.value === wanted)) select.value = wanted;
  });
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  apply();
});
