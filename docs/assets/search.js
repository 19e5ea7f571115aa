// Pagefind search in the header (large sites only): result cards that say what a hit is, with its date and
// outlets. The index is fetched in chunks as a query needs them, so a reader downloads little.
(() => {
  const box = document.querySelector("[data-px-search]");
  if (!box) return;
  const input = box.querySelector("input");
  const panel = box.querySelector(".px-search__panel");
  const status = panel.querySelector(".px-search__status");
  const list = panel.querySelector(".px-search__list");
  const more = panel.querySelector(".px-search__more");
  const PAGE = 8;
  // The site's root, from the theme's own config: right below a repository path (user.github.io/repo/) too.
  const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
  const root = new URL(`${config.base || "."}/`, location.href);
  let engine = null;
  let current = null;
  let shown = 0;
  box.hidden = false;

  function load() {
    engine ??= import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
      await pagefind.options({ baseUrl: root.pathname, excerptLength: 24 });
      await pagefind.init();
      return pagefind;
    });
    return engine;
  }

  // Pagefind's excerpt is escaped text with <mark> around the words found: keep exactly that, nothing else.
  function excerpt(html) {
    const out = document.createElement("p");
    out.className = "px-hit__excerpt";
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    for (const node of parsed ? parsed.childNodes : []) {
      if (node.nodeName === "MARK") out.append(Object.assign(document.createElement("mark"), { textContent: node.textContent }));
      else out.append(node.textContent);
    }
    return out;
  }

  function card(data) {
    const item = document.createElement("li");
    const link = Object.assign(document.createElement("a"), { className: "px-hit", href: data.url });
    const kind = data.meta.kind || "Page";
    link.dataset.kind = kind.toLowerCase();
    const head = Object.assign(document.createElement("span"), { className: "px-hit__head" });
    head.append(
      Object.assign(document.createElement("span"), { className: "px-hit__kind", textContent: kind }),
      Object.assign(document.createElement("span"), { className: "px-hit__title", textContent: data.meta.title || data.url }),
    );
    const facts = [data.meta.date, data.meta.detail].filter(Boolean).join(" · ");
    link.append(head);
    if (facts) link.append(Object.assign(document.createElement("span"), { className: "px-hit__meta", textContent: facts }));
    link.append(excerpt(data.excerpt || ""));
    item.append(link);
    return item;
  }

  async function showMore() {
    if (!current) return;
    const search = current;
    const page = await Promise.all(search.results.slice(shown, shown + PAGE).map((r) => r.data()));
    if (search !== current) return;
    list.append(...page.map(card));
    shown += page.length;
    more.hidden = shown >= search.results.length;
  }

  async function run(query, wait) {
    const pagefind = await load();
    const search = await pagefind.debouncedSearch(query, {}, wait);
    if (search === null) return;  // a later keystroke replaced this query
    current = search;
    shown = 0;
    list.replaceChildren();
    const count = search.results.length;
    status.textContent = count ? `${count} result${count === 1 ? "" : "s"} for “${query}”` : `No result for “${query}”`;
    await showMore();
    box.dataset.state = "done";
  }

  function open(show) {
    panel.hidden = !show;
    input.setAttribute("aria-expanded", String(show));
  }

  input.addEventListener("focus", () => { load(); });
  input.addEventListener("click", () => { if (input.value.trim() && current) open(true); });
  input.addEventListener("input", () => {
    const query = input.value.trim();
    box.dataset.state = "searching";
    if (!query) { current = null; list.replaceChildren(); status.textContent = ""; open(false); return; }
    open(true);
    run(query, 150).catch((error) => { status.textContent = `Search failed: ${error.message || error}`; });
  });
  box.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (query) { open(true); run(query, 0).catch((error) => { status.textContent = `Search failed: ${error.message || error}`; }); }
  });
  more.addEventListener("click", () => { showMore(); });
  // Keys: down from the box into the results, up and down through them, Escape back to the box.
  box.addEventListener("keydown", (event) => {
    const links = [...list.querySelectorAll("a.px-hit")];
    const at = links.indexOf(document.activeElement);
    if (event.key === "Escape") { open(false); input.focus(); }
    else if (event.key === "ArrowDown" && links.length) { event.preventDefault(); links[Math.min(at + 1, links.length - 1)].focus(); }
    else if (event.key === "ArrowUp" && at >= 0) { event.preventDefault(); (at === 0 ? input : links[at - 1]).focus(); }
  });
  document.addEventListener("click", (event) => { if (!box.contains(event.target)) open(false); });
  // "/" jumps to the box, as it does on Material's own search.
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && !event.target.closest?.("input, textarea, select, [contenteditable]")) {
      event.preventDefault();
      input.focus();
    }
  });
})();
