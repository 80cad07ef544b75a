import actModelFile from '../../src/engine/classifier/act-model.json';
import { createActModel, networkFromFile, quantise, type ActModelFile } from '../../src/engine/classifier/act-model';

const shipped = actModelFile as ActModelFile;
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
