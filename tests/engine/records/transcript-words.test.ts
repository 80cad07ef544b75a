import { reviewRows } from '../../../src/engine/records/review-query';
import { saysAll, searchWords, transcriptWords } from '../../../src/engine/records/transcript-words';
import type { TranscriptEntry } from '../../../src/engine/call/transcript';
import { summarise } from '../../../src/engine/records/summary';
import { scoredSession } from '../../helpers/records';

const mood = { anger: 0, trust: 0, patience: 0, confusion: 0 } as unknown as TranscriptEntry['mood'];
const transcript: TranscriptEntry[] = [
  { kind: 'customer', at: 0, mood, text: 'My bill DOUBLED — I want a refund!', line: 'open' },
  { kind: 'event', at: 1, mood, event: 'lookup', section: 'bills' },
  { kind: 'trainee', at: 2, mood, text: "I don't see why; let me check the meter.", acts: [] },
];

describe('the words said in a call, for transcript search', () => {
  it('keeps each word the customer or the trainee said once, lowercased, apostrophes kept, events left out', () => {
    const words = transcriptWords({ transcript });
    expect(words).toEqual(['bill', 'check', "don't", 'doubled', 'i', 'let', 'me', 'meter', 'my', 'refund', 'see', 'the', 'want', 'why', 'a'].sort());
    expect(words).not.toContain('bills');
  });

  it('matches a call when every word asked for begins a word said in it', () => {
    const words = transcriptWords({ transcript });
    expect(saysAll(words, searchWords('Refun'))).toBe(true);
    expect(saysAll(words, searchWords('refund meter'))).toBe(true);
    expect(saysAll(words, searchWords('refund outage'))).toBe(false);
    expect(saysAll(words, searchWords('DON’T'))).toBe(true);
  });

  it('reads a search as its distinct words, dropping one that begins another', () => {
    expect(searchWords('  Refund refund ref, METER! ')).toEqual(['refund', 'meter']);
    expect(searchWords('?!')).toEqual([]);
  });

  it('narrows the review rows to the sessions storage found, other filters still applying', () => {
    const summaries = ['a', 'b', 'c'].map((id, i) => summarise({ ...scoredSession(id, undefined, i === 2 ? 'Ben' : 'Ana'), status: 'scored', revision: 1, saved: { seed: id, log: [], savedAt: 0, snapshot: null }, notes: scoredSession(id).record.notes }));
    expect(reviewRows(summaries, { filter: { said: 'refund' } }).map((row) => row.id).sort()).toEqual(['a', 'b', 'c']);
    expect(reviewRows(summaries, { filter: { said: 'refund' }, saying: new Set(['a', 'c']) }).map((row) => row.id).sort()).toEqual(['a', 'c']);
    expect(reviewRows(summaries, { filter: { traineeName: 'Ben', said: 'refund' }, saying: new Set(['a', 'c']) }).map((row) => row.id)).toEqual(['c']);
  });
});
