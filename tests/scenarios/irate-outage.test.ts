/**
 * The irate-outage scenario: an irate customer whose home fiber failed three
 * times in two weeks and whose technician never came. These tests play it the
 * way a trainee would and check what a trainee or supervisor would notice.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { reportScenario } from '../../src/engine/scenario/scenario-report';
import { competency, loadScenarioFile, play, playAndScore, type Step } from '../helpers/play';

const FILE = 'scenarios/irate-outage.json';
const scenario = loadScenarioFile(FILE);

type Call = ReturnType<typeof play>;
type Entry = Call['view']['transcript'][number];
type CustomerEntry = Extract<Entry, { kind: 'customer' }>;

/** Empathy first: hear him out, then verify and ask, then summarise and offer a credit on the bill. */
const EMPATHY_FIRST: Step[] = [
  'ANSWER',
  'greet-warm',
  'vent-empathy',
  'verify-ack',
  'outages-good',
  'visit-good',
  'impact-good',
  'LOOKUP history',
  'LOOKUP bills',
  'LOOKUP invoices',
  'confirm-summary',
  'offer-credit',
  'close-next',
  'bye-warm',
];

/** Verify and apologise first, paraphrase the rant, check the file on hold, and refund to the card. */
const VERIFY_FIRST: Step[] = [
  'ANSWER',
  'greet-verify',
  'vent-paraphrase',
  'outages-sorry',
  'visit-good',
  'impact-good',
  'LOOKUP bills',
  'confirm-hold',
  'HOLD',
  'LOOKUP history',
  'LOOKUP invoices',
  'RESUME',
  'confirm-records',
  'offer-refund',
  'close-next',
  'bye-survey',
];

/** Everything up to the moment he asks "so what are you going to do about it?". */
const UP_TO_OFFER = EMPATHY_FIRST.slice(0, EMPATHY_FIRST.indexOf('offer-credit'));

function customerLines(call: Call): string[] {
  return call.view.transcript.flatMap((entry) => (entry.kind === 'customer' ? [entry.line] : []));
}

function indexOfReply(transcript: Entry[], replyId: string): number {
  const index = transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === replyId);
  if (index === -1) throw new Error(`reply ${replyId} was never said`);
  return index;
}

/** What the customer said right after the trainee's reply `replyId`. */
function answerTo(transcript: Entry[], replyId: string): CustomerEntry[] {
  const from = indexOfReply(transcript, replyId) + 1;
  const next = transcript.findIndex((entry, i) => i >= from && entry.kind === 'trainee');
  return transcript.slice(from, next === -1 ? undefined : next).filter((entry): entry is CustomerEntry => entry.kind === 'customer');
}

function behaviour(scorecard: Parameters<typeof competency>[0], competencyId: string, behaviourId: string) {
  const found = competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId);
  if (!found) throw new Error(`no behaviour ${behaviourId}`);
  return found;
}

