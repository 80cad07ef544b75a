/**
 * Puts a strict Content-Security-Policy in the built index.html: scripts
 * (but for one inline script allowed by its hash, early-open-plugin.ts),
 * styles, sounds and data only from the app's own origin, no plugins, no
 * <base>, no form posts. Only the build gets it, because the development
 * server injects inline scripts for hot reload. Kept by
 * tests/e2e/content-policy.test.ts, which runs a whole call under it.
 *
 * A feature that must reach another origin (a Learning Record Store, say)
 * widens connect-src here, for that need alone.
 */
import type { Plugin } from 'vite';
import { EARLY_OPEN_SCRIPT_HASH } from './early-open-plugin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The one inline script, which opens storage before the bundle arrives, by its hash.
  `script-src 'self' ${EARLY_OPEN_SCRIPT_HASH}`,
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self'",
  // Team records: the Learning Record Store is wherever the settings say, so any https origin; plain http only on this computer.
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentPolicyPlugin(): Plugin {
  return {
    name: 'call-trainer-content-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      // First in <head>, so it governs every script and stylesheet after it.
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
  };
}
