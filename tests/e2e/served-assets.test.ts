/**
 * How `npm run preview` serves the build: hashed files as immutable, text
 * files from the gzipped copies the build wrote (no compressing on each
 * request), and the act model's weights beside the language chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { IMMUTABLE } from '../../src/build/asset-caching-plugin';
import { inject } from 'vitest';
import { OUT_DIR } from './global-setup';

const assets = readdirSync(join(OUT_DIR, 'assets'));
const languageChunk = assets.find((name) => /^english-[\w-]+\.js$/.test(name))!;
const weights = assets.find((name) => /^act-model-[\w-]+\.bin$/.test(name))!;

/** Node's fetch would decompress for us and hide how the file was sent, so this asks over plain HTTP. */
function get(path: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(new URL(path, inject('baseUrl')), { headers: { 'Accept-Encoding': 'gzip, br' } }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(parts) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the built app as npm run preview serves it', () => {
  it('sends the language chunk from its gzipped copy, and that copy is the chunk', async () => {
    expect(languageChunk).toBeDefined();
    const { headers, body } = await get(`assets/${languageChunk}`);
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['content-type']).toBe('text/javascript');
    expect(headers['cache-control']).toBe(IMMUTABLE);
    expect(body.equals(readFileSync(join(OUT_DIR, 'assets', `${languageChunk}.gz`)))).toBe(true);
    expect(gunzipSync(body).equals(readFileSync(join(OUT_DIR, 'assets', languageChunk)))).toBe(true);
  });

  it('sends the act model weights as they are', async () => {
    expect(weights).toBeDefined();
    const { headers, body } = await get(`assets/${weights}`);
    expect(headers['content-encoding']).toBeUndefined();
    expect(body.equals(readFileSync(join(OUT_DIR, 'assets', weights)))).toBe(true);
  });

  it('leaves the page itself to be asked for again at each visit, so a new build is picked up', async () => {
    const { headers } = await get('./');
    expect(headers['cache-control']).not.toBe(IMMUTABLE);
  });
});
