/**
 * The classifier with wink-nlp's small English model, which ships inside its
 * npm package (no download at run time), and the act model trained here
 * (act-model.json). Together they are about 1.5 MB gzipped, so the browser
 * imports this module lazily, when the trainee first reaches the reply box.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createActModel, type ActModelFile } from './act-model';
import actModelFile from './act-model.json';
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

/**
 * `untrained` leaves the act model out (training reads features through
 * it); `model` swaps in another trained model, as leave-one-writer-out
 * evaluation does.
 */
export function createEnglishClassifier(options: { untrained?: boolean; model?: ActModelFile; explain?: boolean } = {}): FeaturingClassifier {
  return createClassifier(sharedNlp(), options.untrained ? undefined : createActModel(options.model ?? (actModelFile as ActModelFile)), { explain: options.explain ?? true });
}
