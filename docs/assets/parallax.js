// Parallax pages: a little script that only adds to pages that work without it.

// "Show only rows that differ": delegated, so it works on pages loaded by instant navigation too.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.classList.contains("px-only-differ")) return;
  box.closest(".px-pair")?.classList.toggle("px-only", box.checked);
});

// The pair chooser: any two or three accounts side by side, the choice kept in the URL (#compare=a~b~c).
// Each pair is a page of its own (pairs/<a>~<b>.html, linked for readers without script); the chooser
// fetches those pages and shows their rows here.
(() => {
  const form = document.querySelector("form.px-chooser");
  const view = document.querySelector(".px-pair");
  if (!form || !view) return;
  const known = new Set((form.dataset.pairs || "").split(" "));
  const status = form.querySelector("output");
  form.hidden = false;

  const file = (a, b) => (known.has(`${a}~${b}`) ? [`${a}~${b}`, false] : known.has(`${b}~${a}`) ? [`${b}~${a}`, true] : null);

  async function rows(a, b) {
    const found = file(a, b);
    if (!found) throw new Error(`no comparison of ${a} and ${b}`);
    const response = await fetch(`pairs/${found[0]}.html`);
    if (!response.ok) throw new Error(`pairs/${found[0]}.html: ${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const pair = page.querySelector(".px-pair");
    if (!pair) throw new Error(`pairs/${found[0]}.html has no comparison`);
    // Links in the pair page are relative to it; here they are relative to the event page.
    for (const link of pair.querySelectorAll("a[href]")) {
      const href = link.getAttribute("href");
      if (href.startsWith("../")) link.setAttribute("href", href.slice(3));
    }
    if (found[1]) {
      for (const row of pair.querySelectorAll(".px-prow")) {
        const cells = row.querySelectorAll(".px-pcell");
        if (cells.length === 2) cells[0].before(cells[1]);
      }
    }
    return pair;
  }

  async function show(choice) {
    const [a, b, c] = choice;
    status.textContent = "Loading…";
    const first = await rows(a, b);
    if (c) {
      const second = await rows(a, c);
      const extra = new Map([...second.querySelectorAll(".px-prow[data-row]")].map((r) => [r.dataset.row, r]));
      const head = first.querySelector(".px-prow--head");
      head.append(second.querySelector(".px-prow--head .px-pcell:last-child"));
      const table = first.querySelector(".px-pair__rows");
      for (const row of first.querySelectorAll(".px-prow[data-row]")) {
        const other = extra.get(row.dataset.row);
        extra.delete(row.dataset.row);
        const cell = other ? other.querySelectorAll(".px-pcell")[1] : absent(second, c);
        row.querySelectorAll(".px-pcell")[1].after(cell);
        const named = other?.querySelector(".px-named");
        if (named) row.append(named);
        if (other && !other.classList.contains("px-prow--same")) row.classList.remove("px-prow--same");
      }
      for (const [number, other] of extra) {  // rows only the third account has
        other.querySelectorAll(".px-pcell")[0].after(absent(first, b));
        const next = [...table.querySelectorAll(".px-prow[data-row]")].find((r) => Number(r.dataset.row) > Number(number));
        table.insertBefore(other, next || null);
      }
      first.querySelector(".px-pair__how").textContent =
        "The first account is the base: each of the others is marked where it differs from it.";
      first.style.setProperty("--px-accounts", "3");
    }
    view.replaceChildren(...first.childNodes);
    view.style.setProperty("--px-accounts", c ? "3" : "2");
    status.textContent = "";
  }

  function absent(pair, slug) {
    const cell = document.createElement("span");
    cell.className = "px-pcell px-pcell--absent";
    cell.setAttribute("role", "cell");
    cell.dataset.slug = slug;
    const head = pair.querySelector(`.px-prow--head [data-slug="${CSS.escape(slug)}"]`);
    cell.dataset.account = head ? head.textContent : slug;
    cell.textContent = "not in this account";
    return cell;
  }

  function chosen() {
    const match = /^#compare=([^&]+)$/.exec(location.hash);
    if (!match) return null;
    const parts = decodeURIComponent(match[1]).split("~").filter(Boolean);
    return parts.length >= 2 && new Set(parts).size === parts.length ? parts.slice(0, 3) : null;
  }

  async function follow() {
    const choice = chosen();
    if (!choice) return;
    for (const [i, name] of ["a", "b", "c"].entries()) {
      const select = form.elements.namedItem(name);
      if (select) select.value = choice[i] || "";
    }
    try {
      await show(choice);
    } catch (error) {
      status.textContent = String(error.message || error);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const choice = ["a", "b", "c"].map((n) => form.elements.namedItem(n)?.value).filter(Boolean);
    if (new Set(choice).size !== choice.length) {
      status.textContent = "Choose different accounts.";
      return;
    }
    const hash = `#compare=${choice.join("~")}`;
    if (location.hash === hash) follow();
    else location.hash = hash;
  });
  window.addEventListener("hashchange", follow);
  if (chosen()) follow();
  else if (view.hasAttribute("data-load")) {
    const [a, b] = view.dataset.pair.split("~");
    show([a, b]).catch((error) => { status.textContent = String(error.message || error); });
  }
})();

// A link to a row lands on it with its other wordings unfolded: the words a note or a fact points at show.
function unfoldTarget() {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (!target) return;
  for (let node = target; node; node = node.parentElement) {
    if (node instanceof HTMLDetailsElement) node.open = true;
  }
  const folded = target.querySelector(":scope > details");
  if (folded) folded.open = true;
}
window.addEventListener("hashchange", unfoldTarget);
unfoldTarget();

// The theme's search dialog has no name; screen readers announce it as "dialog" alone.
document.querySelector(".md-search")?.setAttribute("aria-label", "Search the site");

// Print what the page folds away (versions, agreed facts, background), then fold it back.
let unfolded = [];
window.addEventListener("beforeprint", () => {
  unfolded = [...document.querySelectorAll(".md-content details:not([open])")];
  for (const details of unfolded) details.open = true;
});
window.addEventListener("afterprint", () => {
  for (const details of unfolded) details.open = false;
  unfolded = [];
});
