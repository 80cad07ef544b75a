/**
 * `npm run preview` serves the built app's assets/ as immutable: their file
 * names carry a hash of their content, so a browser that has a file never
 * needs to ask for it again. Vite's preview server answers every file
 * "no-cache", so each visit asked again for every script (a round trip
 * each, six at a time) before the page could start. index.html stays
 * no-cache, so a new build is picked up at the next visit. Any other
 * server of the build should do the same (see the README).
 */
import type { Plugin } from 'vite';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export function assetCachingPlugin(): Plugin {
  return {
    name: 'call-trainer-asset-caching',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        // Vite writes only hashed names into assets/ (files kept as named live in public/, served from the root). Its static server keeps a Cache-Control already set.
        if (request.url?.startsWith('/assets/')) response.setHeader('Cache-Control', IMMUTABLE);
        next();
      });
    },
  };
}
