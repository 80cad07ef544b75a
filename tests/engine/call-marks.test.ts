import { callMarks } from '../../src/engine/call/call-marks';
import { play } from '../helpers/play';
import { billing } from '../helpers/records';

describe('the look-ups and holds of a call, for the review timeline', () => {
  it('lists each look-up with its section and each hold and resume, with when the customer waited', () => {
    const record = play(billing, ['ANSWER', 'greet-good', 'LOOKUP bills', 'HOLD', 'RESUME', 'LOOKUP history']).record();
    const { marks, holds } = callMarks(record.transcript);
    expect(marks.map((mark) => [mark.kind, mark.section ?? null])).toEqual([
      ['lookup', 'bills'],
      ['hold', null],
      ['resume', null],
      ['lookup', 'history'],
    ]);
    for (const mark of marks) expect(record.transcript[mark.index]).toMatchObject({ kind: 'event', event: mark.kind, at: mark.at });
    expect(holds).toEqual([{ from: marks[1]!.at, to: marks[2]!.at }]);
  });

  it('keeps a hold the call ended in open, and a call with neither has no marks', () => {
    const onHold = play(billing, ['ANSWER', 'greet-good', 'HOLD']).record();
    expect(callMarks(onHold.transcript).holds).toEqual([{ from: callMarks(onHold.transcript).marks[0]!.at, to: null }]);
    expect(callMarks(play(billing, ['ANSWER', 'greet-good']).record().transcript)).toEqual({ marks: [], holds: [] });
  });
});
