/**
 * Grades a whole call against the rubric. Every point won or lost is a
 * finding tied to the transcript entry (or call-notes field) that caused it,
 * and every competency carries the seed clauses it rests on.
 */
import { conductChecks } from './checks-conduct';
import { outcomeChecks } from './checks-outcome';
import { endingOf } from '../call/compile';
import { levelFor, RUBRIC, type CompetencyDefinition, type EndingCap, type Level, type Rubric } from './rubric';
import type { Ending, Scenario } from '../scenario/scenario-schema';
import type { Competency } from '../vocabulary';
import { buildScoringInput, type BehaviourCheck, type Finding, type ScoringInput } from './scoring-input';
import type { CallRecord } from '../call/transcript';

export const BEHAVIOUR_CHECKS: Record<string, BehaviourCheck> = { ...conductChecks, ...outcomeChecks };

export interface BehaviourScore {
  id: string;
  title: string;
  clauses: string[];
  points: number;
  earned: number;
  applicable: boolean;
  findings: Finding[];
}

export interface CompetencyScore {
  id: Competency;
  title: string;
  clauses: string[];
  weight: number;
  /** Null when nothing in this call could show the competency. */
  score: number | null;
  level: Level | null;
  behaviours: BehaviourScore[];
}

export interface Scorecard {
  scenarioId: string;
  scenarioVersion: number;
  ending: Ending | null;
  overall: number;
  level: Level;
  /** Set when the ending held the overall score down, with the reason. */
  cap: EndingCap | null;
  competencies: CompetencyScore[];
}

export function scoreCall(scenario: Scenario, record: CallRecord, rubric: Rubric = RUBRIC): Scorecard {
  const input = buildScoringInput(scenario, record);
  const lost = callLost(scenario, record);
  const competencies = rubric.competencies.map((competency) => scoreCompetency(input, competency, lost, rubric));
  const ending = record.ending ? (endingOf(scenario, record.ending) ?? null) : null;
  return {
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    ending,
    ...overallScore(competencies, ending, rubric),
    competencies,
  };
}

/**
 * Whether scoreCall would give this call an overall 100, without scoring
 * every competency when those scored so far already rule it out: the score
 * search asks this of thousands of calls to find the first perfect one.
 * Exact, not a guess: the overall is the rounded weighted mean of the
 * assessed competencies, so with the rest at most 100 each (or not assessed,
 * which only leaves the mean to those scored), a mean that cannot reach 99.5
 * cannot round to 100.
 */
export function reachesFullMarks(scenario: Scenario, record: CallRecord, rubric: Rubric = RUBRIC, order?: SettlingOrder): boolean {
  return overallPasses(scenario, record, rubric, (least, most) => (most < 99.5 - ROUNDING_MARGIN ? false : undefined), (overall) => overall === 100, order);
}

/**
 * Whether scoreCall would give this call an overall below `bar`, stopping as
 * soon as the competencies scored so far rule it out: the worst-score search
 * asks this of thousands of calls. Exact for the same reason: with the rest
 * at least 0 each (or not assessed), the mean cannot fall below what those
 * scored bring, and an ending's cap only matters if it is below the bar.
 */
export function scoresBelow(scenario: Scenario, record: CallRecord, bar: number, rubric: Rubric = RUBRIC, order?: SettlingOrder): boolean {
  const ending = record.ending ? (endingOf(scenario, record.ending) ?? null) : null;
  const cap = ending ? rubric.endingCaps[ending.outcome]?.maxScore : undefined;
  const capHolds = cap !== undefined && cap < bar;
  return overallPasses(scenario, record, rubric, (least) => (!capHolds && least >= bar - 0.5 + ROUNDING_MARGIN ? false : undefined), (overall) => overall < bar, order);
}

