/**
 * Trains the act model's network (act-model.ts): one hidden layer of ReLU
 * units over sparse features, one sigmoid output per act, AdaGrad updates,
 * a fixed seed and a fixed visiting order, so the same data always gives the
 * same model.
 */
import { DIALOGUE_ACTS, type DialogueAct } from '../../engine/acts';
import { hiddenLayer, knownRows, outputLayer, type ActNetwork } from '../../engine/classifier/act-model';
import { nextRandom, seedState } from '../../engine/random';

export interface TrainingExample {
  features: string[];
  acts: DialogueAct[];
}

export interface TrainingSettings {
  hidden: number;
  epochs: number;
  rate: number;
  decay: number;
  /** A missed act costs this much more than a wrong one: most acts are rare. */
  positiveWeight: number;
  /** Features seen in fewer examples than this are dropped: they only memorise. */
  minCount: number;
  seed: number;
  /** 1: also learn from each utterance typed plainly (lower case, no punctuation or apostrophes), as chat and speech transcripts come. */
  augment: number;
  /** Share of an example's features hidden at each visit, so no single word carries an act. */
  dropout: number;
  /**
   * From this epoch on (counting from 1) the weights kept are the mean of the weights at the end of each epoch, not the last
   * epoch's alone: the last steps of a noisy descent wander around a minimum, their mean sits nearer its middle. 0: off.
   */
  averageFrom: number;
  /** Networks trained alike from successive seeds, their probabilities averaged when the model hears a reply (act-model.ts). */
  members: number;
}

export const DEFAULT_SETTINGS: TrainingSettings = { hidden: 32, epochs: 15, rate: 0.05, decay: 1e-4, positiveWeight: 2.5, minCount: 5, seed: 20261123, augment: 1, dropout: 0.3, averageFrom: 0, members: 3 };

export function trainNetwork(examples: TrainingExample[], settings: TrainingSettings = DEFAULT_SETTINGS): { network: ActNetwork; features: string[] } {
  let random = seedState(settings.seed);
  const next = () => {
    const [value, state] = nextRandom(random);
    random = state;
    return value - 0.5;
  };
  const seen = new Map<string, number>();
  for (const example of examples) for (const name of example.features) seen.set(name, (seen.get(name) ?? 0) + 1);
  const features = [...seen].filter(([, count]) => count >= settings.minCount).map(([name]) => name).sort();
  const acts = DIALOGUE_ACTS;
  const { hidden } = settings;
  const network: ActNetwork = {
    acts,
    hidden,
    rowOf: new Map(features.map((name, row) => [name, row])),
    w1: Float64Array.from({ length: features.length * hidden }, () => next() * 0.02),
    b1: new Float64Array(hidden),
    w2: Float64Array.from({ length: hidden * acts.length }, () => next() * 0.2),
    b2: new Float64Array(acts.length),
  };
  const squares = {
    w1: new Float64Array(network.w1.length).fill(1e-8),
    b1: new Float64Array(hidden).fill(1e-8),
    w2: new Float64Array(network.w2.length).fill(1e-8),
    b2: new Float64Array(acts.length).fill(1e-8),
  };
  const step = (weights: Float32Array | Float64Array, square: Float64Array, i: number, gradient: number) => {
    square[i]! += gradient * gradient;
    weights[i]! -= (settings.rate * gradient) / Math.sqrt(square[i]!);
  };
  const prepared = examples.map((example) => ({ rows: knownRows(network, example.features), gold: new Set(example.acts) }));
  const order = prepared.map((_, i) => i);
  const layers = ['w1', 'b1', 'w2', 'b2'] as const;
  const sums = Object.fromEntries(layers.map((layer) => [layer, new Float64Array(network[layer].length)])) as Record<(typeof layers)[number], Float64Array>;
  let averaged = 0;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor((next() + 0.5) * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const { rows: all, gold } = prepared[index]!;
      const rows = settings.dropout ? all.filter(() => next() + 0.5 >= settings.dropout) : all;
      const active = hiddenLayer(network, rows);
      const out = outputLayer(network, active);
      const back = new Float64Array(hidden);
      acts.forEach((act, k) => {
        const wanted = gold.has(act);
        const error = (out[k]! - (wanted ? 1 : 0)) * (wanted ? settings.positiveWeight : 1);
        step(network.b2, squares.b2, k, error);
        for (let j = 0; j < hidden; j++) {
          const at = j * acts.length + k;
          back[j]! += error * network.w2[at]!;
          step(network.w2, squares.w2, at, error * active[j]! + settings.decay * network.w2[at]!);
        }
      });
      for (let j = 0; j < hidden; j++) {
        if (!active[j]) continue;
        step(network.b1, squares.b1, j, back[j]!);
        for (const row of rows) step(network.w1, squares.w1, row * hidden + j, back[j]! + settings.decay * network.w1[row * hidden + j]!);
      }
    }
    if (settings.averageFrom && epoch + 1 >= settings.averageFrom) {
      for (const layer of layers) sums[layer].forEach((sum, i, all) => (all[i] = sum + network[layer][i]!));
      averaged++;
    }
  }
  if (averaged) for (const layer of layers) network[layer] = sums[layer].map((sum) => sum / averaged);
  return { network: withoutSilentUnits(network, prepared.map(({ rows }) => rows)), features };
}

/**
 * The network without hidden units that no training example switches on:
 * they add nothing to any output the model was fitted on, yet cost their
 * share of every reply's arithmetic (about half the units fall silent).
 */
function withoutSilentUnits(network: ActNetwork, examples: number[][]): ActNetwork {
  const { hidden, acts } = network;
  const heard = new Uint8Array(hidden);
  for (const rows of examples) hiddenLayer(network, rows).forEach((value, j) => (heard[j] ||= value > 0 ? 1 : 0));
  const kept = [...heard.keys()].filter((j) => heard[j]);
  const rowCount = network.w1.length / hidden;
  return {
    ...network,
    hidden: kept.length,
    w1: Float64Array.from({ length: rowCount * kept.length }, (_, i) => network.w1[Math.floor(i / kept.length) * hidden + kept[i % kept.length]!]!),
    b1: Float64Array.from(kept, (j) => network.b1[j]!),
    w2: Float64Array.from({ length: kept.length * acts.length }, (_, i) => network.w2[kept[Math.floor(i / acts.length)]! * acts.length + (i % acts.length)]!),
  };
}