describe('irate-outage scenario', () => {
  it('loads with no errors and no warnings', () => {
    const result = parseScenario(FILE, readFileSync(FILE, 'utf8'));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(scenario.level).toBe('III');
    expect(scenario.policy.escalation).toBe('whenDemanded');
  });

  it('has real phases, at least 12 states, and reachable endings of every outcome', () => {
    const report = reportScenario(scenario);
    expect(report.truncated).toBe(false);
    expect(report.states).toBeGreaterThanOrEqual(12);
    for (const phase of ['opening', 'venting', 'factFinding', 'supervisorDemand', 'resolution', 'closing']) {
      expect(Object.keys(scenario.machine.states)).toContain(phase);
    }
    const own = report.endings.filter((ending) => ending.state in scenario.machine.states);
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(own.every((ending) => ending.reached)).toBe(true);
    expect(new Set(own.map((ending) => ending.ending.outcome))).toEqual(new Set(['resolved', 'referred', 'lost']));
    expect(own.find((ending) => ending.ending.best)?.state).toBe('resolved');
  }, 120_000);

  it('prices the correct resolution from the account: 5 of 30 days of $79.99, plus the $25 missed-visit credit', () => {
    const november = scenario.account.bills.find((bill) => bill.issued === '2026-11-01');
    expect(november?.amount).toBe(79.99);
    const outageCredit = Math.round((5 / 30) * november!.amount * 100) / 100;
    expect(outageCredit).toBe(13.33);
    const correct = Object.values(scenario.policy.resolutions).filter((resolution) => resolution.correct);
    expect(correct.length).toBe(2);
    for (const resolution of correct) expect(resolution.amount).toBe(outageCredit + 25);
    expect(scenario.account.invoices.map((invoice) => invoice.amount)).toContain(49);
  });

  it('gives every beat a mix of replies, and coaching for every harmful one', () => {
    for (const [beat, replies] of Object.entries(scenario.replies)) {
      expect(replies.length, beat).toBeGreaterThanOrEqual(3);
      expect(replies.some((reply) => reply.quality === 'good'), beat).toBe(true);
      expect(replies.some((reply) => reply.quality === 'harmful'), beat).toBe(true);
    }
    const harmful = Object.values(scenario.replies).flat().filter((reply) => reply.quality === 'harmful');
    expect(harmful.filter((reply) => !reply.coaching).map((reply) => reply.id)).toEqual([]);
    const texts = harmful.map((reply) => reply.text.toLowerCase()).join('\n');
    for (const phrase of ['calm down', 'policy says', 'unplugged', 'ont']) expect(texts).toContain(phrase);
  });

  describe('good routes', () => {
    it('empathy first, then questions, ends resolved with a perfect score', () => {
      const { call, scorecard } = playAndScore(scenario, EMPATHY_FIRST);
      expect(call.view.ending?.state).toBe('resolved');
      expect(call.view.ending?.detail.best).toBe(true);
      expect(scorecard.overall).toBe(100);
      expect(scorecard.level).toBe('Superior');
      // Every fact of every category came out along the way.
      const revealed = new Set(call.context.revealed);
      expect(Object.keys(scenario.facts).filter((fact) => !revealed.has(fact))).toEqual([]);
    });

    it('verify and apologise first, then paraphrase, ends resolved as Superior with a refund to the card', () => {
      const { call, scorecard } = playAndScore(scenario, VERIFY_FIRST);
      expect(call.view.ending?.state).toBe('resolved');
      expect(scorecard.overall).toBeGreaterThanOrEqual(85);
      expect(scorecard.level).toBe('Superior');
      const offers = call.view.transcript.flatMap((entry) => (entry.kind === 'trainee' && entry.offers ? [entry.offers] : []));
      expect(offers).toEqual(['refundAndRebook']);
    });

    it('the two good routes really differ', () => {
      const said = (steps: Step[]) => new Set(steps.filter((step) => !/^[A-Z]/.test(step)));
      const a = said(EMPATHY_FIRST);
      const b = said(VERIFY_FIRST);
      const shared = [...a].filter((id) => b.has(id));
      expect(shared.length).toBeLessThan(a.size / 2);
    });
  });

  describe('harmful replies', () => {
    it('"calm down" then blame: he demands a supervisor, then hangs up, and de-escalation points at both turns', () => {
      const { call, record, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-warm', 'vent-calm-down', 'sup-blame']);
      expect(call.view.ending?.state).toBe('hungUp');
      expect(call.view.ending?.detail.outcome).toBe('lost');
      expect(answerTo(record.transcript, 'vent-calm-down').map((entry) => entry.line)).toEqual(['demandSupervisor']);

      const deescalation = competency(scorecard, 'deescalation');
      expect(deescalation.level).toBe('Needs improvement');
      const calmDown = indexOfReply(record.transcript, 'vent-calm-down');
      const blame = indexOfReply(record.transcript, 'sup-blame');
      const wording = behaviour(scorecard, 'deescalation', 'positiveWording');
      expect(wording.findings.some((f) => f.turn === calmDown && f.points < 0 && f.tip?.includes('frustrating'))).toBe(true);
      const noBlame = behaviour(scorecard, 'deescalation', 'noBlame');
      expect(noBlame.earned).toBe(0);
      expect(noBlame.findings.some((f) => f.turn === blame && f.points < 0)).toBe(true);
    });

    it('blaming the router straight after the rant loses him at once', () => {
      const call = play(scenario, ['ANSWER', 'greet-rushed', 'vent-blame']);
      expect(call.view.ending?.state).toBe('hungUp');
      expect(customerLines(call).at(-1)).toBe('slamsPhone');
    });

    it('jargon confuses him and costs plain-language points', () => {
      const { call, scorecard } = playAndScore(scenario, [...UP_TO_OFFER.slice(0, UP_TO_OFFER.indexOf('confirm-summary')), 'confirm-jargon']);
      expect(customerLines(call).at(-1)).toBe('jargonConfused');
      expect(call.view.mood.confusion).toBeGreaterThanOrEqual(25);
      expect(behaviour(scorecard, 'resolution', 'plainLanguage').earned).toBeLessThan(20);
    });
  });

  describe('venting', () => {
    it('refuses to answer while furious, and answers the same question once he feels heard', () => {
      const call = play(scenario, ['ANSWER', 'greet-warm', 'vent-question']);
      const transcript = call.view.transcript;
      expect(answerTo(transcript, 'vent-question').map((entry) => entry.line)).toEqual(['refuseToAnswer']);
      expect(call.context.revealed).not.toContain('outageDates');
      expect(call.view.mood.anger).toBeGreaterThanOrEqual(60);

      const later = play(scenario, ['ANSWER', 'greet-warm', 'vent-question', 'vent-empathy', 'verify-plain', 'outages-when']);
      expect(later.context.revealed).toContain('outageDates');
      const answer = answerTo(later.view.transcript, 'outages-when');
      expect(answer.some((entry) => entry.reveals === 'outageDates')).toBe(true);
    });

    it('volunteers the outages and the missed visit in his rant', () => {
      const call = play(scenario, ['ANSWER', 'greet-bare']);
      expect(call.context.revealed).toEqual(expect.arrayContaining(['callerMarcus', 'repeatedOutages', 'missedVisit']));
      expect(call.view.phase).toBe('venting');
    });

    it('says different things depending on his mood', () => {
      const rant = (greeting: string) => {
        const call = play(scenario, ['ANSWER', greeting]);
        const said = call.view.transcript.find((entry): entry is CustomerEntry => entry.kind === 'customer' && entry.line === 'rant');
        if (!said) throw new Error('no rant');
        return said;
      };
      const soothed = rant('greet-warm');
      const curt = rant('greet-bare');
      expect(curt.mood.anger).toBeGreaterThan(soothed.mood.anger);
      expect(curt.text).not.toBe(soothed.text);
    });
  });

  describe('supervisor demand', () => {
    it('escalating after he demands a supervisor is right: referred, with full escalation marks', () => {
      const { call, record, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-warm', 'vent-calm-down', 'sup-transfer']);
      expect(record.flags).toContain('supervisorDemanded');
      expect(call.view.ending?.state).toBe('supervisorHandoff');
      expect(call.view.ending?.detail.outcome).toBe('referred');
      const judgement = behaviour(scorecard, 'resolution', 'escalationJudgement');
      expect(judgement.earned).toBe(judgement.points);
    });

    it('the escalate button after the demand is right too', () => {
      const { call, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-warm', 'vent-calm-down', 'ESCALATE']);
      expect(call.view.ending?.state).toBe('supervisorHandoff');
      const judgement = behaviour(scorecard, 'resolution', 'escalationJudgement');
      expect(judgement.earned).toBe(judgement.points);
    });

    it('escalating before anyone asked loses the escalation marks', () => {
      const { call, record, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-warm', 'ESCALATE']);
      expect(record.flags).not.toContain('supervisorDemanded');
      expect(call.view.ending?.state).toBe('prematureTransfer');
      expect(call.view.ending?.detail.outcome).toBe('referred');
      const judgement = behaviour(scorecard, 'resolution', 'escalationJudgement');
      expect(judgement.earned).toBe(0);
      expect(judgement.findings.some((f) => f.points < 0)).toBe(true);
    });

    it('talking him round instead of transferring can still settle it, but only grudgingly and without the escalation marks', () => {
      const steps = ['ANSWER', 'greet-warm', 'vent-calm-down', 'sup-try', 'verify-ack', 'outages-good', 'visit-good', 'visit-good', 'impact-good',
        'confirm-summary', 'offer-credit', 'close-next', 'bye-warm'];
      const { call, scorecard } = playAndScore(scenario, steps);
      expect(customerLines(call)).toContain('backOnTrack');
      expect(call.view.ending?.state).toBe('grudging');
      expect(behaviour(scorecard, 'resolution', 'escalationJudgement').earned).toBe(0);
    });
  });

  describe('resolutions', () => {
    it('a partial credit makes him threaten to cancel; putting it right ends grudgingly', () => {
      const call = play(scenario, [...UP_TO_OFFER, 'offer-partial']);
      expect(call.view.phase).toBe('resolution');
      expect(call.view.beat).toBe('counter');
      expect(customerLines(call).at(-1)).toBe('partialPushback');
      const { call: settled, scorecard } = playAndScore(scenario, [...UP_TO_OFFER, 'offer-partial', 'counter-correct', 'close-next', 'bye-warm']);
      expect(settled.view.ending?.state).toBe('grudging');
      expect(settled.view.ending?.detail.outcome).toBe('resolved');
      expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(40);
    });

    it('charging the visit fee and then refusing more loses him to a competitor', () => {
      const { call, scorecard } = playAndScore(scenario, [...UP_TO_OFFER, 'offer-charge', 'counter-policy']);
      expect(call.view.ending?.state).toBe('cancelling');
      expect(call.view.ending?.detail.outcome).toBe('lost');
      expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(0);
    });

    it('a full month refund placates him but breaks policy and gets the amount wrong', () => {
      const { call, scorecard } = playAndScore(scenario, [...UP_TO_OFFER, 'offer-fullmonth', 'close-next', 'bye-warm']);
      expect(call.view.ending?.state).toBe('offPolicy');
      expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(0);
      expect(behaviour(scorecard, 'resolution', 'arithmetic').earned).toBe(0);
      expect(scorecard.overall).toBeLessThan(100);
    });
  });

  describe('patience and time', () => {
    it('a long hold drains his patience until he hangs up', () => {
      const before = play(scenario, ['ANSWER', 'greet-warm']).view.mood.patience;
      const shortHold = play(scenario, ['ANSWER', 'greet-warm', 'HOLD', 'WAIT 25000']);
      expect(shortHold.view.status).toBe('live');
      expect(shortHold.view.mood.patience).toBeLessThan(before);
      const longHold = play(scenario, ['ANSWER', 'greet-warm', 'HOLD', 'WAIT 60000']);
      expect(longHold.view.ending?.state).toBe('hungUpOnHold');
      expect(customerLines(longHold).at(-1)).toBe('holdHangUp');
    });

    it('prompts after silenceMs of silence once he has stopped speaking, and the silence costs patience', () => {
      const { silenceMs } = scenario.timing;
      // play() lets 3 s pass after each step, so ANSWER already accounts for 3 s; his opening lines take their own time.
      const speaking = play(scenario, ['ANSWER']).context.speakingUntil;
      const quiet = play(scenario, ['ANSWER', `WAIT ${speaking + silenceMs - 3000 - 1000}`]);
      expect(quiet.view.transcript.some((entry) => entry.kind === 'event' && entry.event === 'silence')).toBe(false);
      const silent = play(scenario, ['ANSWER', `WAIT ${speaking + silenceMs - 3000 + 500}`]);
      expect(silent.view.transcript.some((entry) => entry.kind === 'event' && entry.event === 'silence')).toBe(true);
      expect(customerLines(silent).at(-1)).toBe('silence');
      expect(silent.view.mood.patience).toBeLessThan(scenario.persona.mood.patience);
    });

    it('once a long hold has used up his patience he stops answering questions and demands an answer', () => {
      const before = ['ANSWER', 'greet-warm', 'vent-empathy', 'verify-ack'];
      const patient = play(scenario, [...before, 'outages-when']);
      expect(patient.view.phase).toBe('factFinding');
      const call = play(scenario, [...before, 'HOLD', 'WAIT 40000', 'RESUME', 'outages-when']);
      expect(customerLines(call).at(-1)).toBe('enoughQuestions');
      expect(call.view.phase).toBe('resolution');
      expect(call.view.mood.patience).toBeLessThan(20);
    });
  });
});
