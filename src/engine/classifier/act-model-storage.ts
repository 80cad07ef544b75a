/**
 * How the act model is shipped: act-model.json holds everything but the
 * weights (acts, features, scales, biases) and act-model.bin the weights,
 * one signed byte each, layer after layer. As base64 inside the JSON the
 * weights were a third of the language chunk, and the browser had to
 * download, parse and decode them behind the NLP model; as their own file
 * they download beside it, uncompressed bytes that need no decoding.
 */
import type { ActModelFile, NetworkLayers, QuantisedLayer } from './act-model';

/** A layer as act-model.json stores it: its weights are act-model.bin's bytes from `offset` on. */
export interface StoredLayer {
  scale: number;
  offset: number;
}

type Stored<Layers> = Omit<Layers, 'w1' | 'w2'> & { w1: StoredLayer; w2: StoredLayer };

export type StoredActModel = Omit<Stored<ActModelFile>, 'members'> & {
  members?: Stored<NetworkLayers>[];
  /** act-model.bin's length, so a weights file from another training is refused rather than misread. */
  weightBytes: number;
};

export function storeActModel(model: ActModelFile): { stored: StoredActModel; weights: Uint8Array } {
  const layers: Int8Array[] = [];
  let offset = 0;
  const place = ({ scale, int8 }: QuantisedLayer): StoredLayer => {
    layers.push(int8);
    offset += int8.length;
    return { scale, offset: offset - int8.length };
  };
  const storeLayers = <Layers extends NetworkLayers>(network: Layers): Stored<Layers> => ({ ...network, w1: place(network.w1), w2: place(network.w2) });
  const { members, ...first } = model;
  const stored: StoredActModel = { ...storeLayers(first), ...(members ? { members: members.map(storeLayers) } : {}), weightBytes: 0 };
  const weights = new Uint8Array(offset);
  let at = 0;
  for (const layer of layers) {
    weights.set(new Uint8Array(layer.buffer, layer.byteOffset, layer.length), at);
    at += layer.length;
  }
  stored.weightBytes = offset;
  return { stored, weights };
}

/** The model from its two files; the layers are views onto `weights`, not copies. */
export function loadActModel(stored: StoredActModel, weights: Uint8Array): ActModelFile {
  if (weights.length !== stored.weightBytes) {
    throw new Error(`act model: the weights file holds ${weights.length} bytes where act-model.json expects ${stored.weightBytes}; the two come from different trainings`);
  }
  const layer = ({ scale, offset }: StoredLayer, length: number): QuantisedLayer => {
    if (offset < 0 || offset + length > weights.length) throw new Error(`act model: a layer of ${length} weights from byte ${offset} runs past the weights file`);
    return { scale, int8: new Int8Array(weights.buffer, weights.byteOffset + offset, length) };
  };
  const loadLayers = <Layers extends Stored<NetworkLayers>>(network: Layers) => ({
    ...network,
    w1: layer(network.w1, stored.features.length * network.hidden),
    w2: layer(network.w2, network.hidden * stored.acts.length),
  });
  const { members, weightBytes: _weightBytes, ...first } = stored;
  return { ...loadLayers(first), ...(members ? { members: members.map(loadLayers) } : {}) };
}
