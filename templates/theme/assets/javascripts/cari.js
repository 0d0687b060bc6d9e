// Warta's search page. Pagefind's index (built with the site, from the
// pages the privacy check passed) is loaded only when a reader searches,
// and then only the pieces for the words looked up. Every word shown comes
// from the form's data-* attributes (templates/pages/cari.j2).
const form = document.querySelector("form[data-warta-cari]");
const PAGE = 10;

if (form) {
  const status = document.querySelector(".warta-cari__status");
  const list = document.querySelector(".warta-cari__hasil");
  const more = document.querySelector(".warta-cari__lagi button");
  const words = form.dataset;
  const bundle = new URL(form.dataset.indeks, document.baseURI);
  let pagefind = null;
  let results = [];
  let shown = 0;

  const load = async () => {
    if (!pagefind) {
      pagefind = await import(new URL("pagefind.js", bundle).href);
      // Result addresses are made relative to where the site is published.
      await pagefind.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24 });
    }
    return pagefind;
  };

  // Pagefind marks the words found with <mark> in an escaped excerpt; keep
  // only text and those marks, whatever else the excerpt might hold.
  const excerpt = (html) => {
    const parsed = document.createElement("template");
    parsed.innerHTML = html;
    const p = document.createElement("p");
    for (const node of parsed.content.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(node.textContent);
      }
    }
    return p;
  };

  const showMore = async () => {
    const next = await Promise.all(results.slice(shown, shown + PAGE).map((r) => r.data()));
    for (const found of next) {
      const item = document.createElement("li");
      const heading = document.createElement("h2");
      const link = document.createElement("a");
      link.href = found.url;
      link.textContent = found.meta.title || found.url;
      heading.append(link);
      item.append(heading, excerpt(found.excerpt));
      list.append(item);
    }
    shown += next.length;
    more.hidden = shown >= results.length;
  };

  const search = async () => {
    const query = form.q.value.trim();
    const filters = {};
    for (const select of form.querySelectorAll("select")) {
      if (select.value) filters[select.name] = select.value;
    }
    list.replaceChildren();
    more.hidden = true;
    results = [];
    shown = 0;
    if (!query) {
      status.textContent = "";
      return;
    }
    status.textContent = words.memuat;
    try {
      results = (await (await load()).search(query, { filters })).results;
    } catch (error) {
      status.textContent = words.gagal;
      return;
    }
    const say = results.length ? words.hasil : words.kosong;
    status.textContent = say.replace("{n}", results.length.toLocaleString("id-ID")).replace("{q}", query);
    await showMore();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (value) params.set(key, value);
    }
    history.replaceState(null, "", "?" + params.toString());
    search();
  });
  more.addEventListener("click", showMore);

  // A search given in the address (?q=salur&program=...), from a link or the 404 page.
  const asked = new URLSearchParams(location.search);
  for (const field of form.elements) {
    if (field.name && asked.has(field.name)) field.value = asked.get(field.name);
  }
  if (form.q.value) search();
}
