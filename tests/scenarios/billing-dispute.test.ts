/**
 * The billing-dispute caller: a $311.22 electricity bill that is partly a
 * genuine cold-snap heating bill and partly a seven-day billing overlap. These
 * tests play the scenario the way a trainee would and check what a trainer
 * would notice: the file is clean, the call has real depth, the account adds
 * up, the good routes score well, and each mistake costs what it should.
 */
import { readFileSync } from 'node:fs';
import { getAdjacencyMap } from '@xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { preparedToTrainee, viewOf, type Call } from '../../src/engine/call/call';
import type { CallContext } from '../../src/engine/call/call-context';
import { compileScenario, type CallEvent } from '../../src/engine/call/compile';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { idealNotes } from '../../src/engine/scenario/ideal-notes';
import { reportScenario, type ScenarioReport } from '../../src/engine/scenario/scenario-report';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import { scoreCall } from '../../src/engine/scoring/scorer';
import type { CallRecord } from '../../src/engine/call/transcript';
import { competency, loadScenarioFile, play, playAndScore } from '../helpers/play';
import { englishClassifier } from '../helpers/typed-call';

const FILE = 'scenarios/billing-dispute.json';
const scenario = loadScenarioFile(FILE);

/** Looks at the account first, finds the overlap, then asks what changed at home. Every behaviour in the rubric is shown. */
const PERFECT = [
  'ANSWER',
  'greet-good',
  'vent-empathy-verify',
  'LOOKUP bills',
  'LOOKUP history',
  'dir-lookup',
  'find-overlap',
  'usage-ask',
  'weather-ask-when',
  'weather-plain',
  'credit-correct',
  'prevent-cause',
  'close-good',
];

/** Asks what changed at home first, explains the weather part, and only then puts her on hold to check the bills. */
const USAGE_FIRST = [
  'ANSWER',
  'greet-good',
  'vent-paraphrase-verify',
  'dir-ask-usage',
  'weather-ask-when',
  'weather-plain',
  'look-hold',
  'HOLD',
  'LOOKUP bills',
  'LOOKUP history',
  'RESUME',
  'find-overlap',
  'credit-explain',
  'prevent-check',
  'close-good',
];

/** PERFECT up to the moment she asks what will be done about the overlap. */
const UP_TO_OFFER = PERFECT.slice(0, PERFECT.indexOf('credit-correct'));

const correct = scenario.policy.resolutions.creditOverlap!;
const cents = (amount: number) => Math.round(amount * 100);

function traineeTurn(record: CallRecord, replyId: string): number {
  const index = record.transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === replyId);
  if (index === -1) throw new Error(`reply ${replyId} was never said`);
  return index;
}

function behaviour(scorecard: ReturnType<typeof scoreCall>, competencyId: string, behaviourId: string) {
  const found = competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId);
  if (!found) throw new Error(`no behaviour ${behaviourId}`);
  return found;
}

function customerLines(call: Call): string[] {
  return call.view.transcript.flatMap((entry) => (entry.kind === 'customer' ? [entry.line] : []));
}

/** Index of the first transcript entry matching `test`. */
function firstIndex(record: CallRecord, test: (entry: CallRecord['transcript'][number]) => boolean): number {
  return record.transcript.findIndex(test);
}

// --- reading the account the way a trainee reads the panel ---

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };
const DAY = 24 * 60 * 60 * 1000;

function periodOf(bill: Scenario['account']['bills'][number]) {
  const match = /(\d{1,2}) (\w{3}) (\d{4}) – (\d{1,2}) (\w{3}) (\d{4}) \((\d+) days\)/.exec(bill.period);
  if (!match) throw new Error(`unreadable period "${bill.period}"`);
  const [, d1, m1, y1, d2, m2, y2, stated] = match;
  const start = Date.UTC(Number(y1), MONTHS[m1!]!, Number(d1));
  const end = Date.UTC(Number(y2), MONTHS[m2!]!, Number(d2));
  return { start, end, days: (end - start) / DAY + 1, stated: Number(stated) };
}

