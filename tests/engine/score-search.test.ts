import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idealNotes } from '../../src/engine/scenario/ideal-notes';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { reportScenario } from '../../src/engine/scenario/scenario-report';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import { recordOf, searchScore, withValidityLookups } from '../../src/engine/scenario/score-search';
import { exploreRoutes } from '../../src/engine/scenario/routes';
import { reachesFullMarks, scoreCall, scoresBelow, settlingOrder } from '../../src/engine/scoring/scorer';
import { RUBRIC } from '../../src/engine/scoring/rubric';
import { loadScenarioFile, play } from '../helpers/play';

const TINY = readFileSync('tests/fixtures/tiny-scenario.json', 'utf8');
type Json = Record<string, any>;

function variant(change: (s: Json) => void): Scenario {
  const data = JSON.parse(TINY);
  change(data);
  const result = parseScenario('variant.json', JSON.stringify(data));
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.scenario;
}

/** The score a trainee gets by playing these prepared replies, with the look-ups and notes the best score assumes. */
function bestScoreOfPlaying(scenario: Scenario, steps: string[]) {
  const record = withValidityLookups(scenario, play(scenario, steps).record());
  return scoreCall(scenario, { ...record, notes: idealNotes(scenario, record) }).overall;
}

function worstScoreOfPlaying(scenario: Scenario, steps: string[]) {
  return scoreCall(scenario, play(scenario, steps).record()).overall;
}

/**
 * The tiny caller made short: a reply that does not move the call on loses
 * the customer, so every route ends within five replies and can be listed;
 * its good replies verify and summarise, so a perfect call exists.
 */
function shortCall(change: (s: Json) => void = () => {}): Scenario {
  return variant((s) => {
    s.replies.greet[0] = { ...s.replies.greet[0], text: 'Good morning, thanks for calling. Can I take your postcode? How can I help?', acts: ['greeting', 'verifyIdentity', 'askWhat'] };
    s.replies.vent[0] = { ...s.replies.vent[0], text: "So your parcel is late; I'm sorry, that is frustrating. When did you order it?", acts: ['paraphrase', 'empathy', 'apology', 'askWhen'] };
    s.machine.states.venting.states.listening.on.HEARD.push({ target: '#tiny.lost' });
    s.machine.states.resolving.on.HEARD.push({ target: 'lost' });
    s.machine.states.closing.on.HEARD.push({ target: 'lost' });
    change(s);
  });
}

