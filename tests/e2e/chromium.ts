/**
 * Finds Debian's Chromium for the browser tests, installing it when that is
 * possible here (root with apt-get), and otherwise saying exactly how.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = existsSync('/usr/bin/apt-get');
  if (root && apt) {
    console.log('Chromium is missing: installing Debian\'s chromium package (about 30 s)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
  throw new Error(
    [
      `The browser tests need Chromium at ${CHROMIUM}, and it is not there.`,
      apt ? 'Install it with:  sudo apt-get update && sudo apt-get install -y chromium' : 'Install Chromium with your system\'s package manager,',
      'or point CHROMIUM_PATH at an existing Chromium or Chrome binary, then run npm test again.',
    ].join('\n'),
  );
}
