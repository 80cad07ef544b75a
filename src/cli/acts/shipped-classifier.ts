/** The shipped act model in Node: read from, and written to, act-model.json and its weights in act-model.bin. */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ActModelFile } from '../../engine/classifier/act-model';
import { storeActModel } from '../../engine/classifier/act-model-storage';
import { createEnglishClassifier, shippedActModel } from '../../engine/classifier/english';

const SHIPPED = new URL('../../engine/classifier/act-model.json', import.meta.url);
const WEIGHTS = new URL('../../engine/classifier/act-model.bin', import.meta.url);

export function readShippedActModel(): ActModelFile {
  return shippedActModel(readFileSync(WEIGHTS));
}

export function createShippedClassifier() {
  return createEnglishClassifier({ model: readShippedActModel() });
}

/** Writes both files; returns their paths for the trainer to report. */
export function writeShippedActModel(model: ActModelFile): string[] {
  const { stored, weights } = storeActModel(model);
  writeFileSync(SHIPPED, `${JSON.stringify(stored)}\n`);
  writeFileSync(WEIGHTS, weights);
  return [SHIPPED, WEIGHTS].map((url) => url.pathname.slice(url.pathname.lastIndexOf('/src/') + 1));
}