describe('the best and worst score search', { timeout: 120_000 }, () => {
  it('finds 100 for a caller a perfect call exists for, by a route of good replies, and says it is exact', () => {
    const best = searchScore(shortCall(), 'best');
    expect(best.found?.score).toBe(100);
    expect(best.exact).toBe(true);
    const replies = best.found!.record.transcript.flatMap((entry) => (entry.kind === 'trainee' ? [entry.replyId] : []));
    expect(replies).toEqual(['greet-good', 'vent-empathy', 'fix-right', 'close-good']);
  });

  it('when no reply can check the concern is resolved, the best is exactly the all-good route, and says why it is not 100', () => {
    // By construction: the close beat has no reply that checks the concern is resolved, and
    // everything else in the all-good route is perfect, so that route is the optimum.
    const scenario = shortCall((s) => (s.replies.close[0].acts = ['closing']));
    const known = bestScoreOfPlaying(scenario, ['ANSWER', 'greet-good', 'vent-empathy', 'fix-right', 'close-good']);
    expect(known).toBeLessThan(100);
    const best = searchScore(scenario, 'best');
    expect(best.found?.score).toBe(known);
    expect(best.exact).toBe(true);
    expect(best.basis).toMatch(/^exact: every route was played to its end/);
    const report = reportScenario(scenario);
    expect(report.whyNot100.map((point) => point.note).join('\n')).toMatch(/Never asked, once a resolution was offered, whether everything was covered/);
  });

  it('when every route is one reply long, the worst is exactly the lowest of them, played by hand', () => {
    // By construction: any reply to the greeting ends the call, so the routes can be listed.
    const scenario = variant((s) => {
      s.flags = ['never'];
      s.machine.states.opening.on.HEARD = [{ guard: { type: 'flagged', params: { flag: 'never' } }, target: 'venting' }, { target: 'resolved' }];
    });
    const byHand = ['greet-good', 'greet-meh', 'greet-ok'].map((reply) => worstScoreOfPlaying(scenario, ['ANSWER', reply]));
    byHand.push(worstScoreOfPlaying(scenario, ['ANSWER', 'ESCALATE']));
    const worst = searchScore(scenario, 'worst');
    expect(worst.exact).toBe(true);
    expect(worst.found?.score).toBe(Math.min(...byHand));
    const best = searchScore(scenario, 'best');
    expect(best.found?.score).toBe(Math.max(...['greet-good', 'greet-meh', 'greet-ok'].map((reply) => bestScoreOfPlaying(scenario, ['ANSWER', reply]))));
  });

  it('labels a figure it could not prove as a bound, saying how far it looked', () => {
    const scenario = loadScenarioFile('scenarios/irate-outage.json');
    const worst = searchScore(scenario, 'worst', { limits: { maxSteps: 300, maxTurns: 40 } });
    expect(worst.exact).toBe(false);
    expect(worst.basis).toMatch(/^a bound \(at most this: .*300 steps/);
  });

  const files = [
    ...readdirSync('scenarios').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).map((name) => join('scenarios', name)),
    'tests/fixtures/tiny-scenario.json',
    ...readdirSync('tests/fixtures/e2e-scenarios').filter((name) => name.endsWith('.json')).map((name) => join('tests/fixtures/e2e-scenarios', name)),
  ];

  it('tells a perfect call from the rest exactly as the scorer does, without always scoring it in full', () => {
    // Every finished call route exploration finds: the search asks this of them to find the first perfect one.
    const scenario = loadScenarioFile('scenarios/water-hardship.json');
    const calls = [...exploreRoutes(scenario).endings.values()].flatMap((ending) => ending.finals).map((snapshot) => {
      const record = withValidityLookups(scenario, recordOf(scenario, snapshot));
      return { ...record, notes: idealNotes(scenario, record) };
    });
    const perfect = calls.filter((record) => scoreCall(scenario, record).overall === 100);
    expect(perfect.length).toBeGreaterThan(0);
    expect(perfect.length).toBeLessThan(calls.length);
    expect(calls.filter((record) => reachesFullMarks(scenario, record))).toEqual(perfect);
    // The search tries first the competency that settled the last call; the answers must not change with the order.
    const order = settlingOrder();
    expect(calls.filter((record) => reachesFullMarks(scenario, record, RUBRIC, order))).toEqual(perfect);
    const rubricOrder = ['opening', 'listening', 'deescalation', 'information', 'resolution', 'closing', 'documentation'];
    expect(order.competencies.map((competency) => competency.id)).not.toEqual(rubricOrder);
    // The rubric itself keeps its order, which every scorecard lists competencies in.
    expect(RUBRIC.competencies.map((competency) => competency.id)).toEqual(rubricOrder);
  });

  it('tells a call that scores below a bar from the rest exactly as the scorer does', () => {
    // Every finished call route exploration finds, as played with empty notes: the worst-score search asks this of them.
    const scenario = loadScenarioFile('scenarios/water-hardship.json');
    const calls = [...exploreRoutes(scenario).endings.values()].flatMap((ending) => ending.finals).map((snapshot) => recordOf(scenario, snapshot));
    const overall = calls.map((record) => scoreCall(scenario, record).overall);
    for (const bar of [15, 30, 50, 70]) {
      const below = calls.filter((_, i) => overall[i]! < bar);
      expect(below.length).toBeGreaterThan(0);
      expect(below.length).toBeLessThan(calls.length);
      expect(calls.filter((record) => scoresBelow(scenario, record, bar))).toEqual(below);
      expect(calls.filter((record) => scoresBelow(scenario, record, bar, RUBRIC, settlingOrder()))).toEqual(below);
    }
  });

  /** A route as scenarios:check prints it ("LOOKUP bills → greet-good → …"): the steps a trainee plays after answering. */
  const printedSteps = (route: string) => ['ANSWER', ...(route ? route.split(' → ') : [])];

  // Issue #9: the figure a trainer tunes towards is the truth, or says it is a bound.
  it.each(files)('%s: the best and worst scenarios:check prints are what playing its printed routes scores, each exact or labelled a bound', (file) => {
    const scenario = loadScenarioFile(file);
    // No options: the checker's own limits, so the figures tested are the ones it prints.
    const { best, worst } = reportScenario(scenario);
    expect(best?.basis).toMatch(best?.exact ? /^exact: / : /^a bound \(at least this: /);
    expect(worst?.basis).toMatch(worst?.exact ? /^exact: / : /^a bound \(at most this: /);
    expect(bestScoreOfPlaying(scenario, printedSteps(best!.route))).toBe(best!.score);
    expect(worstScoreOfPlaying(scenario, printedSteps(worst!.route))).toBe(worst!.score);
    if (file.startsWith('scenarios/')) expect(best).toMatchObject({ exact: true, score: 100 });
  }, 120_000);
});

describe('what the report tells an author', { timeout: 120_000 }, () => {
  it('lists prepared replies no reachable state ever offers', () => {
    const scenario = shortCall((s) => {
      s.flags = ['never'];
      s.machine.states.closing.on.HEARD.push({ guard: { type: 'flagged', params: { flag: 'never' } }, target: 'bonus' });
      s.machine.states.bonus = { meta: { beat: 'extra' }, on: { HEARD: [{ target: 'resolved' }] } };
      s.replies.extra = [
        { id: 'extra-good', text: 'Anything else?', acts: ['checkResolved'], quality: 'good' },
        { id: 'extra-ok', text: 'Right.', acts: ['closing'], quality: 'mediocre' },
        { id: 'extra-bad', text: 'Whatever.', acts: ['dismissal'], quality: 'harmful' },
      ];
    });
    expect(reportScenario(scenario, { limits: { maxSteps: 200, maxTurns: 10 } }).unusedReplies).toEqual([
      { id: 'extra-good', at: 'replies.extra[0]' },
      { id: 'extra-ok', at: 'replies.extra[1]' },
      { id: 'extra-bad', at: 'replies.extra[2]' },
    ]);
  });

  it('says where the way to the best ending is blocked', () => {
    const data = JSON.parse(TINY);
    data.flags = ['never'];
    data.machine.states.closing.on.HEARD[0].guard = { type: 'all', params: { of: [{ type: 'said', params: { anyOf: ['closing'] } }, { type: 'flagged', params: { flag: 'never' } }] } };
    const result = parseScenario('scenarios/blocked.json', JSON.stringify(data, null, 2));
    expect(result.ok).toBe(false);
    const problem = result.problems.find((p) => p.path === 'machine')!;
    expect(problem.message).toContain('in state "closing", machine.states.closing.on.HEARD[0] → resolved needs "said closing and flag never", and no route of prepared replies gets through it (the guard never holds there, or the customer ends the call first)');
  });
});
