/**
 * node src/cli/run-bundled.mjs <script.ts> [args…]: runs a CLI script as one
 * bundle built by esbuild (the compiler tsx itself uses), rather than through
 * tsx. tsx starts a second Node process and compiles each module as it is
 * imported, which costs about a second before the script begins; bundling
 * takes a tenth of that, and a script that starts workers (scenarios:check)
 * would pay tsx's start-up again in each. Packages stay external: Node loads
 * them from node_modules as usual, which is why the bundle is written inside
 * the project (.cache/, ignored by git) rather than to a temporary folder.
 * It is rebuilt every run, so an edited file is always what runs.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [script] = process.argv.slice(2);
if (!script) {
  console.error('usage: node src/cli/run-bundled.mjs <script.ts> [args…]');
  process.exit(2);
}
const outdir = join('.cache', 'cli-bundles');
mkdirSync(outdir, { recursive: true });
const outfile = join(outdir, `${basename(script, '.ts')}.mjs`);
const { outputFiles } = await build({
  entryPoints: [script],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// Written aside and renamed into place, so a check started meanwhile never imports half a file.
const partial = `${outfile}.${process.pid}`;
writeFileSync(partial, outputFiles[0].contents);
renameSync(partial, outfile);
// The script reads its own arguments from process.argv, as it would run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
