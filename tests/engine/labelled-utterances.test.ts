import actModelFile from '../../src/engine/classifier/act-model.json';
import { fingerprint, readLabelledUtterances, tuningPart } from '../../src/cli/acts/labelled-utterances';
import { DIALOGUE_ACTS } from '../../src/engine/acts';

const all = readLabelledUtterances();
const firstFile = all.filter((item) => item.source === 'utterances');

describe('the labelled utterances', () => {
  it('follow the split declared up front: every third item of the first file is held out, the other files only tune', () => {
    firstFile.forEach((item, i) => expect(item.split, item.id).toBe((i + 1) % 3 === 0 ? 'heldOut' : 'tuning'));
    expect(all.filter((item) => item.source !== 'utterances').every((item) => item.split === 'tuning')).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(300);
  });

  it("use only the engine's acts, give every paraphrase what the customer said, and cover every act in the held-out part", () => {
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    for (const item of all) {
      for (const act of item.acts) expect(DIALOGUE_ACTS, item.id).toContain(act);
      if (item.acts.includes('paraphrase')) expect(item.context?.customerSaid?.length, item.id).toBeGreaterThan(0);
      if (item.context?.customerSaid) expect(Array.isArray(item.context.customerSaid) && item.context.customerSaid.every((line) => typeof line === 'string'), item.id).toBe(true);
    }
    for (const act of DIALOGUE_ACTS) expect(firstFile.some((item) => item.split === 'heldOut' && item.acts.includes(act)), act).toBe(true);
  });

  it('are what the shipped act model learned from: tuning items only, none held out (rerun npm run train:acts after editing them)', () => {
    const tuning = tuningPart(all);
    expect(actModelFile.trainedOn).toEqual({ utterances: tuning.length, fingerprint: fingerprint(tuning) });
    expect(fingerprint(tuning)).not.toBe(fingerprint(all));
  });
});
