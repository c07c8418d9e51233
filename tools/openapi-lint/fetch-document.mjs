// Waits for the service to answer, then saves its OpenAPI document: node fetch-document.mjs URL FILE.
// Node's own fetch, so CI needs nothing beyond node (no curl).
import { writeFile } from "node:fs/promises";

const [url, file] = process.argv.slice(2);
const deadline = Date.now() + 60_000;
while (Date.now() < deadline) {
  try {
    const response = await fetch(url);
    if (response.ok) {
      await writeFile(file, await response.text());
      process.exit(0);
    }
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
console.error(`no OpenAPI document from ${url} within 60 s`);
process.exit(1);
