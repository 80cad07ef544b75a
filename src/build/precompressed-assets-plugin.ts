/**
 * Writes a gzipped copy (`.gz`) beside each text file the build puts in
 * assets/, and makes `npm run preview` send that copy to a browser that
 * accepts gzip. Vite's preview server otherwise compresses every response
 * as it sends it: for the language chunk (4 MB of script) that is about
 * 170 ms of work on each request, which the trainee waits through the
 * first time the reply box loads the model. Other servers of the build
 * can do the same (nginx's gzip_static, for one; see the README).
 */
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text files, which gzip shrinks to a quarter or so; the act model's weights (.bin) shrink by only a quarter and are sent as they are. */
const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** Below this, compressing saves less than a packet. */
const SMALLEST = 1024;

export function precompressedAssetsPlugin(): Plugin {
  let assetsDir = '';
  return {
    name: 'call-trainer-precompressed-assets',
    configResolved(config) {
      assetsDir = resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    closeBundle() {
      if (!statSync(assetsDir, { throwIfNoEntry: false })?.isDirectory()) return;
      for (const name of readdirSync(assetsDir)) {
        if (!(extname(name) in CONTENT_TYPES)) continue;
        const file = join(assetsDir, name);
        const content = readFileSync(file);
        if (content.length >= SMALLEST) writeFileSync(`${file}.gz`, gzipSync(content));
      }
    },
    configurePreviewServer(server) {
      const dist = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((request, response, next) => {
        const path = decodedPath(request.url);
        const type = path && CONTENT_TYPES[extname(path)];
        const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
        if (request.method !== 'GET' || !path?.startsWith('/assets/') || path.includes('..') || !type || !accepts) return next();
        const file = join(dist, `${path}.gz`);
        const gzipped = statSync(file, { throwIfNoEntry: false });
        if (!gzipped?.isFile()) return next();
        response.setHeader('Content-Type', type);
        response.setHeader('Content-Encoding', 'gzip');
        response.setHeader('Content-Length', gzipped.size);
        response.setHeader('Vary', 'Accept-Encoding');
        createReadStream(file).pipe(response);
      });
    },
  };
}

/** The request's path, decoded; null when it is not valid percent-encoding (the static server then answers). */
function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(url?.split('?')[0] ?? '');
  } catch {
    return null;
  }
}

