/**
 * The confused-new-bill caller: Mrs Hollis, 78, lost in the first bill in the
 * new layout (she thinks the "Amount due" and the "AutoPay scheduled" line are
 * two charges) and locked out of the online account, whose sign-in codes go to
 * her late husband's old mobile. These tests play the scenario the way a
 * trainee would and check what a trainer would notice: the file is clean, the
 * call has real depth, the bill adds up, plain words bring her confusion down
 * and jargon drives it up until she gives up, and each mistake costs what it
 * should.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { reportScenario, type ScenarioReport } from '../../src/engine/scenario/scenario-report';
import { containsPhrase } from '../../src/engine/text';
import { competency, loadScenarioFile, play, playAndScore, type Step } from '../helpers/play';

const FILE = 'scenarios/confused-new-bill.json';
const scenario = loadScenarioFile(FILE);

type Call = ReturnType<typeof play>;
type Scorecard = ReturnType<typeof playAndScore>['scorecard'];
type Entry = Call['view']['transcript'][number];
type CustomerEntry = Extract<Entry, { kind: 'customer' }>;

/** Bill first, then the sign-in: her own mobile goes on the account. Every behaviour in the rubric is shown. */
const PERFECT: Step[] = [
  'ANSWER',
  'greet-warm',
  'worry-paraphrase',
  'verify-full',
  'LOOKUP bills',
  'LOOKUP payments',
  'gather-when',
  'gather-paid',
  'gather-why',
  'gather-billfirst',
  'balance-plain',
  'autopay-plain-check',
  'confirm-praise',
  'portal-where',
  'portal-explain',
  'resolve-mobile',
  'close-full',
];

/** Sign-in first, and paper bills instead of the online account; the bill is walked through afterwards. */
const SIGN_IN_FIRST: Step[] = [
  'ANSWER',
  'greet-warm',
  'worry-ask',
  'verify-full',
  'LOOKUP payments',
  'gather-when',
  'gather-why',
  'gather-loginfirst',
  'portal-where',
  'portal-explain',
  'resolve-paper',
  'LOOKUP bills',
  'balance-plain',
  'autopay-plain-check',
  'confirm-praise',
  'close-check',
];

/** Jargon from the first words: a good reply in between cannot undo it, and she gives up. */
const JARGON: Step[] = ['ANSWER', 'greet-jargon', 'worry-paraphrase', 'verify-jargon', 'rescue-jargon'];

/** PERFECT up to the moment she asks whether the AutoPay line is a second payment. */
const UP_TO_AUTOPAY = PERFECT.slice(0, PERFECT.indexOf('autopay-plain-check'));
/** PERFECT up to the moment she asks about the "Balance brought forward" line. */
const UP_TO_BALANCE = PERFECT.slice(0, PERFECT.indexOf('balance-plain'));
/** PERFECT up to the moment she asks what can be done about the sign-in. */
const UP_TO_FIX = PERFECT.slice(0, PERFECT.indexOf('resolve-mobile'));

function customerEntries(call: Call): CustomerEntry[] {
  return call.view.transcript.filter((entry): entry is CustomerEntry => entry.kind === 'customer');
}

function customerLines(call: Call): string[] {
  return customerEntries(call).map((entry) => entry.line);
}

function traineeTurn(call: Call, replyId: string): number {
  const index = call.view.transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === replyId);
  if (index === -1) throw new Error(`reply ${replyId} was never said`);
  return index;
}

function behaviour(scorecard: Scorecard, competencyId: string, behaviourId: string) {
  const found = competency(scorecard, competencyId).behaviours.find((b) => b.id === behaviourId);
  if (!found) throw new Error(`no behaviour ${behaviourId}`);
  return found;
}

