// "Show only rows that differ": delegated, so it works on pages loaded by instant navigation too.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.classList.contains("px-only-differ")) return;
  box.closest(".px-aligned")?.classList.toggle("px-only", box.checked);
});