/**
 * The order reachesFullMarks and scoresBelow try the competencies in, for a
 * run of calls asked the same question: the competency that settled one call
 * is tried first for the next, since calls of one search tend to fail the
 * same way, and then one competency is scored rather than several. The
 * answers are the same in any order; only the work differs.
 */
export interface SettlingOrder {
  competencies: CompetencyDefinition[];
}

export function settlingOrder(rubric: Rubric = RUBRIC): SettlingOrder {
  return { competencies: [...rubric.competencies] };
}

/** Slack for rounding in the sums, always on the side of scoring the call in full. */
const ROUNDING_MARGIN = 1e-9;

/**
 * Scores the competencies one at a time; after each, `settled` is told the
 * least and the most the weighted mean can still be (the rest at 0 or 100,
 * or not assessed) and may answer at once; otherwise `test` reads the overall.
 */
function overallPasses(
  scenario: Scenario,
  record: CallRecord,
  rubric: Rubric,
  settled: (least: number, most: number) => boolean | undefined,
  test: (overall: number) => boolean,
  order?: SettlingOrder,
): boolean {
  const ending = record.ending ? (endingOf(scenario, record.ending) ?? null) : null;
  const input = buildScoringInput(scenario, record);
  const lost = callLost(scenario, record);
  // Competencies of weight 0 do not count towards the overall. Plain loops: the score search asks this of thousands of calls.
  const competencies = order?.competencies ?? rubric.competencies;
  let open = 0;
  for (const competency of competencies) open += scenario.weights[competency.id] ?? 1;
  let weight = 0;
  let points = 0;
  const scored: Pick<CompetencyScore, 'id' | 'score' | 'weight'>[] = [];
  for (const competency of competencies) {
    const weightOf = scenario.weights[competency.id] ?? 1;
    if (weightOf <= 0) continue;
    const score = { id: competency.id, score: scoreOnly(input, competency, lost), weight: weightOf };
    scored.push(score);
    open -= score.weight;
    if (score.score === null) continue;
    weight += score.weight;
    points += score.score * score.weight;
    const answer = settled(points / (weight + open), (points + 100 * open) / (weight + open));
    if (answer === undefined) continue;
    // Only a search's own order moves; the rubric's is never touched.
    const at = order ? order.competencies.indexOf(competency) : -1;
    if (at > 0) order!.competencies.unshift(...order!.competencies.splice(at, 1));
    return answer;
  }
  // Summed in the rubric's order, as scoreCall sums them, so the rounding is the same to the last bit.
  const inRubricOrder = rubric.competencies.flatMap((competency) => scored.filter((score) => score.id === competency.id));
  return test(overallScore(inRubricOrder, ending, rubric).overall);
}

function callLost(scenario: Scenario, record: CallRecord): boolean {
  return record.ending !== null && endingOf(scenario, record.ending)?.outcome === 'lost';
}

function scoreCompetency(input: ScoringInput, competency: CompetencyDefinition, lost: boolean, rubric: Rubric): CompetencyScore {
  const behaviours = competency.behaviours.map((behaviour): BehaviourScore => {
    const { applicable, earned, findings } = assessed(input, behaviour, lost);
    // Object.assign rather than spread: the same object, but spread of these objects is many times slower in V8, and the score search scores thousands of calls.
    return Object.assign({}, behaviour, { applicable, earned, findings: findings.map(roundFinding) });
  });
  return {
    id: competency.id,
    title: competency.title,
    clauses: competency.clauses,
    weight: input.scenario.weights[competency.id] ?? 1,
    ...competencyScore(behaviours, rubric),
    behaviours,
  };
}

/** One behaviour of a call checked: whether it was assessed, and the points earned (rounded as the scorecard shows them). */
function assessed(input: ScoringInput, behaviour: CompetencyDefinition['behaviours'][number], lost: boolean) {
  const check = BEHAVIOUR_CHECKS[behaviour.id];
  if (!check) throw new Error(`The rubric names behaviour "${behaviour.id}", which the scorer has no check for`);
  const result = check(input, behaviour);
  // A lost call never tested what it only shows by absence ("blamed no one" in a three-turn call): not assessed.
  const applicable = result.applicable && !(lost && wonByAbsence(result.findings));
  return { applicable, earned: applicable ? round1(result.earned) : 0, findings: result.findings };
}

