/**
 * What every scenario of the library must show, checked the same way for each:
 * the file is clean, the call has depth (12+ states, endings of every outcome
 * reached), two different good routes reach the best ending as Superior (one
 * of them perfect), a bad route loses the customer, every beat offers good,
 * mediocre and harmful replies with coaching, and a trainee's own typed words
 * (tests/fixtures/typed/<id>.json) win the call, or lose it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createShippedClassifier } from '../../src/cli/acts/shipped-classifier';
import type { Classifier } from '../../src/engine/classifier/classify';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { reportScenario, type ScenarioReport } from '../../src/engine/scenario/scenario-report';
import type { Scenario } from '../../src/engine/scenario/scenario-schema';
import { scoreCall } from '../../src/engine/scoring/scorer';
import { sectionNamed } from '../../src/cli/typed-calls/paced-typed-call';
import { readTypedCall, type TypedCallScript } from '../../src/cli/typed-calls/typed-call-file';
import { lineCounts } from './typed-call';
import { loadScenarioFile, play, playAndScore, type Step } from './play';

/** A library scenario's typed calls: a win, a careless loss, and the notes the trainee writes. */
export type TypedScript = TypedCallScript & Required<Pick<TypedCallScript, 'lost' | 'notes'>>;

export function typedScript(id: string): TypedScript {
  const script = readTypedCall(id);
  if (!script.lost || !script.notes) throw new Error(`tests/fixtures/typed/${id}.json: a library scenario's typed calls need "lost" and "notes"`);
  return { ...script, lost: script.lost, notes: script.notes };
}

let shared: Classifier | undefined;
export function englishClassifier(): Classifier {
  shared ??= createShippedClassifier();
  return shared;
}

/** Plays typed words (and "LOOKUP <Section>" steps) after answering, the way the browser test types them. */
export function playTyped(scenario: Scenario, steps: string[], classifier = englishClassifier()) {
  const call = play(scenario, ['ANSWER']);
  /** Where the call was just before, and just after, the first turn heard as a right offer. */
  let firstRightOffer: { before: string; after: string } | null = null;
  for (const step of steps) {
    if (call.view.status !== 'live') throw new Error(`"${step}": the call already ended in ${call.view.phase}`);
    if (step.startsWith('LOOKUP ')) {
      call.send({ type: 'LOOKUP', section: sectionNamed(scenario, step.slice(7)) });
      continue;
    }
    const before = `${call.view.phase}/${call.view.beat}`;
    call.sayTyped(classifier, step);
    const said = call.view.transcript.findLast((entry) => entry.kind === 'trainee');
    const right = said?.kind === 'trainee' && said.offers && scenario.policy.resolutions[said.offers]?.correct;
    if (right && !firstRightOffer) firstRightOffer = { before, after: `${call.view.phase}/${call.view.beat}` };
  }
  return Object.assign(call, { firstRightOffer });
}

export function customerLines(call: ReturnType<typeof play>): string[] {
  return call.view.transcript.flatMap((entry) => (entry.kind === 'customer' ? [entry.line] : []));
}

export interface LibraryRoutes {
  file: string;
  level: Scenario['level'];
  /** Prepared replies to the best ending with every behaviour shown: 100. */
  perfect: Step[];
  /** A different good route to the best ending: Superior. */
  otherGood: Step[];
  /** Prepared replies that lose the customer. */
  lost: Step[];
  /**
   * Set while the classifier mishears plain, correct typed words of this
   * call (listed under "misheard" in the typed fixture): the typed win is
   * then expected to fail, and starts passing once the words are heard right.
   */
  typedMisheard?: boolean;
}