function line(bill: Scenario['account']['bills'][number], startsWith: string) {
  const found = bill.lines?.find((l) => l.label.startsWith(startsWith));
  if (!found) throw new Error(`bill ${bill.id} has no "${startsWith}" line`);
  return found;
}

describe('billing-dispute scenario file', () => {
  it('loads with no errors and no warnings', () => {
    const result = parseScenario(FILE, readFileSync(FILE, 'utf8'));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(scenario.level).toBe('II');
    expect(scenario.policy.escalation).toBe('whenDemanded');
  });

  describe('what route exploration finds', () => {
    let report: ScenarioReport;
    beforeAll(() => {
      report = reportScenario(scenario);
    }, 120_000);

    it('has at least 12 states and explores every route without truncation', () => {
      expect(report.states).toBeGreaterThanOrEqual(12);
      expect(report.truncated).toBe(false);
    });

    it('reaches endings with every outcome: resolved (best), resolved with the wrong credit, referred and lost', () => {
      const reached = report.endings.filter((ending) => ending.reached);
      expect(new Set(reached.map((ending) => ending.ending.outcome))).toEqual(new Set(['resolved', 'referred', 'lost']));
      const byState = new Map(reached.map((ending) => [ending.state, ending.ending]));
      expect(byState.get('resolved')).toMatchObject({ outcome: 'resolved', best: true });
      expect(byState.get('resolvedWrongCredit')).toMatchObject({ outcome: 'resolved' });
      expect(byState.get('resolvedWrongCredit')?.best).toBeFalsy();
      expect(byState.get('referred')?.outcome).toBe('referred');
      expect(byState.get('hungUpAngry')?.outcome).toBe('lost');
    });

    it('finds a perfect route and a poor one', () => {
      expect(report.best?.score).toBe(100);
      expect(report.worst!.score).toBeLessThan(40);
    });
  });
});

describe('the account adds up', () => {
  it('every bill and invoice: its lines sum to its total, usage × rate and days × daily charge give the lines, and tax is 5%', () => {
    for (const bill of [...scenario.account.bills, ...scenario.account.invoices]) {
      const sum = (bill.lines ?? []).reduce((total, l) => total + cents(l.amount), 0);
      expect(sum, bill.id).toBe(cents(bill.amount));
      const { days, stated } = periodOf(bill);
      expect(days, `${bill.id} period length`).toBe(stated);
      const energy = line(bill, 'Energy charge');
      const [, kwh, rate] = /\(([\d,]+) kWh × \$(\d+\.\d+)\)/.exec(energy.label)!;
      expect(Math.round(Number(kwh!.replace(/,/g, '')) * Number(rate) * 100), `${bill.id} energy`).toBe(cents(energy.amount));
      const service = line(bill, 'Daily service charge');
      const [, serviceDays, daily] = /\((\d+) days × \$(\d+\.\d+)\)/.exec(service.label)!;
      expect(Number(serviceDays)).toBe(days);
      expect(Math.round(days * Number(daily) * 100), `${bill.id} service`).toBe(cents(service.amount));
      const tax = line(bill, 'State and local taxes');
      const percent = Number(/\((\d+)%\)/.exec(tax.label)![1]);
      expect(Math.round(((cents(energy.amount) + cents(service.amount)) * percent) / 100), `${bill.id} tax`).toBe(cents(tax.amount));
    }
  });

  it('every payment matches a bill', () => {
    const totals = scenario.account.bills.map((bill) => cents(bill.amount));
    for (const payment of scenario.account.payments) expect(totals).toContain(cents(payment.amount));
  });

  it('the correct credit is the overlap arithmetic, recomputed from the bills on the panel', () => {
    const [disputed, previous] = scenario.account.bills;
    const now = periodOf(disputed!);
    const before = periodOf(previous!);
    const overlapDays = (before.end - now.start) / DAY + 1;
    expect(overlapDays).toBe(7);
    const energy = line(disputed!, 'Energy charge').amount;
    const daily = Number(/× \$(\d+\.\d+)\)/.exec(line(disputed!, 'Daily service charge').label)![1]);
    const taxRate = Number(/\((\d+)%\)/.exec(line(disputed!, 'State and local taxes').label)![1]) / 100;
    const credit = ((overlapDays / now.days) * energy + overlapDays * daily) * (1 + taxRate);
    expect(correct.correct).toBe(true);
    expect(cents(correct.amount!)).toBe(Math.round(credit * 100));
    expect(correct.amount).toBe(57.33);
    // The arithmetic shown in the scorecard names every number it uses, and the result.
    for (const figure of ['7', '38', '$273.60', '$0.60', '$57.33']) expect(correct.arithmetic).toContain(figure);
  });

  it('each wrong resolution carries the amount a trainee would get by that mistake', () => {
    const [disputed, previous] = scenario.account.bills;
    const { resolutions } = scenario.policy;
    expect(cents(resolutions.refundDifference!.amount!)).toBe(cents(disputed!.amount) - cents(previous!.amount));
    expect(resolutions.creditWholeBill!.amount).toBe(disputed!.amount);
    expect(cents(resolutions.creditNoTax!.amount!)).toBe(Math.round((7 / 38) * cents(273.6)) + 7 * 60);
    expect(resolutions.goodwill50!.amount).toBe(50);
    expect(resolutions.noCredit!.amount).toBe(0);
    for (const [id, resolution] of Object.entries(resolutions)) {
      if (id === 'creditOverlap') continue;
      expect(resolution.correct, id).toBe(false);
      expect(cents(resolution.amount!), id).not.toBe(cents(correct.amount!));
      expect(resolution.why, id).toBeTruthy();
    }
  });
});

