/**
 * The two production builds the browser benchmarks need: the app itself, and
 * a minimal page on the same stack, the yardstick for the app's initial
 * JavaScript.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** Rendered (pre-minification) bytes of each module, by chunk file name. */
export type ChunkModules = Map<string, { id: string; renderedLength: number }[]>;

/** The app as `npm run build` makes it, with the shipped scenarios only. */
export async function buildApp(outDir: string): Promise<ChunkModules> {
  const result = await build({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const outputs = Array.isArray(result) ? result : 'output' in result ? [result] : [];
  const chunks: ChunkModules = new Map();
  for (const item of outputs.flatMap((output) => output.output)) {
    if (item.type !== 'chunk') continue;
    chunks.set(item.fileName, Object.entries(item.modules).map(([id, module]) => ({ id, renderedLength: module.renderedLength })));
  }
  return chunks;
}

/** Who a module belongs to, in words a reader of the size figure acts on: a package, the scenario data, or the app. */
function ownerOf(id: string): string {
  const pkg = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1];
  if (pkg) return pkg.replace('\\', '/');
  if (id.includes('virtual:scenarios')) return 'scenario data (virtual:scenarios)';
  return id.startsWith('\0') ? 'bundler helpers' : 'app code and rubric (src/)';
}

/**
 * What the initial JavaScript is made of, by owner, as shares of the rendered
 * code before minification: a guide to where the bytes go, not exact gzip figures.
 */
export function composition(chunks: ChunkModules, files: string[]): { owner: string; share: number }[] {
  const byOwner = new Map<string, number>();
  for (const module of files.flatMap((file) => chunks.get(file) ?? [])) {
    const owner = ownerOf(module.id);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + module.renderedLength);
  }
  const total = [...byOwner.values()].reduce((sum, bytes) => sum + bytes, 0);
  return [...byOwner.entries()].map(([owner, bytes]) => ({ owner, share: total ? bytes / total : 0 })).sort((a, b) => b.share - a.share);
}

/**
 * The classifier's NLP code: wink-nlp, its English model, and src/engine/classifier/ except the two small modules the
 * call page needs before any model is loaded: typed-reply.ts (acts into a reply) and readable.ts (the reply box's
 * length cap; no NLP in it).
 */
export const CALL_PAGE_CLASSIFIER_MODULES = /[\\/]src[\\/]engine[\\/]classifier[\\/](typed-reply|readable)\.ts$/;

export function isNlpModule(id: string): boolean {
  if (/[\\/]node_modules[\\/]wink-(nlp|eng-lite-web-model)[\\/]/.test(id)) return true;
  return /[\\/]src[\\/]engine[\\/]classifier[\\/]/.test(id) && !CALL_PAGE_CLASSIFIER_MODULES.test(id);
}

/** Modules of the given chunks that `keep` selects, with the chunk each is in. */
export function modulesIn(chunks: ChunkModules, files: string[], keep: (id: string) => boolean): { file: string; id: string; renderedLength: number }[] {
  return files.flatMap((file) => (chunks.get(file) ?? []).filter((module) => keep(module.id)).map((module) => ({ file, ...module })));
}

/** The chunk the English language model is bundled in, if the build has it. */
export function modelChunk(chunks: ChunkModules): string | undefined {
  return [...chunks.entries()].find(([, modules]) => modules.some((module) => /[\\/]node_modules[\\/]wink-eng-lite-web-model[\\/]/.test(module.id)))?.[0];
}

/** The act model's weights file (act-model-storage.ts) in a build, as a path from its root. */
export function actModelWeightsFile(appDir: string): string | undefined {
  const name = readdirSync(resolve(appDir, 'assets')).find((file) => /^act-model-[\w-]+\.bin$/.test(file));
  return name && `assets/${name}`;
}

/**
 * Inside the repository (and gitignored) so that its imports resolve from
 * this repository's node_modules, at the versions the app uses.
 */
export const MINIMAL_DIR = '.bench/minimal';

const MINIMAL_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><title>Minimal</title></head>
  <body><div id="root"></div><script type="module" src="./main.tsx"></script></body>
</html>
`;

/**
 * Every library of the trainee's page put to real use, each reachable from
 * the rendered UI, so the bundler cannot drop any of it as dead code.
 */
const MINIMAL_MAIN = `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createActor, createMachine } from 'xstate';
import { useMachine } from '@xstate/react';
import { create } from 'zustand';
import { Howl } from 'howler';

const phone = createMachine({
  id: 'phone',
  initial: 'ringing',
  states: { ringing: { on: { ANSWER: 'live' } }, live: { on: { HANG_UP: 'ended' } }, ended: { type: 'final' } },
});

const useCounter = create<{ presses: number; press: () => void }>()((set) => ({
  presses: 0,
  press: () => set((state) => ({ presses: state.presses + 1 })),
}));

const click = new Howl({ src: ['click.ogg'], preload: false });

const log = createActor(phone);
log.subscribe((snapshot) => console.log('phone', snapshot.value));
log.start();

function App() {
  const [snapshot, send] = useMachine(phone);
  const { presses, press } = useCounter();
  const [label, setLabel] = useState('Answer');
  const next = snapshot.matches('ringing') ? 'ANSWER' : 'HANG_UP';
  const onClick = () => {
    send({ type: next });
    log.send({ type: next });
    press();
    click.play();
    setLabel(next === 'ANSWER' ? 'Hang up' : 'Done');
  };
  return (
    <button type="button" onClick={onClick} disabled={snapshot.status === 'done'}>
      {label} ({String(snapshot.value)}, {presses} presses)
    </button>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
`;

/** Built with the app's own build settings (base, target, asset inlining), so only the code differs. */
export async function buildMinimal(outDir: string) {
  const root = resolve(MINIMAL_DIR);
  mkdirSync(root, { recursive: true });
  writeFileSync(resolve(root, 'index.html'), MINIMAL_HTML);
  writeFileSync(resolve(root, 'main.tsx'), MINIMAL_MAIN);
  await build({
    root,
    configFile: false,
    base: './',
    plugins: [react()],
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0 },
  });
}
