#!/usr/bin/env node
// Applies the install steps of README.md ("## Install into an existing Backstage") to an app, the way a
// person would follow them: every code block of that section that carries a marker is applied, in the
// order of the README. So when the README changes, the install test changes with it, and a snippet that
// no longer fits an app made by Backstage's generator fails here, naming the step.
//
// A marker is an HTML comment (invisible on GitHub) on the line(s) just before a fenced code block:
//
//   <!-- try-install: <verb> <arguments> -->            applied for both frontend systems
//   <!-- try-install legacy: <verb> <arguments> -->     only for the legacy frontend system
//   <!-- try-install next: <verb> <arguments> -->       only for the new frontend system
//
// Verbs (paths are relative to the app's root):
//   run                        run the block's lines with bash in the app's root (`yarn add ...`)
//   write <path>               write the block as a new file
//   merge <path>               merge a YAML block into a YAML file: mappings merge, sequences get the
//                              block's items appended, scalars are replaced (app-config.yaml, .yarnrc.yml)
//   imports <path>             add the block's import lines after the file's last import
//   insert <path> before|after <where>
//                              insert the block before/after the line <where> finds
//   replace <path> <where>     replace what <where> finds with the block
//
// <where> is either a chain of quoted strings, "a" > "b" > "c": the first line containing a, then the
// first line after it containing b, ... (the last one is the place); or a /regular expression/ matched
// on the whole file (replace: the matched text; insert: the lines it spans).
//
// usage: node apply-readme.mjs <README.md> <app dir> <legacy|next> [--list]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const YAML = require('yaml');

const [readmePath, appDirArg, system, flag] = process.argv.slice(2);
if (!readmePath || !appDirArg || !['legacy', 'next'].includes(system)) {
  console.error(
    'usage: node apply-readme.mjs <README.md> <app dir> <legacy|next> [--list]',
  );
  process.exit(2);
}
const appDir = path.resolve(appDirArg);
const SECTION = '## Install into an existing Backstage';

