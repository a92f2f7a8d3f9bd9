// Prints a client smoke test: the README's code block that follows <!-- client: LANGUAGE -->, verbatim but for its
// base URL, followed by the checks in CHECKS (which use the snippet's variables). TypeScript is compiled to CommonJS,
// where a top-level await is not allowed: its imports stay on top and the rest runs in an async main.
// Usage: node snippet.mjs README.md LANGUAGE CHECKS BASE_URL
import fs from 'node:fs';

const [readme, language, checks, baseUrl] = process.argv.slice(2);
const text = fs.readFileSync(readme, 'utf8');
const marker = `<!-- client: ${language} -->`;
const start = text.indexOf(marker);
if (start < 0) {
  console.error(`${readme} has no ${marker}`);
  process.exit(1);
}
const block = text.slice(start).match(/```[a-z]*\n([\s\S]*?)\n```/);
const snippet = block[1].replaceAll('http://localhost:8080', baseUrl);
const extra = fs.readFileSync(checks, 'utf8');
if (language === 'typescript') {
  const lines = snippet.split('\n');
  const imports = lines.filter((line) => line.startsWith('import '));
  const body = lines.filter((line) => !line.startsWith('import '));
  console.log([...imports, 'declare const process: { exitCode?: number; env: Record<string, string | undefined> };', '', 'async function main() {', ...body,
    '', extra, '}', '', 'main().catch((error) => { console.error(error); process.exitCode = 1; });'].join('\n'));
} else {
  console.log(`${snippet}\n\n${extra}`);
}
