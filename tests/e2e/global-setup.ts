/**
 * Before the browser tests: make sure Chromium is there, build the production
 * app (with the shipped scenarios plus the browser-test fixtures) and serve
 * it with `vite preview` on a free local port.
 */
import { rmSync } from 'node:fs';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';

export const OUT_DIR = '.e2e-dist';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  ensureChromium();
  rmSync(OUT_DIR, { recursive: true, force: true });
  process.env.CALL_TRAINER_EXTRA_SCENARIOS = 'tests/fixtures/e2e-scenarios';
  await build({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', build: { outDir: OUT_DIR } });
  delete process.env.CALL_TRAINER_EXTRA_SCENARIOS;
  const server = await preview({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', build: { outDir: OUT_DIR }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}
