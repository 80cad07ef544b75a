/**
 * The dialogue-act classifier, loaded once per page. Its language model is
 * about 2 MB gzipped, so it never rides in the first page: the briefing
 * starts loading it in the background once the trainee chooses to type
 * their own words, so that it is in by the time they first reply, and
 * anything that needs it at once (the reply box on focus, the studio's
 * sentence tester) loads it then, sharing the same load.
 */
import actModelWeights from '../engine/classifier/act-model.bin?url';
import type { Classifier } from '../engine/classifier/classify';

let loading: Promise<Classifier> | null = null;
let loaded: Classifier | null = null;

/** A macrotask: what is queued behind it (a click, a key press) runs first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The act model's weights: a file of their own, so they download beside the language chunk rather than inside it. */
async function fetchActModelWeights(): Promise<Uint8Array> {
  const response = await fetch(actModelWeights);
  if (!response.ok) throw new Error(`The act model's weights did not load (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export function loadClassifier(): Promise<Classifier> {
  loading ??= Promise.all([import('../engine/classifier/english'), fetchActModelWeights()]).then(async ([module, weights]) => {
    // Evaluating the model's chunk and building the classifier are each a long task; this keeps them apart.
    await nextTask();
    loaded = module.createEnglishClassifier({ model: module.shippedActModel(weights) });
    return loaded;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The classifier if it is loaded, else null. */
export function loadedClassifier(): Classifier | null {
  return loaded;
}

export function classifierLoading(): boolean {
  return loading !== null && loaded === null;
}

/**
 * Starts loading the classifier once the browser is idle (within 2 s at
 * the latest), so the page that asks paints and answers first. Where
 * requestIdleCallback is missing, nothing is started: the reply box
 * loads the classifier when first focused.
 */
export function preloadClassifier() {
  if (loading || typeof requestIdleCallback !== 'function') return;
  requestIdleCallback(() => void loadClassifier().catch(() => undefined), { timeout: 2_000 });
}
