/**
 * The classifier with wink-nlp's small English model, which ships inside its
 * npm package (no download at run time). The model is about 1 MB gzipped, so
 * the browser imports this module lazily, only when a trainee types a reply.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createClassifier, type Classifier, type Nlp } from './classify';

/** Only what the classifier reads: sentences and parts of speech (lemmas follow from them); no entities or sentiment. */
const PIPE = ['sbd', 'pos'];

export function createEnglishClassifier(): Classifier {
  return createClassifier(winkNLP(model, PIPE) as unknown as Nlp);
}