describe('good routes', () => {
  it('the perfect route ends resolved with a score of 100 in every competency', () => {
    const { call, scorecard } = playAndScore(scenario, PERFECT);
    expect(call.view.ending?.state).toBe('resolved');
    expect(call.view.ending?.detail).toMatchObject({ outcome: 'resolved', best: true });
    expect(scorecard.overall).toBe(100);
    for (const c of scorecard.competencies) expect(c.score, c.id).toBe(100);
  });

  it('two genuinely different routes both end resolved at Superior: account first, or usage first', () => {
    for (const route of [PERFECT, USAGE_FIRST]) {
      const { call, scorecard } = playAndScore(scenario, route);
      expect(call.view.ending?.detail).toMatchObject({ outcome: 'resolved', best: true });
      expect(scorecard.overall).toBeGreaterThanOrEqual(85);
      expect(scorecard.level).toBe('Superior');
    }
    const order = (route: string[]) => {
      const { record } = playAndScore(scenario, route);
      const lookedAtBills = firstIndex(record, (e) => e.kind === 'event' && e.event === 'lookup' && e.section === 'bills');
      const learnedHeaters = firstIndex(record, (e) => e.kind === 'customer' && e.reveals === 'heaters');
      const explainedWeather = traineeTurn(record, 'weather-plain');
      const foundOverlap = traineeTurn(record, 'find-overlap');
      return { billsBeforeHeaters: lookedAtBills < learnedHeaters, overlapBeforeWeather: foundOverlap < explainedWeather };
    };
    expect(order(PERFECT)).toEqual({ billsBeforeHeaters: true, overlapBeforeWeather: true });
    expect(order(USAGE_FIRST)).toEqual({ billsBeforeHeaters: false, overlapBeforeWeather: false });
  });

  it('she learns who, what, when, where and why along the perfect route, some volunteered and some only once she is calm', () => {
    const { record } = playAndScore(scenario, PERFECT);
    const revealed = record.transcript.flatMap((entry) => (entry.kind === 'customer' && entry.reveals ? [entry] : []));
    expect(new Set(revealed.map((entry) => entry.reveals))).toEqual(new Set(Object.keys(scenario.facts)));
    expect(new Set(Object.values(scenario.facts).map((fact) => fact.category))).toEqual(new Set(['who', 'what', 'when', 'where', 'why']));
    // The heaters (why) are only told while she is calm.
    expect(scenario.facts.heaters!.revealWhen?.anger?.below).toBeDefined();
    const heaters = revealed.find((entry) => entry.reveals === 'heaters')!;
    expect(heaters.mood.anger).toBeLessThan(scenario.facts.heaters!.revealWhen!.anger!.below!);
  });
});

