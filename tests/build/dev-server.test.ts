import { readdirSync } from 'node:fs';
import { createServer, type ViteDevServer } from 'vite';

const shipped = readdirSync('scenarios').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).map((name) => name.replace(/\.json$/, ''));

describe('npm start', () => {
  let server: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    server = await createServer({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
    await server.listen();
    base = server.resolvedUrls!.local[0]!;
  }, 60_000);
  afterAll(async () => server?.close());

  it('serves the app and every shipped scenario, validated, with no set-up', async () => {
    expect((await fetch(base)).status).toBe(200);
    const index = await fetch(new URL('@id/__x00__virtual:scenarios', base));
    expect(index.status).toBe(200);
    const code = await index.text();
    for (const id of shipped) expect(code).toContain(`"id":"${id}"`);
    expect(code).toContain('export const problems = [];');
    const one = await fetch(new URL(`@id/__x00__virtual:scenario/${shipped[0]}`, base));
    expect(one.status).toBe(200);
    expect(await one.text()).toContain('"machine"');
    // Serving the index validates every scenario of the library first, which takes seconds on a busy machine.
  }, 60_000);
});