/**
 * The competency's score as scoreCompetency gives it, without the
 * scorecard's copies of every behaviour and finding: the score search asks
 * thousands of calls for their scores and reads nothing else. Summed as
 * competencyScore sums, so it is the same to the last bit.
 */
function scoreOnly(input: ScoringInput, competency: CompetencyDefinition, lost: boolean): number | null {
  let possible = 0;
  let earned = 0;
  for (const behaviour of competency.behaviours) {
    const result = assessed(input, behaviour, lost);
    if (!result.applicable) continue;
    possible += behaviour.points;
    earned += result.earned;
  }
  return percentEarned(earned, possible);
}

/**
 * A competency's score from its behaviours: the share of the applicable
 * points earned. Exported so a supervisor's override of a behaviour is
 * recomputed exactly as the scorer computes it.
 */
export function competencyScore(behaviours: readonly BehaviourScore[], rubric: Rubric = RUBRIC): { score: number | null; level: Level | null } {
  let possible = 0;
  let earned = 0;
  for (const behaviour of behaviours) {
    if (!behaviour.applicable) continue;
    possible += behaviour.points;
    earned += behaviour.earned;
  }
  const score = percentEarned(earned, possible);
  return { score, level: score === null ? null : levelFor(score, rubric) };
}

/** The share of the applicable points earned, as a whole percentage; none when no behaviour applied. */
function percentEarned(earned: number, possible: number): number | null {
  return possible ? Math.round((100 * earned) / possible) : null;
}

/** The overall score: the weighted mean of the assessed competencies, held down by the ending's cap. */
export function overallScore(competencies: readonly Pick<CompetencyScore, 'score' | 'weight'>[], ending: Ending | null, rubric: Rubric = RUBRIC): { overall: number; level: Level; cap: EndingCap | null } {
  const weighed = competencies.filter((competency) => competency.score !== null && competency.weight > 0);
  const totalWeight = weighed.reduce((sum, competency) => sum + competency.weight, 0);
  const weighted = totalWeight ? Math.round(weighed.reduce((sum, competency) => sum + competency.score! * competency.weight, 0) / totalWeight) : 0;
  const limit = ending ? rubric.endingCaps[ending.outcome] : undefined;
  const cap = limit && weighted > limit.maxScore ? limit : null;
  const overall = cap ? cap.maxScore : weighted;
  return { overall, level: levelFor(overall, rubric), cap };
}

/** Findings that only credit the absence of a fault, with no turn that showed the behaviour. */
function wonByAbsence(findings: Finding[]): boolean {
  return findings.length > 0 && findings.every((finding) => finding.points > 0 && finding.turn === null && !finding.notesField);
}

function round1(value: number) {
  return Math.round(value * 10) / 10;
}

function roundFinding(finding: Finding): Finding {
  return Object.assign({}, finding, { points: round1(finding.points) });
}

/** Every finding of a scorecard that points at a transcript entry, by entry index. */
export function findingsByTurn(scorecard: Scorecard): Map<number, (Finding & { competency: Competency; behaviour: string })[]> {
  const byTurn = new Map<number, (Finding & { competency: Competency; behaviour: string })[]>();
  for (const competency of scorecard.competencies) {
    for (const behaviour of competency.behaviours) {
      for (const finding of behaviour.findings) {
        if (finding.turn === null) continue;
        const list = byTurn.get(finding.turn) ?? [];
        list.push({ ...finding, competency: competency.id, behaviour: behaviour.id });
        byTurn.set(finding.turn, list);
      }
    }
  }
  return byTurn;
}
