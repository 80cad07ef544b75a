import { readShippedActModel } from '../../src/cli/acts/shipped-classifier';
import { createActModel, networkFromFile, quantise, type ActModelFile } from '../../src/engine/classifier/act-model';
import { loadActModel, storeActModel } from '../../src/engine/classifier/act-model-storage';

const shipped = readShippedActModel();
/** The shipped file's metadata with no ensemble members, for files built by hand around one network. */
const { members: _shippedMembers, ...shippedOne } = shipped;

describe('the learned act model file', () => {
  it('keeps weights within half a step of what was trained when stored as 8-bit integers', () => {
    const weights = [0.5, -0.25, 0.001, -0.5, 0.3333];
    const stored = quantise(weights);
    const file: ActModelFile = { ...shipped, features: ['w:only'], hidden: 5, acts: ['greeting'], w1: stored, b1: [0, 0, 0, 0, 0], w2: quantise([1, 1, 1, 1, 1]), b2: [0] };
    const network = networkFromFile(file);
    weights.forEach((weight, i) => expect(Math.abs(network.w1[i]! - weight)).toBeLessThanOrEqual(stored.scale / 2));
  });

  it('refuses a file whose acts or layer sizes do not fit', () => {
    expect(() => networkFromFile({ ...shipped, acts: ['greeting', 'shouting' as 'greeting'] })).toThrow(/unknown acts shouting/);
    expect(() => networkFromFile({ ...shipped, hidden: shipped.hidden + 1 })).toThrow(/layer sizes/);
  });

  it('hears nothing from features it has never seen', () => {
    expect(createActModel(shipped).decide({ names: ['w:zzzz-never-seen'], wordsOf: () => undefined })).toEqual([]);
  });

  it('averages the probabilities of an ensemble\'s networks, and explains an act by the words that pushed it', () => {
    // One feature, one hidden unit, one act: the first network says z = 2 (p 0.88), the second z = -2 (p 0.12).
    const network = (weight: number) => ({ hidden: 1, w1: quantise([1]), b1: [0], w2: quantise([weight]), b2: [0] });
    const single: ActModelFile = { ...shippedOne, features: ['w:hello'], acts: ['greeting'], threshold: 0.5, ...network(2) };
    const reply = { names: ['w:hello'], wordsOf: (name: string) => (name === 'w:hello' ? 'hello' : undefined) };
    const [heard] = createActModel(single).decide(reply);
    expect(heard).toMatchObject({ act: 'greeting', words: ['hello'] });
    expect(heard!.confidence).toBeCloseTo(1 / (1 + Math.exp(-2)), 2);
    const both = createActModel({ ...single, members: [network(-2)] });
    expect(both.decide(reply)).toEqual([]);
    expect(createActModel({ ...single, threshold: 0.4, members: [network(-2)] }).decide(reply)[0]!.confidence).toBeCloseTo(0.5, 2);
  });
});

describe('the act model as shipped: act-model.json with its weights in act-model.bin', () => {
  it('reads back exactly the weights it stored, member networks included', () => {
    const { stored, weights } = storeActModel(shipped);
    expect(weights.length).toBe(stored.weightBytes);
    const again = loadActModel(JSON.parse(JSON.stringify(stored)), weights);
    const same = (a: Int8Array, b: Int8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
    expect(same(again.w1.int8, shipped.w1.int8) && same(again.members![1]!.w2.int8, shipped.members![1]!.w2.int8)).toBe(true);
    expect(same(again.w1.int8, shipped.members![0]!.w1.int8)).toBe(false);
  });

  it('refuses a weights file from another training rather than misreading it', () => {
    const { stored, weights } = storeActModel(shipped);
    expect(() => loadActModel(stored, weights.subarray(1))).toThrow(`holds ${weights.length - 1} bytes where act-model.json expects ${weights.length}`);
    expect(() => loadActModel({ ...stored, w2: { ...stored.w2, offset: stored.weightBytes - 1 } }, weights)).toThrow(/runs past the weights file/);
  });
});