export function describeLibraryScenario(routes: LibraryRoutes) {
  const scenario = loadScenarioFile(routes.file);
  const best = Object.entries(scenario.machine.states).find(([, state]) => state.meta?.ending?.best)![0];

  describe(`${scenario.id}: what every library scenario shows`, () => {
    it('loads with no errors and no warnings, at its level, naming the checklist rows it covers', () => {
      const result = parseScenario(routes.file, readFileSync(routes.file, 'utf8'));
      expect(result.problems).toEqual([]);
      expect(scenario.level).toBe(routes.level);
      expect(scenario.setting).toBeTruthy();
      expect(scenario.checklist.length).toBeGreaterThanOrEqual(3);
    });

    describe('route exploration', () => {
      let report: ScenarioReport;
      beforeAll(() => {
        report = reportScenario(scenario);
      }, 120_000);

      it('has at least 12 states, and reaches endings of every outcome by prepared replies', () => {
        expect(report.states).toBeGreaterThanOrEqual(12);
        const own = report.endings.filter((ending) => ending.state in scenario.machine.states);
        expect(own.length).toBeGreaterThanOrEqual(3);
        expect(own.filter((ending) => !ending.reached).map((ending) => ending.state)).toEqual([]);
        expect(new Set(own.map((ending) => ending.ending.outcome))).toEqual(new Set(['resolved', 'referred', 'lost']));
      });

      // A beat only typed words can reach leaves a trainee on prepared replies without its lesson.
      it('offers every prepared reply somewhere a route of prepared replies reaches', () => {
        expect(report.unusedReplies).toEqual([]);
      });
    });

    it('gives every beat a good, a mediocre or harmful, and a harmful reply, with coaching on every reply that is not good', () => {
      for (const [beat, replies] of Object.entries(scenario.replies)) {
        expect(replies.length, beat).toBeGreaterThanOrEqual(3);
        expect(replies.some((reply) => reply.quality === 'good'), beat).toBe(true);
        expect(replies.some((reply) => reply.quality === 'harmful'), beat).toBe(true);
        expect(replies.filter((reply) => reply.quality !== 'good' && !reply.coaching).map((reply) => reply.id), beat).toEqual([]);
      }
    });

    it('a perfect call along prepared replies reaches the best ending with 100', () => {
      const { call, scorecard } = playAndScore(scenario, routes.perfect);
      expect(call.view.ending?.state).toBe(best);
      expect(scorecard.overall).toBe(100);
      const revealed = new Set(call.context.revealed);
      expect(Object.keys(scenario.facts).filter((fact) => !revealed.has(fact))).toEqual([]);
    });

    it('a different good route reaches the best ending too, as Superior', () => {
      const { call, scorecard } = playAndScore(scenario, routes.otherGood);
      expect(call.view.ending?.state).toBe(best);
      expect(scorecard.level).toBe('Superior');
      const said = (steps: Step[]) => new Set(steps.filter((step) => !/^[A-Z]/.test(step)));
      const a = said(routes.perfect);
      const b = said(routes.otherGood);
      expect([...a].filter((id) => b.has(id)).length).toBeLessThan(a.size / 2 + 1);
    });

    it('a bad route of prepared replies loses the customer', () => {
      const { call, scorecard } = playAndScore(scenario, routes.lost);
      expect(call.view.ending?.detail.outcome).toBe('lost');
      expect(scorecard.overall).toBeLessThan(60);
    });

    describe('typed in the trainee\'s own words', () => {
      const script = typedScript(scenario.id);
      (routes.typedMisheard ? it.fails : it)('a plain, competent typed call reaches the best ending as Superior, with the trainee\'s own notes', () => {
        const call = playTyped(scenario, script.steps);
        expect(call.view.ending?.state).toBe(best);
        // The customer follows what was said: no line more than twice, and the call moves on at the first right offer.
        expect(Math.max(...lineCounts(call).values())).toBeLessThanOrEqual(2);
        expect(call.firstRightOffer).not.toBeNull();
        expect(call.firstRightOffer!.after).not.toBe(call.firstRightOffer!.before);
        const record = call.record(script.notes);
        expect(record.transcript.filter((entry) => entry.kind === 'trainee').every((entry) => entry.kind === 'trainee' && !entry.replyId)).toBe(true);
        const scorecard = scoreCall(scenario, record);
        expect(scorecard.level).toBe('Superior');
        // The notes a trainee wrote by hand are credited for every fact and the amount.
        const documentation = scorecard.competencies.find((competency) => competency.id === 'documentation')!;
        expect(documentation.score).toBe(100);
      }, 60_000);

      it('a careless typed call loses the customer', () => {
        const call = playTyped(scenario, script.lost);
        expect(call.view.ending?.detail.outcome).toBe('lost');
        expect(scoreCall(scenario, call.record(script.notes)).overall).toBeLessThan(60);
      }, 60_000);
    });
  });
  return scenario;
}
