import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { assetCachingPlugin } from './src/build/asset-caching-plugin';
import { contentPolicyPlugin } from './src/build/content-policy-plugin';
import { earlyOpenPlugin } from './src/build/early-open-plugin';
import { precompressedAssetsPlugin } from './src/build/precompressed-assets-plugin';
import { scenariosPlugin } from './src/build/scenarios-plugin';
import { winkModelOncePlugin } from './src/build/wink-model-once-plugin';

export default defineConfig({
  plugins: [react(), scenariosPlugin(), contentPolicyPlugin(), earlyOpenPlugin(), assetCachingPlugin(), precompressedAssetsPlugin(), winkModelOncePlugin()],
  // Relative asset paths: the built app works from any folder, or from a file share.
  base: './',
  build: { target: 'es2022', assetsInlineLimit: 0 },
  test: {
    globals: true,
    // Vitest leaves a core free by default (one worker on this two-core machine); browser files spend most of their
    // time waiting on Chromium, so a unit file runs beside them.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Whole calls take 40-65 s on the shared two-core machine under load; the limit is for hangs, not speed.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
