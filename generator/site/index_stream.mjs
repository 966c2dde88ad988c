// Site stage, the search index as the engine writes the pages: Pagefind's documented Node API
// (createIndex, addHTMLFile, writeFiles), fed one page a line on standard input as JSON
// {"url": "/ideer/x/", "content": "<html>…"}; at the end of input it writes the index to the
// folder named by the second argument. The first names the pinned package's module; the
// root and the excluded selectors follow, as `pagefind --root-selector … --exclude-selectors …`
// takes them.
import * as readline from "node:readline";
import { pathToFileURL } from "node:url";

const [modulePath, outputPath, rootSelector, excludeSelectors] = process.argv.slice(2);
const pagefind = await import(pathToFileURL(modulePath).href);

function fail(errors) {
  console.error(errors.join("\n"));
  process.exit(1);
}

const created = await pagefind.createIndex({
  rootSelector,
  excludeSelectors: excludeSelectors.split(",").map((selector) => selector.trim()),
});
if (!created.index) fail(created.errors);
const index = created.index;
const added = [];
for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line) added.push(index.addHTMLFile(JSON.parse(line)));
}
const errors = (await Promise.all(added)).flatMap((response) => response.errors);
if (errors.length) fail(errors);
const written = await index.writeFiles({ outputPath });
if (written.errors.length) fail(written.errors);
await pagefind.close();
