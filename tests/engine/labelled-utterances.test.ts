import { readFileSync } from 'node:fs';
import { DIALOGUE_ACTS } from '../../src/engine/acts';

const heldOutFile = JSON.parse(readFileSync('tests/fixtures/acts/utterances.json', 'utf8')) as { id: string; split: string; acts: string[]; context?: { customerSaid?: string[] } }[];
const moreFile = JSON.parse(readFileSync('tests/fixtures/acts/utterances-more.json', 'utf8')) as typeof heldOutFile;

describe('the labelled utterances', () => {
  it('follow the split declared up front: every third item of the first file is held out, the second file only tunes', () => {
    heldOutFile.forEach((item, i) => expect(item.split, item.id).toBe((i + 1) % 3 === 0 ? 'heldOut' : 'tuning'));
    expect(moreFile.every((item) => item.split === 'tuning')).toBe(true);
    expect(heldOutFile.length + moreFile.length).toBeGreaterThanOrEqual(300);
  });

  it('use only the engine\'s acts, give every paraphrase what the customer said, and cover every act in the held-out part', () => {
    const all = [...heldOutFile, ...moreFile];
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
    for (const item of all) {
      for (const act of item.acts) expect(DIALOGUE_ACTS).toContain(act);
      if (item.acts.includes('paraphrase')) expect(item.context?.customerSaid?.length, item.id).toBeGreaterThan(0);
    }
    for (const act of DIALOGUE_ACTS) expect(heldOutFile.some((item) => item.split === 'heldOut' && item.acts.includes(act)), act).toBe(true);
  });
});