/** The marked code blocks of the install section, in order. */
export function readSteps(markdown) {
  const lines = markdown.split('\n');
  const start = lines.findIndex(l => l.trim() === SECTION);
  if (start < 0) throw new Error(`README has no "${SECTION}" section`);
  let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (end < 0) end = lines.length;
  const steps = [];
  let heading = '';
  let pending = [];
  for (let i = start + 1; i < end; i++) {
    const line = lines[i];
    if (/^#{3,} /.test(line)) heading = line.replace(/^#+ /, '');
    const marker = line.match(
      /^<!--\s*try-install(?:\s+(legacy|next))?:\s*(.*?)\s*-->\s*$/,
    );
    if (marker) {
      // several markers before one block apply it several times (e.g. to several pages)
      pending.push({
        system: marker[1] ?? 'both',
        command: marker[2],
        line: i + 1,
        heading,
      });
      continue;
    }
    if (/^<!--\s*prettier-ignore\s*-->\s*$/.test(line)) continue;
    const fence = line.match(/^(\s*)(```+|~~~+)\s*([\w-]*)/);
    if (fence) {
      const close = fence[2];
      const body = [];
      let j = i + 1;
      while (j < end && !lines[j].trim().startsWith(close))
        body.push(lines[j++]);
      for (const p of pending)
        steps.push({ ...p, lang: fence[3], body: `${body.join('\n')}\n` });
      pending = [];
      i = j;
      continue;
    }
    if (pending.length && line.trim() !== '') {
      throw new Error(
        `README line ${pending[0].line}: a try-install marker must be followed by a code block`,
      );
    }
  }
  return steps;
}

function parseCommand(command) {
  const m = command.match(/^(\w+)(?:\s+(\S+))?\s*(.*)$/);
  if (!m) throw new Error(`cannot read marker "${command}"`);
  return { verb: m[1], file: m[2], rest: m[3] };
}

/** Finds the place <where> names: { from, to } line indexes (inclusive) and, for a regex, the match. */
function locate(text, where) {
  const lines = text.split('\n');
  const re = where.match(/^\/(.*)\/([a-z]*)$/s);
  if (re) {
    const m = new RegExp(re[1], re[2]).exec(text);
    if (!m) return undefined;
    const from = text.slice(0, m.index).split('\n').length - 1;
    const to = from + m[0].split('\n').length - 1;
    return { from, to, index: m.index, length: m[0].length };
  }
  const needles = [...where.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(n =>
    JSON.parse(`"${n[1]}"`),
  );
  if (!needles.length) throw new Error(`cannot read place ${where}`);
  let at = -1;
  for (const needle of needles) {
    const next = lines.findIndex((l, i) => i > at && l.includes(needle));
    if (next < 0) return undefined;
    at = next;
  }
  return { from: at, to: at };
}

/** Re-indents a block to the indentation of the line it goes next to. */
function indentLike(block, line) {
  const indent = line.match(/^\s*/)[0];
  const body = block.replace(/\n$/, '').split('\n');
  const own = Math.min(
    ...body.filter(l => l.trim()).map(l => l.match(/^\s*/)[0].length),
  );
  return body.map(l => (l.trim() ? indent + l.slice(own) : '')).join('\n');
}

function mergeYaml(doc, node, value) {
  // node: a YAML node of the document; value: plain JS from the block
  for (const [key, v] of Object.entries(value)) {
    const existing = node.get(key, true);
    if (
      existing &&
      YAML.isMap(existing) &&
      v &&
      typeof v === 'object' &&
      !Array.isArray(v)
    ) {
      mergeYaml(doc, existing, v);
    } else if (existing && YAML.isSeq(existing) && Array.isArray(v)) {
      const have = existing.toJSON().map(i => JSON.stringify(i));
      for (const item of v) {
        if (!have.includes(JSON.stringify(item)))
          existing.add(doc.createNode(item));
      }
    } else {
      node.set(key, doc.createNode(v));
    }
  }
}

function apply(step) {
  const { verb, file, rest } = parseCommand(step.command);
  const target = file ? path.join(appDir, file) : undefined;
  const read = () => {
    if (!fs.existsSync(target))
      throw new Error(`${file} does not exist in the app`);
    return fs.readFileSync(target, 'utf8');
  };
  switch (verb) {
    case 'run': {
      if (process.env.APPLY_README_SKIP_RUN) return;
      const script = step.body
        .split('\n')
        .filter(l => l.trim() && !l.trim().startsWith('#'))
        .join('\n');
      console.log(script.replace(/^/gm, '      $ '));
      try {
        const out = execFileSync('bash', ['-euo', 'pipefail', '-c', script], {
          cwd: appDir,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          maxBuffer: 256 * 1024 * 1024,
        });
        if (process.env.APPLY_README_LOG)
          fs.appendFileSync(process.env.APPLY_README_LOG, out);
      } catch (e) {
        const out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
        if (process.env.APPLY_README_LOG)
          fs.appendFileSync(process.env.APPLY_README_LOG, out);
        console.log(
          out
            .split('\n')
            .filter(l => !/YN0000|YN0085/.test(l))
            .slice(-40)
            .join('\n'),
        );
        throw new Error(`the commands failed (exit ${e.status})`);
      }
      return;
    }
    case 'write':
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, step.body);
      return;
    case 'merge': {
      const doc = fs.existsSync(target)
        ? YAML.parseDocument(fs.readFileSync(target, 'utf8'))
        : new YAML.Document({});
      if (!doc.contents) doc.contents = doc.createNode({});
      mergeYaml(doc, doc.contents, YAML.parse(step.body) ?? {});
      fs.writeFileSync(
        target,
        doc.toString({
          lineWidth: 0,
          flowCollectionPadding: false,
          singleQuote: true,
        }),
      );
      return;
    }
    case 'imports': {
      const text = read();
      const lines = text.split('\n');
      // the end of the last top-level import statement
      let last = -1;
      for (let i = 0; i < lines.length; i++) {
        if (/^import\s/.test(lines[i])) {
          let j = i;
          while (
            j < lines.length &&
            !/from\s+['"][^'"]+['"];?\s*$|^import\s+['"][^'"]+['"];?\s*$/.test(
              lines[j],
            )
          )
            j++;
          last = j;
          i = j;
        }
      }
      lines.splice(last + 1, 0, step.body.replace(/\n$/, ''));
      fs.writeFileSync(target, lines.join('\n'));
      return;
    }
    case 'insert':
    case 'replace': {
      const text = read();
      let where = rest;
      let side;
      if (verb === 'insert') {
        const m = rest.match(/^(before|after)\s+(.*)$/s);
        if (!m)
          throw new Error(`insert needs "before" or "after": ${step.command}`);
        side = m[1];
        where = m[2];
      }
      const place = locate(text, where);
      if (!place) throw new Error(`${file}: found no place ${where}`);
      const lines = text.split('\n');
      if (verb === 'replace' && place.index !== undefined) {
        const body = step.body.replace(/\n$/, '');
        fs.writeFileSync(
          target,
          text.slice(0, place.index) +
            body +
            text.slice(place.index + place.length),
        );
        return;
      }
      if (verb === 'replace') {
        lines.splice(
          place.from,
          place.to - place.from + 1,
          indentLike(step.body, lines[place.from]),
        );
      } else if (side === 'before') {
        const ref = lines[place.from];
        // a top-level statement gets a blank line between it and the block
        const gap =
          /^\S/.test(ref) && lines[place.from - 1]?.trim() !== '' ? [''] : [];
        // before a closing tag or bracket, one level deeper than it
        const block = indentLike(
          step.body,
          /^\s*(<\/|[)}\]])/.test(ref) ? `${ref.match(/^\s*/)[0]}  x` : ref,
        );
        lines.splice(
          place.from,
          0,
          ...(/^\S/.test(ref) ? [block, ''] : [block]),
        );
        if (gap.length) lines.splice(place.from, 0, '');
      } else {
        // after a line that opens a block ("(", "{", "[", "<>" or an opening tag), one level deeper
        const ref = lines[place.to];
        const deeper =
          /[({[]\s*$/.test(ref) ||
          (/>\s*$/.test(ref) &&
            !/\/>\s*$/.test(ref) &&
            !/^\s*<\//.test(ref) &&
            /<[\w.]*[^>]*>\s*$/.test(ref));
        const indentRef = deeper ? `${ref.match(/^\s*/)[0]}  x` : ref;
        lines.splice(place.to + 1, 0, indentLike(step.body, indentRef));
      }
      fs.writeFileSync(target, lines.join('\n'));
      return;
    }
    default:
      throw new Error(`unknown verb "${verb}" in marker "${step.command}"`);
  }
}

const steps = readSteps(fs.readFileSync(readmePath, 'utf8')).filter(
  s => s.system === 'both' || s.system === system,
);
if (!steps.length) {
  console.error('README: no try-install steps found');
  process.exit(1);
}
for (const [n, step] of steps.entries()) {
  const label = `README line ${step.line} (${
    step.heading
  }): ${step.command.replace(/\s+/g, ' ')}`;
  console.log(`    [${n + 1}/${steps.length}] ${label}`);
  if (flag === '--list') continue;
  try {
    apply(step);
  } catch (e) {
    console.error(`\n    FAILED: ${label}\n    ${e.message}`);
    process.exit(1);
  }
}