describe('mistakes cost what they should', () => {
  const wrongOffers = ['credit-notax', 'credit-difference', 'credit-goodwill', 'credit-whole', 'credit-none'];

  it.each(wrongOffers)('offering a wrong amount (%s) loses the arithmetic points at that turn, with the arithmetic as the tip', (replyId) => {
    const offersWrong = scenario.replies.credit!.find((reply) => reply.id === replyId)!;
    const { record, scorecard } = playAndScore(scenario, [...UP_TO_OFFER, replyId]);
    const turn = traineeTurn(record, replyId);
    const arithmetic = behaviour(scorecard, 'resolution', 'arithmetic');
    expect(arithmetic.earned).toBe(0);
    const finding = arithmetic.findings.find((f) => f.turn === turn);
    expect(finding?.points).toBe(-arithmetic.points);
    expect(finding?.note).toContain(scenario.policy.resolutions[offersWrong.offers!]!.amount!.toFixed(2));
    expect(finding?.tip).toContain(correct.arithmetic);
    expect(behaviour(scorecard, 'resolution', 'correctResolution').earned).toBe(0);
  });

  it('a generous wrong credit still ends resolved, but not in the best ending, and loses the resolution marks', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_OFFER, 'credit-whole', 'close-good']);
    expect(call.view.ending?.state).toBe('resolvedWrongCredit');
    expect(call.view.ending?.detail.outcome).toBe('resolved');
    expect(call.view.ending?.detail.best).toBeFalsy();
    expect(competency(scorecard, 'resolution').score).toBeLessThan(60);
  });

  it('saying the weather explains it all gets no agreement: she stays on the line, angrier, until the overlap is credited', () => {
    const before = play(scenario, UP_TO_OFFER).view.mood.anger;
    const call = play(scenario, [...UP_TO_OFFER, 'credit-none']);
    expect(call.view.status).toBe('live');
    expect(call.view.beat).toBe('credit');
    expect(call.view.mood.anger).toBeGreaterThan(before);
    expect(customerLines(call).at(-1)).toBe('outraged');
  });

  it('the correct credit cannot be offered before the bills are looked up, whatever else the trainee does', () => {
    // Every situation reachable with every prepared reply, escalation and a look at the history or payments, but never the bills.
    const bucket = (value: number) => Math.floor(value / 10);
    const situation = (snapshot: AnyMachineSnapshot) => {
      const c = snapshot.context as CallContext;
      return JSON.stringify([snapshot.value, snapshot.status, [...c.revealed].sort(), [...c.flags].sort(), [...c.lookedUp].sort(), c.verified, ...Object.values(c.mood).map(bucket)]);
    };
    const everythingButTheBills = (snapshot: AnyMachineSnapshot): CallEvent[] => {
      if (snapshot.status !== 'active') return [];
      const view = viewOf(scenario, snapshot);
      if (view.status === 'ringing') return [{ type: 'ANSWER' }];
      return [
        ...view.replies.map((reply): CallEvent => ({ type: 'SAY', reply: preparedToTrainee(reply) })),
        { type: 'LOOKUP', section: 'history' },
        { type: 'LOOKUP', section: 'payments' },
        { type: 'ESCALATE_CALL' },
      ];
    };
    const adjacency = getAdjacencyMap(compileScenario(scenario, { now: () => 0 }), {
      events: everythingButTheBills,
      serializeState: situation,
      serializeEvent: (event: { type: string; reply?: { replyId?: string } }) => `${event.type}:${event.reply?.replyId ?? JSON.stringify(event)}`,
      input: { seed: 'explore' },
    } as never) as unknown as Record<string, { state: AnyMachineSnapshot }>;
    const snapshots = Object.values(adjacency).map(({ state }) => state);
    expect(snapshots.length).toBeGreaterThan(100);
    const correctReplies = Object.values(scenario.replies)
      .flat()
      .filter((reply) => reply.offers && scenario.policy.resolutions[reply.offers]?.correct)
      .map((reply) => reply.id);
    expect(correctReplies.length).toBeGreaterThan(0);
    for (const snapshot of snapshots) {
      const offered = viewOf(scenario, snapshot).replies.map((reply) => reply.id);
      expect(offered.filter((id) => correctReplies.includes(id))).toEqual([]);
      expect(String(snapshot.value)).not.toBe('resolved');
    }
  }, 60_000);

  it('on the investigation beat, without a look at the bills, the trainee can talk but not move on', () => {
    const call = play(scenario, ['ANSWER', 'greet-good', 'vent-empathy-verify', 'dir-lookup', 'look-hold', 'look-where']);
    expect(call.view.beat).toBe('lookup');
    const after = play(scenario, ['ANSWER', 'greet-good', 'vent-empathy-verify', 'dir-lookup', 'look-hold', 'LOOKUP bills']);
    expect(after.view.beat).toBe('findings');
  });

  it('blaming her makes her angry and costs de-escalation points at that turn', () => {
    const route = ['ANSWER', 'greet-good', 'vent-empathy-verify', 'dir-blame'];
    const before = play(scenario, route.slice(0, -1)).view.mood;
    const call = play(scenario, route);
    expect(call.view.mood.anger).toBeGreaterThanOrEqual(before.anger + 20);
    expect(call.view.mood.trust).toBeLessThan(before.trust);
    expect(customerLines(call).at(-1)).toBe('defensive');

    // Finish the call well; the blame still shows on the scorecard, at the turn it was said.
    const recovered = [...route, 'usage-sorry', 'usage-ask', 'weather-ask-when', 'weather-plain', 'look-hold', 'LOOKUP bills', 'find-overlap', 'credit-correct', 'prevent-check', 'close-good'];
    const { record, scorecard } = playAndScore(scenario, recovered);
    expect(record.ending).toBe('resolved');
    const turn = traineeTurn(record, 'dir-blame');
    const noBlame = behaviour(scorecard, 'deescalation', 'noBlame');
    expect(noBlame.earned).toBe(0);
    const finding = noBlame.findings.find((f) => f.turn === turn);
    expect(finding?.points).toBeLessThan(0);
    expect(finding?.tip).toBe(scenario.replies.direction!.find((reply) => reply.id === 'dir-blame')!.coaching);
    expect(competency(scorecard, 'deescalation').score).toBeLessThan(100);
  });

  it('while she is angry she will not talk about the heating; an apology brings it out', () => {
    const angry = play(scenario, ['ANSWER', 'greet-name', 'vent-weather', 'defuse-verify', 'dir-ask-usage']);
    expect(angry.view.mood.anger).toBeGreaterThanOrEqual(50);
    // Asked two things at once, she answers the first and says she will take them one at a time.
    expect(customerLines(angry)).toContain('oneThingAtATime');
    expect(angry.context.revealed).not.toContain('heaters');
    const calmer = play(scenario, ['ANSWER', 'greet-name', 'vent-weather', 'defuse-verify', 'dir-ask-usage', 'usage-sorry', 'usage-ask']);
    expect(calmer.context.revealed).toContain('heaters');
    expect(calmer.view.beat).toBe('weather');
  });

  it('a typed question about how she heated the room asks for the heaters, though it is a what-question', () => {
    const calmer = play(scenario, ['ANSWER', 'greet-name', 'vent-weather', 'defuse-verify', 'dir-ask-usage', 'usage-sorry']);
    expect(calmer.context.revealed).not.toContain('heaters');
    const knownBefore = [...calmer.context.revealed];
    calmer.sayTyped(englishClassifier(), 'What did you use to heat the room?');
    expect(calmer.context.revealed.filter((fact) => !knownBefore.includes(fact))).toEqual(['heaters']);
  });

  it('her words follow her mood: a curt greeting gets the angry version of the complaint', () => {
    const curt = play(scenario, ['ANSWER', 'greet-rushed']).view.transcript.find((e) => e.kind === 'customer');
    const warm = play(scenario, ['ANSWER', 'greet-good']).view.transcript.find((e) => e.kind === 'customer');
    expect(curt?.kind === 'customer' && curt.reveals).toBe('billAmount');
    expect(curt?.mood.anger).toBeGreaterThanOrEqual(60);
    expect(warm?.mood.anger).toBeLessThan(60);
    expect(curt?.kind === 'customer' && curt.text).not.toBe(warm?.kind === 'customer' && warm.text);
  });

  it('notes with an amount that matches nothing on the account lose the notes-amount points', () => {
    const { record, scorecard } = playAndScore(scenario, PERFECT);
    expect(behaviour(scorecard, 'documentation', 'notesAmounts').earned).toBe(20);
    const notes = { ...idealNotes(scenario, record), action: 'Credited $75.00 for the overlapping days (credit, overlap)' };
    const wrong = scoreCall(scenario, { ...record, notes });
    const amounts = behaviour(wrong, 'documentation', 'notesAmounts');
    expect(amounts.earned).toBe(0);
    expect(amounts.findings.some((f) => f.note.includes('75.00'))).toBe(true);
    expect(wrong.overall).toBeLessThan(100);
  });
});

