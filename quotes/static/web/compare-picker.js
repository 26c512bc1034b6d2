// The compare picker: type part of a name, pick a suggestion (from the app's own
// /compare/suggest/, no CDN), and its slug joins the comma-separated field the form sends.
// Without JavaScript the slugs can still be typed into that field.
for (const picker of document.querySelectorAll("fieldset.picker")) {
  const search = picker.querySelector(".picker-search");
  const value = picker.querySelector(".picker-value");
  const list = document.getElementById(search.getAttribute("list"));
  const bySlugOrName = new Map();
  let timer = null;
  const add = (slug) => {
    const slugs = value.value.split(",").map((s) => s.trim()).filter(Boolean);
    if (!slugs.includes(slug)) slugs.push(slug);
    value.value = slugs.join(",");
    search.value = "";
    list.replaceChildren();
  };
  search.addEventListener("input", () => {
    const typed = search.value.trim();
    const chosen = bySlugOrName.get(typed);
    if (chosen) return add(chosen);
    clearTimeout(timer);
    if (!typed) return;
    timer = setTimeout(async () => {
      const url = picker.dataset.suggest + "&q=" + encodeURIComponent(typed);
      const { results } = await (await fetch(url)).json();
      list.replaceChildren(
        ...results.map(({ slug, name }) => {
          bySlugOrName.set(name, slug);
          bySlugOrName.set(slug, slug);
          const option = document.createElement("option");
          option.value = name;
          option.label = slug;
          return option;
        }),
      );
    }, 150);
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && bySlugOrName.has(search.value.trim())) {
      event.preventDefault();
      add(bySlugOrName.get(search.value.trim()));
    }
  });
}
