/**
 * The classifier with wink-nlp's small English model, which ships inside its
 * npm package (no download at run time), and the trained act model. Together
 * they are about 1.5 MB gzipped, so the browser imports this module lazily,
 * only when a trainee types a reply.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createActModel, type ActModelFile } from './act-model';
import actModelFile from './act-model.json';
import { createClassifier, type FeaturingClassifier, type Nlp } from './classify';

/** Only what the classifier reads: sentences and parts of speech (lemmas follow from them); no entities or sentiment. */
const PIPE = ['sbd', 'pos'];

/**
 * `lexiconOnly` leaves the learned model out: for training it, and for
 * measuring what it adds. `model` swaps in another trained model, as
 * training's leave-one-file-out runs do.
 */
export function createEnglishClassifier(options: { lexiconOnly?: boolean; model?: ActModelFile } = {}): FeaturingClassifier {
  const nlp = winkNLP(model, PIPE) as unknown as Nlp;
  return createClassifier(nlp, options.lexiconOnly ? undefined : createActModel(options.model ?? (actModelFile as ActModelFile)));
}