describe('escalation and losing her', () => {
  it('pushed too far she demands a supervisor; transferring her ends referred with full escalation marks', () => {
    const demanding = play(scenario, ['ANSWER', 'greet-rushed', 'vent-calm']);
    expect(demanding.view.beat).toBe('demand');
    expect(demanding.context.flags).toContain('supervisorDemanded');
    const { call, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-rushed', 'vent-calm', 'demand-transfer']);
    expect(call.view.ending?.detail.outcome).toBe('referred');
    expect(behaviour(scorecard, 'resolution', 'escalationJudgement').earned).toBe(20);
    const viaButton = play(scenario, ['ANSWER', 'greet-rushed', 'vent-calm', 'ESCALATE']);
    expect(viaButton.view.ending?.detail.outcome).toBe('referred');
  });

  it('refusing the supervisor she asked for makes her hang up angry', () => {
    const call = play(scenario, ['ANSWER', 'greet-rushed', 'vent-calm', 'demand-refuse']);
    expect(call.view.ending?.state).toBe('hungUpAngry');
    expect(call.view.ending?.detail.outcome).toBe('lost');
  });

  it('stalling after she asked for a supervisor runs her patience out', () => {
    const call = play(scenario, ['ANSWER', 'greet-rushed', 'vent-calm', 'demand-stall', 'demand-stall']);
    expect(call.view.ending?.detail.outcome).toBe('lost');
  });

  it('escalating when she has not asked is declined, the call goes on, and the escalation costs its points', () => {
    const route = [...PERFECT.slice(0, 3), 'ESCALATE', ...PERFECT.slice(3)];
    const declined = play(scenario, route.slice(0, 4));
    expect(declined.view.status).toBe('live');
    expect(customerLines(declined).at(-1)).toBe('declinesTransfer');
    const { call, scorecard } = playAndScore(scenario, route);
    expect(call.view.ending?.state).toBe('resolved');
    expect(behaviour(scorecard, 'resolution', 'escalationJudgement').earned).toBe(0);
    expect(scorecard.overall).toBeLessThan(100);
  });

  it('a parting jab at the heaters loses her at the very end', () => {
    const call = play(scenario, [...PERFECT.slice(0, -1), 'close-blame']);
    expect(call.view.ending?.detail.outcome).toBe('lost');
  });
});
