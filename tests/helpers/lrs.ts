/**
 * A real Learning Record Store for tests: Learning Locker's statement service
 * (xapi-statements, a devDependency) in memory mode on a free local port,
 * started as a child process and stopped by its pid. Never a mock: it
 * validates every statement and names each bad field.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface TestLrs {
  /** Ends in /xAPI/ */
  endpoint: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export const LRS_AUTH = `Basic ${Buffer.from('test-key:test-secret').toString('base64')}`;
export const XAPI_HEADERS = { Authorization: LRS_AUTH, 'X-Experience-API-Version': '1.0.3' };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startLrs(port?: number): Promise<TestLrs> {
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, ['node_modules/xapi-statements/dist/server.js'], {
    env: { ...process.env, MODELS_REPO: 'memory', AUTH_REPO: 'test', EVENTS_REPO: 'test', STORAGE_REPO: 'memory', EXPRESS_PORT: String(chosen), WINSTON_CONSOLE_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors += String(chunk)));
  const endpoint = `http://127.0.0.1:${chosen}/xAPI/`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(child.pid!, 'SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The test LRS exited with ${child.exitCode}: ${errors.slice(-2000)}`);
    try {
      const response = await fetch(`${endpoint}about`, { headers: XAPI_HEADERS });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The test LRS did not answer on port ${chosen} within 30 s: ${errors.slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { endpoint, port: chosen, pid: child.pid!, stop };
}

/**
 * This test LRS pages with a cursor that is a version-1 UUID compared as a
 * string (xapi-statements 5.0.1, memory mode: `_id < cursor`), while it sorts
 * by `stored`. A v1 UUID starts with the low 32 bits of its 100-ns clock,
 * which wrap every 429.5 s: a read that pages across statements stored on
 * both sides of a wrap loses every statement stored before it (the bench once
 * read back 9,000 of 10,000). Reads in tests therefore ask for pages larger
 * than anything a test stores, and a test of paging waits until it is clear
 * of a wrap (clearOfIdWrap).
 */
export const ONE_PAGE = 1_000_000;

/** Milliseconds until this machine's version-1 UUIDs wrap their leading field. */
export function msToIdWrap(now = Date.now()): number {
  const GREGORIAN_OFFSET_MS = 12_219_292_800_000;
  const cycleMs = 2 ** 32 / 10_000;
  return cycleMs - (((now + GREGORIAN_OFFSET_MS) * 10_000) % 2 ** 32) / 10_000;
}

/** Waits, when needed, until at least `ms` remain before the next wrap (at most `ms` plus a little). */
export async function clearOfIdWrap(ms: number): Promise<void> {
  const left = msToIdWrap();
  if (left < ms) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** Every statement the LRS holds, in one page (see ONE_PAGE), still following a `more` link should one come. */
export async function allStatements(lrs: TestLrs, query = ''): Promise<{ id: string; verb: { id: string } }[]> {
  const found: { id: string; verb: { id: string } }[] = [];
  let url = `${lrs.endpoint}statements?limit=${ONE_PAGE}${query}`;
  for (;;) {
    const response = await fetch(url, { headers: XAPI_HEADERS });
    if (!response.ok) throw new Error(`GET statements: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { statements: { id: string; verb: { id: string } }[]; more?: string };
    found.push(...body.statements);
    if (!body.more) return found;
    url = new URL(body.more, lrs.endpoint).toString();
  }
}
