/**
 * node src/cli/run-bundled.mjs <script.ts> [args…]: runs a CLI script as one
 * bundle built by esbuild (the compiler tsx itself uses), rather than through
 * tsx. tsx starts a second Node process and compiles each module as it is
 * imported, which costs about a second before the script begins; bundling
 * takes a tenth of that, and a script that starts workers (scenarios:check)
 * would pay tsx's start-up again in each. The packages it imports are bundled
 * with it: Node's module loader finding and reading zod's and xstate's many
 * files took each worker about a tenth of a second. The bundle is written
 * inside the project (.cache/, ignored by git).
 * It is rebuilt whenever any file that went into it (or the project's
 * tsconfig.json, package.json or lock file) has changed since the last build began, so
 * an edited file is always what runs; otherwise the last bundle runs as it is.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script] = process.argv.slice(2);
if (!script) {
  console.error('usage: node src/cli/run-bundled.mjs <script.ts> [args…]');
  process.exit(2);
}
const outdir = join('.cache', 'cli-bundles');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${basename(script, '.ts')}.mjs`);
/** What the last build read, and when it began: a file changed since then (or gone) means building again. */
const inputsFile = `${outfile}.inputs.json`;

function upToDate() {
  try {
    const { began, inputs } = JSON.parse(readFileSync(inputsFile, 'utf8'));
    statSync(outfile);
    return inputs.every((input) => statSync(input).mtimeMs < began);
  } catch {
    return false;
  }
}

if (!upToDate()) {
  const began = Date.now();
  // Loaded only to build: a run with the bundle up to date does without it.
  const { build } = await import('esbuild');
  const { outputFiles, metafile } = await build({
    entryPoints: [script],
    outfile,
    write: false,
    metafile: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The packages it uses are bundled too, each in its ES module build (jsonc-parser's other build requires files by computed names).
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  // Written aside and renamed into place, so a check started meanwhile never imports half a file.
  const replace = (file, contents) => {
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, contents);
    renameSync(partial, file);
  };
  replace(outfile, outputFiles.find((file) => file.path.endsWith('.mjs')).contents);
  replace(inputsFile, JSON.stringify({ began, inputs: [...Object.keys(metafile.inputs), 'tsconfig.json', 'package.json', 'package-lock.json'] }));
}
// The script reads its own arguments from process.argv, as it would run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
