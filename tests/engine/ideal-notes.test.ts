import type { DialogueAct } from '../../src/engine/acts';
import { idealNotes } from '../../src/engine/scenario/ideal-notes';
import type { CallRecord, TranscriptEntry } from '../../src/engine/call/transcript';
import { billing } from '../helpers/records';

const mood = { anger: 50, trust: 50, confusion: 20, patience: 80 };
const customer = (reveals: string): TranscriptEntry => ({ kind: 'customer', at: 0, mood, text: '…', line: reveals, reveals });
const trainee = (acts: DialogueAct[], offers?: string): TranscriptEntry => ({ kind: 'trainee', at: 0, mood, text: '…', acts, ...(offers ? { offers } : {}) });
const call = (...transcript: TranscriptEntry[]): CallRecord => ({ scenarioId: billing.id, scenarioVersion: billing.version, seed: 't', transcript, ending: null, flags: [], flaggedAt: {}, notes: { who: '', what: '', when: '', where: '', why: '', action: '' } });

describe("a careful trainee's notes", () => {
  it("note every fact the customer told, in the scenario's order within each field, with its first keyword", () => {
    const notes = idealNotes(billing, call(customer('allElectric'), customer('freezeDates'), customer('billAmount')));
    expect(notes.what).toBe('The February bill is $311.22, more than double her usual bill (311.22); The house is all-electric, heated by an electric heat pump (all-electric)');
    expect(notes.when).toBe('The freeze ran from 13 to 24 January (13 January)');
    expect(notes.who).toBe('');
  });

  it('note the last offer made as the action, with its amount, and an escalation by words or by the button', () => {
    expect(idealNotes(billing, call(trainee(['offerOptions'], 'goodwill50'), trainee(['offerOptions'], 'creditOverlap'))).action).toBe(
      'Credit the 7 days billed twice: $57.33 off the February bill (credit) 57.33 USD',
    );
    expect(idealNotes(billing, call(trainee(['escalate']))).action).toBe('Escalated to a supervisor');
    expect(idealNotes(billing, call({ kind: 'event', at: 0, mood, event: 'escalate' })).action).toBe('Escalated to a supervisor');
    expect(idealNotes(billing, call(trainee(['empathy']))).action).toBe('');
  });
});
