import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import actModelFile from '../../src/engine/classifier/act-model.json';
import { fingerprint, parseLabelledFile, readTuningUtterances } from '../../src/cli/acts/labelled-utterances';
import { closestOverlap, wordOverlap, wordSet } from '../../src/cli/acts/overlap';
import { bootstrapMacroF1, falseAlarms, scorePredictions } from '../../src/cli/acts/act-scores';
import { addCorrections } from '../../src/cli/add-corrections';
import { DIALOGUE_ACTS } from '../../src/engine/acts';

const all = readTuningUtterances();

describe('the labelled utterances', () => {
  it("use only the engine's acts, give every paraphrase what the customer said, and use each id once", () => {
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    for (const item of all) {
      for (const act of item.acts) expect(DIALOGUE_ACTS, item.id).toContain(act);
      if (item.acts.includes('paraphrase')) expect(item.context?.customerSaid?.length, item.id).toBeGreaterThan(0);
    }
    for (const act of DIALOGUE_ACTS) expect(all.filter((item) => item.acts.includes(act)).length, act).toBeGreaterThanOrEqual(100);
  });

  it('are what the shipped act model learned from (rerun npm run train:acts after editing them)', () => {
    expect(actModelFile.trainedOn).toEqual({ utterances: all.length, fingerprint: fingerprint(all) });
  });

  it('record every label changed when the labelling guide was applied, and the files agree with the record', () => {
    const record = JSON.parse(readFileSync('tests/fixtures/acts/relabelled.json', 'utf8')) as { id: string; after: string[] }[];
    expect(record.length).toBeGreaterThan(0);
    for (const { id, after } of record) expect(all.find((item) => item.id === id)?.acts.sort(), id).toEqual([...after].sort());
  });

  it('reads a customer line given as one string as a list of one', () => {
    const [item] = parseLabelledFile([{ id: 'a1', text: 'So the bill doubled?', acts: ['paraphrase'], context: { customerSaid: 'My bill doubled.' } }], 'x.json');
    expect(item!.context?.customerSaid).toEqual(['My bill doubled.']);
  });
});

describe('word overlap, which keeps held-out items unlike any tuning item', () => {
  it('is the share of distinct words two utterances have in common, whatever the case or order', () => {
    expect(wordOverlap(wordSet('The bill is wrong'), wordSet('wrong, the BILL is'))).toBe(1);
    expect(wordOverlap(wordSet('the bill is wrong'), wordSet('the bill is right'))).toBeCloseTo(3 / 5);
    expect(closestOverlap('thanks for holding', [wordSet('hello there'), wordSet('thanks for holding on')])).toBeCloseTo(3 / 4);
  });
});

describe('the scores', () => {
  const items = [{ acts: ['greeting'] as const }, { acts: ['empathy'] as const }, { acts: [] as const }, { acts: ['blame'] as const }];

  it('give per-act F1, their mean over acts present, and an interval around it', () => {
    const perfect = items.map((item) => [...item.acts]);
    expect(scorePredictions(items, perfect).macroF1).toBe(1);
    const missedEmpathy = [['greeting'], [], [], ['blame']] as const;
    const scores = scorePredictions(items, missedEmpathy.map((acts) => [...acts]));
    expect(scores.macroF1).toBeCloseTo(2 / 3);
    const [low, high] = bootstrapMacroF1(items, missedEmpathy.map((acts) => [...acts]), 200);
    expect(low).toBeLessThanOrEqual(scores.macroF1);
    expect(high).toBeGreaterThanOrEqual(low);
  });

  it('count a benign reply heard as harmful as a false alarm, and a harmful reply not at all', () => {
    expect(falseAlarms(items, [['greeting', 'dismissal'], ['empathy'], [], ['blame']])).toEqual({ benign: 3, alarmed: 1, rate: 1 / 3 });
  });
});

describe('supervisor corrections', () => {
  const dir = () => {
    const folder = mkdtempSync(join(tmpdir(), 'acts-'));
    writeFileSync(join(folder, 'utterances-a.json'), JSON.stringify([{ id: 'a1', text: 'Hello there.', acts: ['greeting'] }]));
    return folder;
  };

  it('become a new tuning writer file in one step, with ids that cannot collide', () => {
    const folder = dir();
    const file = join(folder, 'export.json');
    writeFileSync(file, JSON.stringify([{ id: 't7', text: "It's only a few quid.", acts: ['dismissal'] }]));
    const { written, added } = addCorrections(file, folder, '20261204');
    expect(added).toBe(1);
    expect(readdirSync(folder)).toContain('utterances-corrections-20261204.json');
    expect(readTuningUtterances(folder).find((item) => item.source === 'utterances-corrections-20261204')).toMatchObject({ id: 'c20261204-t7', acts: ['dismissal'] });
    expect(written).toContain('utterances-corrections-20261204.json');
  });

  it('are refused whole, naming the item and field, when one is wrong', () => {
    const folder = dir();
    const file = join(folder, 'export.json');
    writeFileSync(file, JSON.stringify([{ id: 't1', text: 'Fine.', acts: [] }, { id: 't2', text: 'Sure.', acts: ['shouting'] }]));
    expect(() => addCorrections(file, folder, '20261204')).toThrow(/1\.acts\.0/);
    expect(readdirSync(folder)).not.toContain('utterances-corrections-20261204.json');
  });
});