function reply(id: string) {
  const found = Object.values(scenario.replies).flat().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no reply ${id}`);
  return found;
}

const cents = (amount: number) => Math.round(amount * 100);

describe('confused-new-bill scenario file', () => {
  it('loads with no errors and no warnings', () => {
    const result = parseScenario(FILE, readFileSync(FILE, 'utf8'));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(['I', 'II']).toContain(scenario.level);
    expect(scenario.policy.escalation).toBe('unnecessary');
  });

  it('starts her confused, calm and middling in trust, and makes jargon cost more and plain words count for more than usual', () => {
    const { mood } = scenario.persona;
    expect(mood.confusion).toBeGreaterThanOrEqual(60);
    expect(mood.anger).toBeLessThanOrEqual(10);
    expect(mood.trust).toBeGreaterThanOrEqual(35);
    expect(mood.trust).toBeLessThanOrEqual(60);
    expect(scenario.moodEffects.jargon?.confusion).toBeGreaterThan(15);
    expect(scenario.moodEffects.explainPlainly?.confusion).toBeLessThan(-15);
    expect(scenario.moodEffects.paraphrase?.confusion).toBeLessThan(-6);
    for (const word of ['pro rata', 'DD mandate', '2FA', 'OTP', 'portal', 'billing cycle']) expect(scenario.jargon).toContain(word);
  });

  it('has the phases of a real call: opening, the worry, fact-finding, explaining in steps, checking understanding, resolution, closing, referral and giving up', () => {
    const { states } = scenario.machine;
    for (const phase of ['opening', 'worry', 'factFinding', 'explaining', 'checkingUnderstanding', 'resolution', 'closing', 'referral', 'givingUp']) {
      expect(states[phase], phase).toBeDefined();
    }
    expect(Object.keys(states.explaining!.states!)).toEqual(['balance', 'autopay', 'portal']);
    expect(Object.keys(states.checkingUnderstanding!.states!)).toEqual(['gotIt', 'muddled']);
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

    it('reaches endings with every outcome: resolved (best), referred, and lost in several ways', () => {
      const reached = report.endings.filter((ending) => ending.reached);
      expect(new Set(reached.map((ending) => ending.ending.outcome))).toEqual(new Set(['resolved', 'referred', 'lost']));
      const byState = new Map(reached.map((ending) => [ending.state, ending.ending]));
      expect(byState.get('resolved')).toMatchObject({ outcome: 'resolved', best: true });
      expect(byState.get('sentToBranch')?.outcome).toBe('referred');
      expect(byState.get('gaveUp')?.outcome).toBe('lost');
      expect(byState.get('willPayTwice')?.outcome).toBe('lost');
      expect(byState.get('autopayCancelled')?.outcome).toBe('lost');
      expect(byState.get('outOfPatience')?.outcome).toBe('lost');
      expect(reached.filter((ending) => ending.ending.best)).toHaveLength(1);
    });

    it('finds a perfect route and a poor one', () => {
      expect(report.best!.score).toBe(100);
      expect(report.worst!.score).toBeLessThan(40);
    });
  });
});

describe('the account adds up', () => {
  const march = scenario.account.bills.find((bill) => bill.id === 'mar-2026')!;
  const february = scenario.account.bills.find((bill) => bill.id === 'feb-2026')!;
  const line = (label: string) => {
    const found = march.lines?.find((l) => l.label.startsWith(label));
    if (!found) throw new Error(`no "${label}" line`);
    return cents(found.amount);
  };

  it('the new bill: previous bill − payment = balance brought forward; that + this period = amount due = the AutoPay line = the bill', () => {
    expect(line('Previous bill')).toBe(cents(february.amount));
    expect(line('Previous bill') + line('Payment received')).toBe(line('Balance brought forward'));
    expect(line('Balance brought forward')).toBe(0);
    expect(line('Balance brought forward') + line("This period's charges")).toBe(line('Amount due'));
    expect(line('AutoPay')).toBe(line('Amount due'));
    expect(line('Amount due')).toBe(cents(march.amount));
  });

  it('every earlier bill was collected exactly once by AutoPay, and nothing has been collected for March yet: there is no double charge', () => {
    const earlier = scenario.account.bills.filter((bill) => bill.id !== march.id);
    for (const bill of earlier) {
      const matching = scenario.account.payments.filter((payment) => cents(payment.amount) === cents(bill.amount) && payment.date > bill.issued);
      expect(matching, bill.id).toHaveLength(1);
      expect(matching[0]!.method).toContain('AutoPay');
    }
    expect(scenario.account.payments.filter((payment) => payment.date >= march.issued)).toEqual([]);
    const months = scenario.account.payments.map((payment) => payment.date.slice(0, 7));
    expect(new Set(months).size).toBe(months.length);
  });

  it('the right resolutions carry the amount due; each wrong one carries the amount that mistake would cost and says why', () => {
    const { resolutions } = scenario.policy;
    const correct = Object.entries(resolutions).filter(([, resolution]) => resolution.correct);
    expect(correct.map(([id]) => id).sort()).toEqual(['autopayAndNewMobile', 'autopayAndPaperBills']);
    for (const [, resolution] of correct) {
      expect(cents(resolution.amount!)).toBe(cents(march.amount));
      for (const figure of ['64.20', '0.00', '68.40', '17 March']) expect(resolution.arithmetic).toContain(figure);
    }
    expect(cents(resolutions.payTotal!.amount!)).toBe(cents(february.amount) + cents(march.amount));
    expect(cents(resolutions.payAmountDueNow!.amount!)).toBe(cents(march.amount));
    for (const [id, resolution] of Object.entries(resolutions)) {
      if (resolution.correct) continue;
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
    // She was confused enough that a plain explanation was required, and got one.
    expect(behaviour(scorecard, 'resolution', 'plainLanguage').findings[0]!.note).toBe('Spoke in plain language');
  });

  it('two genuinely different routes both end resolved at Superior: bill first with her own mobile, or sign-in first with paper bills', () => {
    for (const route of [PERFECT, SIGN_IN_FIRST]) {
      const { call, scorecard } = playAndScore(scenario, route);
      expect(call.view.ending?.detail).toMatchObject({ outcome: 'resolved', best: true });
      expect(scorecard.overall).toBeGreaterThanOrEqual(85);
      expect(scorecard.level).toBe('Superior');
    }
    const shape = (route: Step[]) => {
      const call = play(scenario, route);
      const offered = call.view.transcript.flatMap((entry) => (entry.kind === 'trainee' && entry.offers ? [entry.offers] : []));
      return { billBeforeSignIn: traineeTurn(call, 'balance-plain') < traineeTurn(call, 'portal-explain'), offered };
    };
    expect(shape(PERFECT)).toEqual({ billBeforeSignIn: true, offered: ['autopayAndNewMobile'] });
    expect(shape(SIGN_IN_FIRST)).toEqual({ billBeforeSignIn: false, offered: ['autopayAndPaperBills'] });
  });

  it('she tells who, what, when, where and why along the perfect route: some volunteered, some only once she is less muddled', () => {
    const { call, scorecard } = playAndScore(scenario, PERFECT);
    const told = customerEntries(call).filter((entry) => entry.reveals);
    expect(new Set(told.map((entry) => entry.reveals))).toEqual(new Set(Object.keys(scenario.facts)));
    expect(new Set(Object.values(scenario.facts).map((fact) => fact.category))).toEqual(new Set(['who', 'what', 'when', 'where', 'why']));
    const notes = competency(scorecard, 'information').behaviours.flatMap((b) => b.findings.map((f) => f.note));
    expect(notes).toContain(`Customer volunteered: ${scenario.facts.codeToOldMobile!.summary}`);
    expect(notes).toContain(`Learned: ${scenario.facts.letterArrived!.summary}`);
    for (const id of ['letterArrived', 'triedAtLibrary', 'fixedPension']) {
      const bound = scenario.facts[id]!.revealWhen?.confusion?.below;
      expect(bound, id).toBeDefined();
      expect(told.find((entry) => entry.reveals === id)!.mood.confusion, id).toBeLessThan(bound!);
    }
    // Validity: the two facts and the two look-ups that show there is no double charge.
    const validity = behaviour(scorecard, 'information', 'validity');
    expect(validity.earned).toBe(validity.points);
    expect(scenario.validity).toEqual({ facts: ['thinksChargedTwice', 'notPaidYet'], lookups: ['bills', 'payments'] });
  });

  it('while she is still very muddled she will not say when the bill came', () => {
    const call = play(scenario, ['ANSWER', 'greet-jargon', 'worry-ask', 'verify-basic', 'gather-when']);
    expect(call.view.mood.confusion).toBeGreaterThanOrEqual(scenario.facts.letterArrived!.revealWhen!.confusion!.below!);
    expect(customerLines(call).at(-1)).toBe('refuseToAnswer');
    expect(call.context.revealed).not.toContain('letterArrived');
  });

  it('plain explanations bring her confusion down step by step, and patience is spent but not exhausted', () => {
    const call = play(scenario, PERFECT);
    const moodAfter = (replyId: string) => call.view.transcript[traineeTurn(call, replyId)]!.mood;
    const before = (replyId: string) => call.view.transcript[traineeTurn(call, replyId) - 1]!.mood;
    for (const id of ['worry-paraphrase', 'balance-plain', 'autopay-plain-check', 'portal-explain']) {
      expect(moodAfter(id).confusion, id).toBeLessThan(before(id).confusion);
    }
    expect(call.view.mood.confusion).toBeLessThan(scenario.persona.mood.confusion - 30);
    expect(call.view.mood.patience).toBeLessThan(scenario.persona.mood.patience);
    expect(call.view.mood.patience).toBeGreaterThan(20);
  });
});

describe('jargon and giving up', () => {
  it('a jargon-heavy route raises her confusion until she gives up, and the plain-language findings point at the jargon turns', () => {
    const { call, scorecard } = playAndScore(scenario, JARGON);
    expect(call.view.ending?.state).toBe('gaveUp');
    expect(call.view.ending?.detail.outcome).toBe('lost');
    expect(customerLines(call)).toContain('givingUpLine');
    expect(call.view.mood.confusion).toBeGreaterThan(scenario.persona.mood.confusion);
    expect(call.view.mood.confusion).toBeGreaterThanOrEqual(90);

    const jargonTurns = call.view.transcript.flatMap((entry, index) => (entry.kind === 'trainee' && entry.acts.includes('jargon') ? [index] : []));
    expect(jargonTurns).toHaveLength(3);
    for (const turn of jargonTurns) {
      const before = call.view.transcript[turn - 1]!.mood.confusion;
      expect(call.view.transcript[turn]!.mood.confusion, `turn ${turn}`).toBeGreaterThan(before);
    }
    const plain = behaviour(scorecard, 'resolution', 'plainLanguage');
    expect(plain.earned).toBe(0);
    const flagged = plain.findings.filter((f) => f.note.startsWith('Jargon'));
    expect(flagged.map((f) => f.turn)).toEqual(jargonTurns);
    for (const finding of flagged) {
      const said = call.view.transcript[finding.turn!];
      expect(finding.points).toBeLessThan(0);
      expect(said?.kind).toBe('trainee');
      if (said?.kind === 'trainee') expect(finding.tip).toBe(reply(said.replyId!).coaching);
    }
    // She was confused and nothing was explained plainly: that costs as well.
    expect(plain.findings.some((f) => f.note.includes('nothing was explained plainly'))).toBe(true);
    expect(scorecard.level).not.toBe('Superior');
    expect(scorecard.overall).toBeLessThan(75);
  });

  it('one plain, kind sentence brings her back from the brink, and the call can still end resolved', () => {
    const route = ['ANSWER', 'greet-jargon', 'worry-jargon', 'rescue-plain'];
    const wobbling = play(scenario, route.slice(0, -1));
    expect(wobbling.view.phase).toBe('givingUp');
    const rescued = play(scenario, route);
    expect(rescued.view.status).toBe('live');
    expect(customerLines(rescued).at(-1)).toBe('rescuedLine');
    expect(rescued.view.mood.confusion).toBeLessThan(wobbling.view.mood.confusion - 20);
    expect(rescued.view.beat).toBe('verify');
    const { call, scorecard } = playAndScore(scenario, [...route, ...PERFECT.slice(PERFECT.indexOf('verify-full'))]);
    expect(call.view.ending?.state).toBe('resolved');
    expect(scorecard.overall).toBeLessThan(100);
  });

  it('offering the branch instead ends referred, and the unneeded referral costs the escalation marks', () => {
    const { call, scorecard } = playAndScore(scenario, ['ANSWER', 'greet-jargon', 'worry-jargon', 'rescue-branch', 'refer-book']);
    expect(customerLines(call)).toContain('branchInterest');
    expect(call.view.ending?.state).toBe('sentToBranch');
    expect(call.view.ending?.detail.outcome).toBe('referred');
    expect(behaviour(scorecard, 'resolution', 'escalationJudgement').earned).toBe(0);
  });

  it('long rambling explanations wear her out: she ends the call herself, politely', () => {
    const route = ['ANSWER', 'greet-jargon', 'worry-paraphrase', 'verify-full', 'gather-skip', 'balance-ramble', 'rescue-plain', 'balance-ramble', 'rescue-website'];
    const call = play(scenario, route);
    const ramble = traineeTurn(call, 'balance-ramble');
    expect(call.view.transcript[ramble - 1]!.mood.patience - call.view.transcript[ramble]!.mood.patience).toBeGreaterThanOrEqual(15);
    // By the second time she gives up, she is tired, and says so.
    const tired = customerEntries(call).filter((entry) => entry.line === 'givingUpLine').at(-1)!;
    const tiredVariant = scenario.lines.givingUpLine!.find((variant) => variant.when?.patience?.below)!;
    expect(tired.mood.patience).toBeLessThan(tiredVariant.when!.patience!.below!);
    expect(tired.text).toBe(tiredVariant.text);
    expect(call.view.ending?.state).toBe('outOfPatience');
    expect(call.view.ending?.detail.outcome).toBe('lost');
    expect(customerEntries(call).at(-1)!.text).toBe(scenario.lines.outOfPatience![0]!.text);
  });
});

describe('checking understanding', () => {
  it('what she says back depends on how it was explained: right after plain words, muddled after jargon or no explanation', () => {
    const plain = play(scenario, [...UP_TO_AUTOPAY, 'autopay-plain-check']);
    const jargon = play(scenario, [...UP_TO_AUTOPAY, 'autopay-jargon']);
    const unexplained = play(scenario, [...UP_TO_BALANCE, 'balance-sympathy', 'autopay-plain']);
    expect(customerLines(plain).at(-1)).toBe('sayBackRight');
    expect(customerLines(jargon).at(-1)).toBe('sayBackJargon');
    expect(customerLines(unexplained).at(-1)).toBe('sayBackMuddled');
    expect(plain.view.beat).toBe('confirm');
    expect(jargon.view.beat).toBe('correct');
    expect(unexplained.view.beat).toBe('correct');
    const texts = [plain, jargon, unexplained].map((call) => customerEntries(call).at(-1)!.text);
    expect(new Set(texts).size).toBe(3);
    expect(texts[0]).toContain('only the once');
    expect(texts[1]).toMatch(/post office|DD/);
  });

  it('a gentle plain correction gets a right say-back; letting the wrong one stand ends with her paying twice', () => {
    const corrected = play(scenario, [...UP_TO_BALANCE, 'balance-sympathy', 'autopay-plain', 'correct-gently']);
    expect(customerLines(corrected).slice(-2)).toEqual(['tryAgain', 'sayBackRight']);
    expect(corrected.view.beat).toBe('confirm');

    const letStand = [...UP_TO_BALANCE, 'balance-sympathy', 'autopay-plain', 'correct-moveon', 'portal-where', 'portal-explain', 'resolve-mobile', 'close-full'];
    const { call, scorecard } = playAndScore(scenario, letStand);
    expect(call.view.ending?.state).toBe('willPayTwice');
    expect(call.view.ending?.detail.outcome).toBe('lost');
    expect(call.view.ending?.detail.best).toBeFalsy();
    const dismissal = behaviour(scorecard, 'deescalation', 'noDismissal');
    expect(dismissal.earned).toBe(0);
    expect(dismissal.findings[0]!.turn).toBe(traineeTurn(call, 'correct-moveon'));
  });
});

describe('mistakes cost what they should', () => {
  it('telling her to pay the "total" double-pays: she will pay, the resolution is wrong and the amount is flagged with the arithmetic', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_AUTOPAY, 'autopay-paytotal']);
    expect(call.view.ending?.state).toBe('willPayTwice');
    expect(call.view.ending?.detail.outcome).toBe('lost');
    const turn = traineeTurn(call, 'autopay-paytotal');
    const correctResolution = behaviour(scorecard, 'resolution', 'correctResolution');
    expect(correctResolution.earned).toBe(0);
    expect(correctResolution.findings[0]!.tip).toContain(scenario.policy.resolutions.payTotal!.why);
    const arithmetic = behaviour(scorecard, 'resolution', 'arithmetic');
    expect(arithmetic.earned).toBe(0);
    expect(arithmetic.findings[0]).toMatchObject({ turn });
    expect(arithmetic.findings[0]!.note).toContain('132.60');
    expect(arithmetic.findings[0]!.note).toContain('68.40');
    expect(arithmetic.findings[0]!.tip).toContain(scenario.policy.resolutions.autopayAndNewMobile!.arithmetic);
  });

  it('paying the amount due by card on top of the AutoPay also ends with her paying twice', () => {
    const call = play(scenario, [...UP_TO_BALANCE, 'balance-sympathy', 'autopay-plain', 'correct-paynow']);
    expect(call.view.ending?.state).toBe('willPayTwice');
  });

  it('cancelling a working AutoPay ends the call on wrong advice', () => {
    const { call, scorecard } = playAndScore(scenario, [...UP_TO_AUTOPAY, 'autopay-cancel']);
    expect(call.view.ending?.state).toBe('autopayCancelled');
    expect(call.view.ending?.detail.outcome).toBe('lost');
    expect(behaviour(scorecard, 'resolution', 'correctResolution').findings[0]!.tip).toContain(scenario.policy.resolutions.cancelAutopay!.why);
  });

  it('resending the code does not fix the sign-in: she points out it goes to the old number, and the call waits for a real fix', () => {
    const resent = play(scenario, [...UP_TO_FIX, 'resolve-resend']);
    expect(resent.view.status).toBe('live');
    expect(resent.view.beat).toBe('resolve');
    expect(customerLines(resent).at(-1)).toBe('oldPhoneAgain');
    const fixed = play(scenario, [...UP_TO_FIX, 'resolve-resend', 'resolve-mobile', 'close-full']);
    expect(fixed.view.ending?.state).toBe('resolved');
  });

  it('reading the account before verifying her makes her wary and loses the verification marks at that turn', () => {
    const route = ['ANSWER', 'greet-warm', 'worry-jumpahead', ...PERFECT.slice(PERFECT.indexOf('verify-full'))];
    expect(customerLines(play(scenario, route.slice(0, 3))).at(-1)).toBe('wary');
    const { call, scorecard } = playAndScore(scenario, route);
    expect(call.view.ending?.state).toBe('resolved');
    const verify = behaviour(scorecard, 'opening', 'verifyBeforeDisclosing');
    expect(verify.earned).toBe(0);
    expect(verify.findings[0]!.turn).toBe(traineeTurn(call, 'worry-jumpahead'));
  });

  it('telling her she misread it hurts and flusters her, and costs the no-blame marks at that turn', () => {
    const route = ['ANSWER', 'greet-warm', 'worry-misread'];
    const before = play(scenario, route.slice(0, -1)).view.mood;
    const call = play(scenario, route);
    expect(call.view.mood.trust).toBeLessThan(before.trust);
    expect(call.view.mood.confusion).toBeGreaterThan(before.confusion);
    expect(customerLines(call).at(-1)).toBe('hurt');
    const { scorecard } = playAndScore(scenario, [...route, ...PERFECT.slice(PERFECT.indexOf('verify-full'))]);
    const noBlame = behaviour(scorecard, 'deescalation', 'noBlame');
    expect(noBlame.earned).toBe(0);
    expect(noBlame.findings[0]!.turn).toBe(traineeTurn(call, 'worry-misread'));
    expect(noBlame.findings[0]!.tip).toBe(reply('worry-misread').coaching);
  });
});

describe('escalation, silence and her moods', () => {
  it('pressing escalate is unnecessary: she asks to stay, the call goes on, and the escalation loses its points', () => {
    const at = PERFECT.indexOf('gather-billfirst');
    const route = [...PERFECT.slice(0, at), 'ESCALATE', ...PERFECT.slice(at)];
    const declined = play(scenario, route.slice(0, at + 1));
    expect(declined.view.status).toBe('live');
    expect(declined.view.beat).toBe('gather');
    expect(customerLines(declined).at(-1)).toBe('declinesTransfer');
    const { call, scorecard } = playAndScore(scenario, route);
    expect(call.view.ending?.state).toBe('resolved');
    const judgement = behaviour(scorecard, 'resolution', 'escalationJudgement');
    expect(judgement.earned).toBe(0);
    const escalatedAt = call.view.transcript.findIndex((entry) => entry.kind === 'event' && entry.event === 'escalate');
    expect(judgement.findings[0]).toMatchObject({ turn: escalatedAt });
    expect(judgement.findings[0]!.points).toBeLessThan(0);
    expect(scorecard.overall).toBeLessThan(100);
  });

  it('if the trainee says nothing, she asks whether anyone is there once timing.silenceMs has passed after her hello, and loses patience', () => {
    const silenceMs = scenario.timing.silenceMs + play(scenario, ['ANSWER'], { pause: 0 }).context.speakingUntil;
    const early = play(scenario, ['ANSWER', `WAIT ${silenceMs - 1000}`], { pause: 0 });
    expect(early.view.transcript.some((entry) => entry.kind === 'event' && entry.event === 'silence')).toBe(false);
    const quiet = play(scenario, ['ANSWER', `WAIT ${silenceMs}`], { pause: 0 });
    expect(quiet.view.transcript.some((entry) => entry.kind === 'event' && entry.event === 'silence')).toBe(true);
    expect(customerLines(quiet).at(-1)).toBe('silence');
    expect(scenario.lines.silence!.map((variant) => variant.text)).toContain(customerEntries(quiet).at(-1)!.text);
    expect(quiet.view.mood.patience).toBeLessThan(scenario.persona.mood.patience);
    expect(quiet.view.status).toBe('live');
  });

  it('her words follow her mood: after jargon she describes the bill in a muddle, after a warm greeting more clearly', () => {
    const muddled = customerEntries(play(scenario, ['ANSWER', 'greet-jargon'])).find((entry) => entry.line === 'worryDetails')!;
    const clearer = customerEntries(play(scenario, ['ANSWER', 'greet-warm'])).find((entry) => entry.line === 'worryDetails')!;
    const variants = scenario.lines.worryDetails!;
    const confusedVariant = variants.find((variant) => variant.when?.confusion?.atLeast)!;
    expect(muddled.mood.confusion).toBeGreaterThanOrEqual(confusedVariant.when!.confusion!.atLeast!);
    expect(muddled.text).toBe(confusedVariant.text);
    expect(clearer.mood.confusion).toBeLessThan(confusedVariant.when!.confusion!.atLeast!);
    expect(clearer.text).not.toBe(muddled.text);
  });
});

describe('the prepared replies', () => {
  const beats = Object.entries(scenario.replies);

  it('every beat offers at least four replies, with a good one, a mediocre or harmful one, and a harmful one', () => {
    for (const [beat, replies] of beats) {
      expect(replies.length, beat).toBeGreaterThanOrEqual(4);
      expect(replies.some((r) => r.quality === 'good'), beat).toBe(true);
      expect(replies.some((r) => r.quality === 'harmful'), beat).toBe(true);
    }
    const kinds = new Set(beats.flatMap(([, replies]) => replies.flatMap((r) => r.acts)));
    for (const act of ['jargon', 'negativeWording', 'dismissal', 'overTalking', 'blame'] as const) expect(kinds.has(act), act).toBe(true);
  });

  it('every harmful reply says what to say instead', () => {
    for (const [beat, replies] of beats) {
      for (const r of replies.filter((candidate) => candidate.quality === 'harmful')) expect(r.coaching, `${beat}/${r.id}`).toBeTruthy();
    }
  });

  it("any reply using a word on this customer's jargon list is labelled jargon, and no good reply uses one", () => {
    for (const [, replies] of beats) {
      for (const r of replies) {
        const used = scenario.jargon.filter((word) => containsPhrase(r.text, word));
        if (used.length) expect(r.acts, `${r.id} uses ${used.join(', ')}`).toContain('jargon');
        if (r.quality === 'good') expect(used, r.id).toEqual([]);
      }
    }
  });

  it('the rubric phrases for negative wording appear only in replies labelled negative, and "as I said" is among them', () => {
    const negative = ["can't", 'as i said', 'you need to'];
    for (const [, replies] of beats) {
      for (const r of replies) {
        if (negative.some((phrase) => containsPhrase(r.text, phrase))) expect(r.acts, r.id).toContain('negativeWording');
      }
    }
    expect(beats.some(([, replies]) => replies.some((r) => containsPhrase(r.text, 'as i said')))).toBe(true);
  });

  it('the good routes leave room for her: the trainee speaks well under 60% of the words', () => {
    for (const route of [PERFECT, SIGN_IN_FIRST]) {
      const words = (kind: 'trainee' | 'customer') =>
        play(scenario, route).view.transcript.reduce((sum, entry) => sum + (entry.kind === kind ? entry.text.split(/\s+/).length : 0), 0);
      const share = words('trainee') / (words('trainee') + words('customer'));
      expect(share).toBeLessThan(0.5);
    }
  });
});
