// Turns the README's walkthrough into a bash script: every ```sh block from "## Walkthrough" to the end, in order,
// verbatim but for localhost:8080, which becomes HOST. A block is cut into commands at the lines that show output
// ("# ..." lines right under a command); each command runs in the same shell, and the script fails when a curl gets
// a 4xx or 5xx, when a command under which the README shows output prints nothing, or when a file written with
// -o is missing or empty. A block preceded by <!-- walkthrough: expect NNN --> must get status NNN instead.
// Usage: node .ci/walkthrough.mjs README.md HOST > script.sh   (then bash script.sh, from the repository's root)
import fs from 'node:fs';

const [readme, host] = process.argv.slice(2);
const lines = fs.readFileSync(readme, 'utf8').split('\n');
const start = lines.findIndex((line) => line.startsWith('## Walkthrough'));
if (start < 0) {
  console.error(`${readme} has no "## Walkthrough"`);
  process.exit(1);
}
const quote = (text) => `'${text.replaceAll("'", "'\\''")}'`;
const out = ['# generated from README.md by .ci/walkthrough.mjs', 'source .ci/walkthrough-lib.sh'];
let expect = null;
let blocks = 0;
for (let i = start; i < lines.length; i++) {
  const marker = lines[i].match(/^<!-- walkthrough: expect (\d{3}) -->$/);
  if (marker) {
    expect = marker[1];
    continue;
  }
  if (lines[i] !== '```sh') {
    continue;
  }
  blocks++;
  let command = [];
  let shown = false;
  let at = i + 2;
  const flush = () => {
    if (command.some((line) => line.trim() !== '')) {
      const text = command.join('\n').replaceAll('localhost:8080', host);
      const files = [...text.matchAll(/(?:^|\s)-o\s+("[^"]+"|\S+)/g)].map((m) => m[1])
        .filter((file) => !file.startsWith('/dev/'));
      out.push(`__begin ${quote(`${readme}:${at}`)} ${expect ?? '-'}`, '{', text, '} > "$__out"',
        `__end ${shown ? 1 : 0} ${files.map(quote).join(' ')}`);
    }
    command = [];
    shown = false;
  };
  for (i++; lines[i] !== '```'; i++) {
    const output = /^# /.test(lines[i]) || lines[i] === '#';
    if (output) {
      shown = true;
    } else if (shown) {
      flush();
      at = i + 1;
      command.push(lines[i]);
    } else {
      if (command.length === 0) {
        at = i + 1;
      }
      command.push(lines[i]);
    }
  }
  flush();
  expect = null;
}
out.push('__done');
console.log(out.join('\n'));
console.error(`${readme}: ${blocks} sh blocks from "## Walkthrough" on`);
