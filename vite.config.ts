import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { scenariosPlugin } from './src/build/scenarios-plugin';

export default defineConfig({
  plugins: [react(), scenariosPlugin()],
  // Relative asset paths: the built app works from any folder, or from a file share.
  base: './',
  build: { target: 'es2022', assetsInlineLimit: 0 },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    globals: true,
    setupFiles: ['tests/setup.ts'],
  },
});
