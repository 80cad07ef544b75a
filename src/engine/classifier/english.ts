/**
 * The classifier with wink-nlp's small English model, which ships inside its
 * npm package (no download at run time), and the act model trained here
 * (act-model.json, whose weights the caller reads from act-model.bin: a
 * file in Node, a fetch in the browser; see act-model-storage.ts). Together
 * they are about 2.8 MB to download, so the browser imports this module lazily,
 * when the trainee chooses to type or first reaches the reply box.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createActModel, type ActModelFile } from './act-model';
import storedActModel from './act-model.json';
import { loadActModel, type StoredActModel } from './act-model-storage';
import { createClassifier, type FeaturingClassifier, type Nlp } from './classify';

/** Only what the classifier reads: sentences and parts of speech (lemmas follow from them); no entities or sentiment. */
const PIPE = ['sbd', 'pos'];

let nlp: Nlp | null = null;

/**
 * One wink-nlp instance serves every classifier: its model loader re-encodes
 * part of the model as a string at each load, growing it until a process
 * that loads it a couple of dozen times (an evaluation training many models) fails
 * with "Invalid string length". Reading a document leaves no state behind.
 */
function sharedNlp(): Nlp {
  nlp ??= winkNLP(model, PIPE) as unknown as Nlp;
  return nlp;
}

/** The shipped act model, given the bytes of act-model.bin. */
export function shippedActModel(weights: Uint8Array): ActModelFile {
  return loadActModel(storedActModel as StoredActModel, weights);
}

/**
 * `model` is the shipped model or another one (leave-one-writer-out
 * evaluation trains its own); `untrained` leaves the act model out
 * (training reads features through it).
 */
export function createEnglishClassifier(options: { model: ActModelFile; explain?: boolean } | { untrained: true }): FeaturingClassifier {
  if ('untrained' in options) return createClassifier(sharedNlp());
  return createClassifier(sharedNlp(), createActModel(options.model), { explain: options.explain ?? true });
}
