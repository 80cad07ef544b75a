/**
 * The learned act model: a small network with one hidden layer that reads a
 * reply's features (see reply-features.ts) and gives each act a probability.
 * It decides every act except those whose definition is a rule (jargon,
 * over-talking). `npm run train:acts` trains it here on the tuning writers'
 * files in tests/fixtures/acts (never on the held-out file); weights are
 * kept as 8-bit integers with one scale per layer, so the model stays small
 * enough to load with the NLP model (act-model-storage.ts says how it is
 * stored: act-model.json beside its weights in act-model.bin). The model
 * may hold several networks trained alike from different seeds (`members`),
 * whose probabilities are averaged: their mistakes differ, so the mean errs
 * less than any one of them (eval:acts -- --set members=N measures it; three are shipped).
 */
import { DIALOGUE_ACTS, type DialogueAct } from '../acts';
import type { ReplyFeatures } from './reply-features';

export interface ActNetwork {
  acts: readonly DialogueAct[];
  hidden: number;
  rowOf: Map<string, number>;
  /** rows × hidden: one row of hidden-unit weights per known feature. */
  w1: Float32Array | Float64Array;
  b1: Float32Array | Float64Array;
  /** hidden × acts. */
  w2: Float32Array | Float64Array;
  b2: Float32Array | Float64Array;
}

export interface QuantisedLayer {
  scale: number;
  int8: Int8Array;
}

/** One network's layers, over the file's features and acts. */
export interface NetworkLayers {
  hidden: number;
  w1: QuantisedLayer;
  b1: number[];
  w2: QuantisedLayer;
  b2: number[];
}

export interface ActModelFile extends NetworkLayers {
  about: string;
  trainedOn: { utterances: number; fingerprint: string };
  acts: DialogueAct[];
  threshold: number;
  features: string[];
  /** Further networks over the same features, averaged with the first. */
  members?: NetworkLayers[];
}

export interface ModelDecision {
  act: DialogueAct;
  confidence: number;
  /** The reply's words that pushed hardest towards this act. */
  words: string[];
}

export interface ActModel {
  /** Whether the model has a weight for this feature: a reply none of whose words it knows is probably not English. */
  knows(name: string): boolean;
  /** The acts the model hears; `explain` says which of them need the reply's words found (working them out is the slow part). */
  decide(features: ReplyFeatures, explain?: (act: DialogueAct) => boolean): ModelDecision[];
}

/** The rows of the features the network knows; unknown features carry no weight. */
export function knownRows(network: ActNetwork, names: string[]): number[] {
  const rows: number[] = [];
  for (const name of names) {
    const row = network.rowOf.get(name);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

/** Hidden-layer activations (ReLU) for a reply whose features sit in `rows`. */
export function hiddenLayer(network: ActNetwork, rows: number[]): Float64Array {
  const { hidden, w1, b1 } = network;
  const sums = Float64Array.from(b1);
  for (const row of rows) {
    const offset = row * hidden;
    for (let j = 0; j < hidden; j++) sums[j]! += w1[offset + j]!;
  }
  for (let j = 0; j < hidden; j++) if (sums[j]! < 0) sums[j] = 0;
  return sums;
}

/** The probability of each act, in `network.acts` order. */
export function outputLayer(network: ActNetwork, active: Float64Array): Float64Array {
  const { hidden, w2, b2, acts } = network;
  const out = new Float64Array(acts.length);
  for (let k = 0; k < acts.length; k++) {
    let z = b2[k]!;
    for (let j = 0; j < hidden; j++) if (active[j]) z += active[j]! * w2[j * acts.length + k]!;
    out[k] = 1 / (1 + Math.exp(-z));
  }
  return out;
}

export function quantise(weights: ArrayLike<number>): QuantisedLayer {
  let largest = 0;
  for (let i = 0; i < weights.length; i++) largest = Math.max(largest, Math.abs(weights[i]!));
  const scale = largest / 127 || 1;
  const int8 = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) int8[i] = Math.round(weights[i]! / scale);
  return { scale, int8 };
}

function dequantise({ scale, int8 }: QuantisedLayer): Float32Array {
  const weights = new Float32Array(int8.length);
  for (let i = 0; i < int8.length; i++) weights[i] = int8[i]! * scale;
  return weights;
}

export function networkFromFile(file: ActModelFile, layers: NetworkLayers = file, rowOf = new Map(file.features.map((name, row) => [name, row]))): ActNetwork {
  const unknown = file.acts.filter((act) => !(DIALOGUE_ACTS as readonly string[]).includes(act));
  if (unknown.length) throw new Error(`act model: unknown acts ${unknown.join(', ')}`);
  const network: ActNetwork = {
    acts: file.acts,
    hidden: layers.hidden,
    rowOf,
    w1: dequantise(layers.w1),
    b1: Float32Array.from(layers.b1),
    w2: dequantise(layers.w2),
    b2: Float32Array.from(layers.b2),
  };
  if (network.w1.length !== file.features.length * layers.hidden || network.w2.length !== layers.hidden * file.acts.length) {
    throw new Error('act model: layer sizes do not match its features, hidden units and acts');
  }
  return network;
}

export function createActModel(file: ActModelFile): ActModel {
  const first = networkFromFile(file);
  const networks = [first, ...(file.members ?? []).map((layers) => networkFromFile(file, layers, first.rowOf))];
  const { acts, rowOf } = first;

  /** Which of the reply's words pushed act k up most, through the units they switched on, over every network. */
  function wordsFor(k: number, rows: number[], names: string[], features: ReplyFeatures, actives: Float64Array[]): string[] {
    const pushes: { name: string; push: number; short: boolean }[] = [];
    rows.forEach((row, index) => {
      const name = names[index]!;
      if (!(name.startsWith('b:') || name.startsWith('w:') || name.startsWith('q:'))) return;
      let push = 0;
      networks.forEach(({ hidden, w1, w2 }, n) => {
        const active = actives[n]!;
        for (let j = 0; j < hidden; j++) if (active[j]) push += w1[row * hidden + j]! * w2[j * acts.length + k]!;
      });
      // Short words ("it", "or") push a little everywhere; as evidence they explain little, so they come last.
      if (push > 0) pushes.push({ name, push, short: !name.startsWith('b:') && name.length <= 4 });
    });
    pushes.sort((a, b) => Number(a.short) - Number(b.short) || b.push - a.push);
    const chosen: string[] = [];
    for (const { name } of pushes) {
      const words = features.wordsOf(name);
      if (!words || chosen.some((other) => other.includes(words) || words.includes(other))) continue;
      chosen.push(words);
      if (chosen.length === 2) break;
    }
    return chosen;
  }

  return {
    knows: (name) => rowOf.has(name),
    decide(features, explain = () => true) {
      const names: string[] = [];
      const rows: number[] = [];
      for (const name of features.names) {
        const row = rowOf.get(name);
        if (row === undefined) continue;
        names.push(name);
        rows.push(row);
      }
      const actives = networks.map((network) => hiddenLayer(network, rows));
      const probabilities = new Float64Array(acts.length);
      networks.forEach((network, n) => outputLayer(network, actives[n]!).forEach((p, k) => (probabilities[k]! += p / networks.length)));
      const decisions: ModelDecision[] = [];
      acts.forEach((act, k) => {
        const confidence = probabilities[k]!;
        if (confidence >= file.threshold) decisions.push({ act, confidence, words: explain(act) ? wordsFor(k, rows, names, features, actives) : [] });
      });
      return decisions;
    },
  };
}
