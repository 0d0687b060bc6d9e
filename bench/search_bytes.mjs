// Bytes one search downloads from a built site, counted by Pagefind's own
// script: bench/run.py runs `node bench/search_bytes.mjs SITE WORD` and reads
// the JSON line it prints.
//
// Why Node and not a browser: pagefind.js decides which files a query needs
// (the entry, the language's metadata and WebAssembly, the index chunks for
// the word, the filter chunks, then one fragment per result shown), so
// running it with a fetch that reads the site folder and counts bytes gives
// the exact list without starting Chromium on a shared machine. Outside a
// browser it runs on the main thread; a browser also loads
// pagefind-worker.js, which run.py adds. Sizes are the files as published
// (Pagefind's own files are gzipped already; a host may gzip the scripts).
import { readFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const [site, word, shown = "10"] = process.argv.slice(2);
const bundle = path.join(path.resolve(site), "pagefind");
const files = [];

globalThis.fetch = async (input) => {
  const url = new URL(String(input), pathToFileURL(bundle + "/"));
  const data = await readFile(fileURLToPath(url));
  files.push([path.relative(bundle, fileURLToPath(url)), data.length]);
  return new Response(data);
};

const script = path.join(bundle, "pagefind.js");
files.push(["pagefind.js", (await readFile(script)).length]);
const pagefind = await import(pathToFileURL(script).href);
// As the search page does (templates/theme/assets/javascripts/cari.js).
await pagefind.options({ excerptLength: 24 });
const found = (await pagefind.search(word)).results;
await Promise.all(found.slice(0, Number(shown)).map((r) => r.data()));
console.log(JSON.stringify({ word, results: found.length, files }));
