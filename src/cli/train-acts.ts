/**
 * npm run train:acts: trains the act model on every tuning writer's file in
 * tests/fixtures/acts (never the held-out folder) and writes
 * src/engine/classifier/act-model.json with its weights in act-model.bin. Judge a change by `npm run eval:acts`
 * (leave-one-writer-out), never by the held-out file.
 */
import { featuresOf, trainModelFile } from './acts/act-model-file';
import { readTuningUtterances } from './acts/labelled-utterances';
import { writeShippedActModel } from './acts/shipped-classifier';
import { DEFAULT_SETTINGS } from './acts/train-network';

const items = readTuningUtterances();
console.log(`${items.length} tuning utterances from ${new Set(items.map((item) => item.source)).size} writers' files; settings ${JSON.stringify(DEFAULT_SETTINGS)}`);
const file = trainModelFile(items, featuresOf(items));
const written = writeShippedActModel(file);
console.log(`wrote ${written.join(' and ')}: ${file.features.length} features, ${1 + (file.members?.length ?? 0)} network(s) with ${[file.hidden, ...(file.members ?? []).map((member) => member.hidden)].join(', ')} live hidden units, trained on ${file.trainedOn.utterances} utterances (${file.trainedOn.fingerprint})`);
