/**
 * The caller who is not the cardholder: a son, with all his father's details,
 * wants the balance and the spending. The trainee keeps the account
 * confidential under pressure (001 G.7), and still helps: the missing card
 * blocked, a payment possible, the ways to be given access explained.
 */
import { describe, expect, it } from 'vitest';
import { competency, play, playAndScore } from '../helpers/play';
import { customerLines, describeLibraryScenario, englishClassifier } from '../helpers/library-scenario';

const PERFECT = ['ANSWER', 'greet-warm', 'request-paraphrase', 'LOOKUP help', 'LOOKUP history', 'pressure-why', 'facts-when', 'facts-where', 'block-now', 'access-both', 'close-check', 'bye-warm'];
/** Asks what he needs, verifies with empathy, explains the rule and the block in one, asks why and where first, asks before blocking. */
const OTHER_GOOD = ['ANSWER', 'greet-ask', 'request-verify', 'pressure-explain', 'facts-why', 'facts-where', 'facts-when', 'LOOKUP help', 'block-ask', 'LOOKUP history', 'access-short', 'close-check', 'bye-warm'];
const LOST = ['ANSWER', 'greet-warm', 'request-read'];
const UP_TO_PRESSURE = PERFECT.slice(0, PERFECT.indexOf('pressure-why'));

const scenario = describeLibraryScenario({ file: 'scenarios/card-third-party.json', level: 'III', perfect: PERFECT, otherGood: OTHER_GOOD, lost: LOST });

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  return competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId)!;
}

describe('card-third-party: confidentiality', () => {
  it('reading the account before asking who is calling is a breach the scorecard cites, and loses the call', () => {
    const { call, record, scorecard } = playAndScore(scenario, LOST);
    expect(call.view.ending?.state).toBe('breached');
    const read = record.transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === 'request-read');
    const check = behaviour(scorecard, 'opening', 'verifyBeforeDisclosing');
    expect(check.earned).toBe(0);
    expect(check.findings.some((finding) => finding.turn === read && finding.points < 0)).toBe(true);
    expect(scorecard.overall).toBeLessThan(60);
  });

  it('giving in to "I have all his details" after learning he is the son is a breach too', () => {
    const call = play(scenario, [...UP_TO_PRESSURE, 'pressure-give-in']);
    expect(call.view.ending?.state).toBe('breached');
    expect(call.view.ending?.detail.outcome).toBe('lost');
  });

  it('typed words that read an amount from the account are heard as a disclosure, and end the call the same way', () => {
    const call = play(scenario, ['ANSWER', 'greet-warm', 'request-paraphrase']);
    call.sayTyped(englishClassifier(), 'The balance is $1,284.60, and the minimum payment is due on the 10th.');
    expect(call.view.ending?.state).toBe('breached');
  });

  it('asking who is calling brings out that he is the son, and the push to be treated as his father', () => {
    const call = play(scenario, ['ANSWER', 'greet-warm', 'request-verify']);
    expect(call.context.revealed).toContain('callerDaniel');
    expect(customerLines(call).at(-1)).toBe('pushes');
  });
});

describe('card-third-party: helping anyway', () => {
  it('a kind explanation of the rule calms him enough to listen', () => {
    const call = play(scenario, [...UP_TO_PRESSURE, 'pressure-explain']);
    expect(customerLines(call).at(-1)).toBe('listening');
    expect(call.view.mood.anger).toBeLessThan(play(scenario, UP_TO_PRESSURE).view.mood.anger);
  });

  it('a curt start and quoting policy at him twice make him ask for a supervisor; transferring is then right', () => {
    const { call, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-rushed', 'request-paraphrase', 'pressure-policy', 'pressure-policy', 'sup-transfer']);
    expect(call.view.ending?.state).toBe('referred');
    const judgement = behaviour(scorecard, 'resolution', 'escalationJudgement');
    expect(judgement.earned).toBe(judgement.points);
  });

  it('"nothing I can do" is wrong: the card can be blocked by anyone', () => {
    const steps = [...UP_TO_PRESSURE, 'pressure-why', 'facts-when', 'facts-where', 'block-nothing'];
    expect(customerLines(play(scenario, steps)).at(-1)).toBe('stonewalled');
  });

  it('closing the account for him ends short of the best', () => {
    const steps = [...UP_TO_PRESSURE, 'pressure-why', 'facts-when', 'facts-where', 'block-close', 'access-both', 'close-check', 'bye-warm'];
    const { call } = playAndScore(scenario, steps);
    expect(call.view.ending?.state).toBe('partly');
  });
});
