/**
 * The JavaScript a page needs before it can run: the module scripts and
 * modulepreloads named in its built index.html, plus every chunk those import
 * statically, transitively. Chunks reached only through import() load on
 * demand and are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

export interface InitialJs {
  /** Paths relative to the out dir, entry first. */
  chunks: { file: string; bytes: number; gzipped: number }[];
  bytes: number;
  gzipped: number;
  /** JavaScript files in the build that the first page load does not fetch. */
  lazy: { files: string[]; gzipped: number };
}

/** Attribute maps of every <script> and <link> tag; the built index.html is simple enough for this. */
function tags(html: string): { name: string; attributes: Map<string, string> }[] {
  return [...html.matchAll(/<(script|link)\b([^>]*)>/gi)].map(([, name, rest]) => ({
    name: name!.toLowerCase(),
    attributes: new Map(
      [...rest!.matchAll(/([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)].map(([, key, a, b, c]) => [key!.toLowerCase(), a ?? b ?? c ?? '']),
    ),
  }));
}

function entryScripts(html: string): string[] {
  return tags(html).flatMap(({ name, attributes }) => {
    if (name === 'script' && attributes.get('type') === 'module' && attributes.has('src')) return [attributes.get('src')!];
    if (name === 'link' && attributes.get('rel') === 'modulepreload' && attributes.has('href')) return [attributes.get('href')!];
    return [];
  });
}

/** Specifiers of top-level import and re-export declarations; import() is an expression, so it is never among them. */
function staticImports(code: string): string[] {
  return parseAst(code).body.flatMap((node) => {
    if (node.type === 'ImportDeclaration') return [node.source.value];
    if ((node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) return [node.source.value];
    return [];
  });
}

/** Relative URL in the page or in a chunk → file in the out dir; anything else (a CDN, a bare name) is not ours to count. */
function localFile(outDir: string, fromFile: string, url: string): string | null {
  if (/^[a-z]+:|^\/\//i.test(url)) return null;
  const clean = url.split(/[?#]/)[0]!;
  return clean.startsWith('/') ? join(outDir, clean) : resolve(dirname(fromFile), clean);
}

export function gzipSize(content: Buffer): number {
  // Level 9, as `gzip -9` would compress it.
  return gzipSync(content, { level: 9 }).length;
}

export function measureInitialJs(outDir: string): InitialJs {
  const indexFile = join(outDir, 'index.html');
  const pending = entryScripts(readFileSync(indexFile, 'utf8')).flatMap((url) => localFile(outDir, indexFile, url) ?? []);
  const seen = new Set<string>();
  const chunks: InitialJs['chunks'] = [];
  while (pending.length) {
    const file = pending.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const content = readFileSync(file);
    chunks.push({ file: relative(outDir, file), bytes: content.length, gzipped: gzipSize(content) });
    pending.push(...staticImports(content.toString('utf8')).flatMap((url) => localFile(outDir, file, url) ?? []));
  }
  const lazyFiles = allJsFiles(outDir).filter((file) => !seen.has(file));
  return {
    chunks,
    bytes: chunks.reduce((sum, chunk) => sum + chunk.bytes, 0),
    gzipped: chunks.reduce((sum, chunk) => sum + chunk.gzipped, 0),
    lazy: {
      files: lazyFiles.map((file) => relative(outDir, file)),
      gzipped: lazyFiles.reduce((sum, file) => sum + gzipSize(readFileSync(file)), 0),
    },
  };
}

function allJsFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => resolve(entry.parentPath, entry.name));
}
