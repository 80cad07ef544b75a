/**
 * A typed call told turn by turn in markdown, for a person to read: when each
 * thing happened, what the trainee typed and how it was heard, what the
 * customer said back and how they felt; then the ending, the scorecard and
 * the handle time, and the two things issue #11 asks of every scenario (no
 * customer line more than twice; the right offer taken the first time).
 */
import type { Classifier } from '../../engine/classifier/classify';
import { readOffer } from '../../engine/call/offers';
import { EMPTY_NOTES, type CallNotes, type TranscriptEntry } from '../../engine/call/transcript';
import type { Mood } from '../../engine/mood';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { scoreCall, type Scorecard } from '../../engine/scoring/scorer';
import { HUMAN_PACE, playPacedTypedCall, type Pace, type StepPlayed } from './paced-typed-call';
import type { TypedCallScript } from './typed-call-file';

export interface TypedCallReport {
  scenarioId: string;
  markdown: string;
  /** The ending state reached, or null if the call was still going after the last step. */
  ending: string | null;
  best: boolean;
  scorecard: Scorecard;
  turns: number;
  handleMs: number;
  /** How often the customer's most repeated line was said. */
  mostRepeats: number;
  /** Typed turns heard as offering the scenario's right resolution. */
  rightOffers: number;
  /** Whether the first right offer moved the call on (a new phase or beat). */
  firstRightOfferMovedOn: boolean | null;
}

export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Table cells hold one line with no bar that would split the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

const moodText = (mood: Mood) => `A ${Math.round(mood.anger)} · T ${Math.round(mood.trust)} · C ${Math.round(mood.confusion)} · P ${Math.round(mood.patience)}`;

function heardAs(scenario: Scenario, entry: Extract<TranscriptEntry, { kind: 'trainee' }>): string {
  if (entry.notUnderstood) return `not understood (${entry.notUnderstood})`;
  const acts = entry.acts.map((act) => {
    const words = entry.evidence?.find((evidence) => evidence.act === act)?.words ?? [];
    return words.length ? `${act} ("${words.slice(0, 3).join('", "')}")` : act;
  });
  const offer = readOffer(scenario, entry.offers);
  if (offer) acts.push(`offers **${offer.id}**${offer.right ? ' (the right resolution)' : ' (not the policy resolution)'}`);
  if (entry.establishes?.length) acts.push(`states ${entry.establishes.join(', ')}`);
  return acts.length ? acts.join('; ') : 'nothing';
}

function eventText(scenario: Scenario, entry: Extract<TranscriptEntry, { kind: 'event' }>): string {
  if (entry.event === 'lookup' && entry.section) return `*looks up ${scenario.account.sections[entry.section]?.title ?? entry.section}*`;
  return `*${entry.event}*`;
}

interface Row {
  at: number;
  typed: string;
  heard: string;
  customer: string[];
  mood: Mood;
  moved: string;
}

/** One row per trainee turn or call event, with the customer lines that followed it. */
function rows(scenario: Scenario, transcript: TranscriptEntry[], played: StepPlayed[], answeredAt: number): Row[] {
  const out: Row[] = [];
  const typedSteps = played.filter((step) => !step.step.startsWith('LOOKUP '));
  let typedIndex = 0;
  for (const entry of transcript) {
    const at = entry.at - answeredAt;
    if (entry.kind === 'customer') {
      const row = out.at(-1);
      if (row) {
        row.customer.push(entry.text);
        row.mood = entry.mood;
      } else out.push({ at, typed: '', heard: '', customer: [entry.text], mood: entry.mood, moved: '' });
    } else if (entry.kind === 'trainee') {
      const step = typedSteps[typedIndex++];
      const moved = step ? (step.before === step.after ? `stays in ${step.after}` : `${step.before} → ${step.after}`) : '';
      out.push({ at, typed: entry.text, heard: heardAs(scenario, entry), customer: [], mood: entry.mood, moved });
    } else if (entry.event !== 'answer') {
      out.push({ at, typed: eventText(scenario, entry), heard: '', customer: [], mood: entry.mood, moved: '' });
    }
  }
  return out;
}

export function lineCounts(transcript: TranscriptEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of transcript) if (entry.kind === 'customer') counts.set(entry.text, (counts.get(entry.text) ?? 0) + 1);
  return counts;
}

export function typedCallReport(scenario: Scenario, script: TypedCallScript, classifier: Classifier, { pace = HUMAN_PACE, source = '' }: { pace?: Pace; source?: string } = {}): TypedCallReport {
  const { call, played, unplayed } = playPacedTypedCall(scenario, script.steps, classifier, { pace });
  const view = call.view;
  const transcript = view.transcript;
  const notes: CallNotes = script.notes ?? EMPTY_NOTES;
  const scorecard = scoreCall(scenario, call.record(notes));
  call.stop();

  const answeredAt = transcript.find((entry) => entry.kind === 'event' && entry.event === 'answer')?.at ?? 0;
  // As the call page shows it: from answering to the last thing in the transcript.
  const handleMs = (transcript.at(-1)?.at ?? answeredAt) - answeredAt;
  const counts = lineCounts(transcript);
  const mostRepeats = Math.max(0, ...counts.values());
  const typed = transcript.filter((entry): entry is Extract<TranscriptEntry, { kind: 'trainee' }> => entry.kind === 'trainee');
  const rightOffers = typed.filter((entry) => readOffer(scenario, entry.offers)?.right).length;
  const firstRight = typed.findIndex((entry) => readOffer(scenario, entry.offers)?.right);
  const typedSteps = played.filter((step) => !step.step.startsWith('LOOKUP '));
  const firstRightStep = firstRight >= 0 ? typedSteps[firstRight] : undefined;
  const firstRightOfferMovedOn = firstRightStep ? firstRightStep.before !== firstRightStep.after : null;
  const best = view.ending?.detail.best === true;

  const out: string[] = [];
  out.push(`## ${scenario.title} (\`${scenario.id}\`)`, '');
  out.push(`Level ${scenario.level}, ${scenario.persona.name}; the card says about ${scenario.expectedMinutes} minutes.${source ? ` Typed call: \`${source}\`.` : ''}`, '');
  out.push('| time | the trainee | heard as | the customer | mood after (anger · trust · confusion · patience) | where the call went |');
  out.push('|---|---|---|---|---|---|');
  for (const row of rows(scenario, transcript, played, answeredAt)) {
    const customer = row.customer.map((line) => `“${line}”`).join(' ');
    out.push(`| ${clock(row.at)} | ${cell(row.typed)} | ${cell(row.heard)} | ${cell(customer)} | ${moodText(row.mood)} | ${cell(row.moved)} |`);
  }
  out.push('');
  if (unplayed.length) out.push(`**Not typed** (the call had ended): ${unplayed.map((step) => `“${step}”`).join(' ')}`, '');
  const ending = view.ending ? `${view.ending.detail.title} (\`${view.ending.state}\`, ${view.ending.detail.outcome}${best ? ', the best ending' : ''})` : 'none: the call was still going after the last step';
  out.push(`- **Ending:** ${ending}`);
  out.push(`- **Score:** ${scorecard.overall}, ${scorecard.level}${scorecard.cap ? ` (held down by the ending: ${scorecard.cap.reason})` : ''}`);
  out.push(`- **Handle time:** ${clock(handleMs)} over ${typed.length} typed turns (card: about ${scenario.expectedMinutes} min)`);
  const repeated = [...counts.entries()].filter(([, count]) => count > 1).map(([line, count]) => `“${line}” ×${count}`);
  out.push(`- **Customer lines said more than once:** ${repeated.length ? repeated.join('; ') : 'none'}`);
  out.push(`- **Right offer:** ${rightOffers === 0 ? 'never heard' : `made ${rightOffers} time${rightOffers > 1 ? 's' : ''}; the first ${firstRightOfferMovedOn ? 'moved the call on' : 'left the customer where they were'}`}`);
  out.push('', '| competency | score | level | points lost |', '|---|---|---|---|');
  for (const competency of scorecard.competencies) {
    const lost = competency.behaviours
      .filter((behaviour) => behaviour.applicable && behaviour.earned < behaviour.points)
      .map((behaviour) => `${behaviour.title} (${behaviour.earned}/${behaviour.points})`);
    out.push(`| ${competency.title} | ${competency.score ?? 'n/a'} | ${competency.level ?? 'not shown'} | ${cell(lost.join('; '))} |`);
  }
  out.push('');
  return {
    scenarioId: scenario.id,
    markdown: out.join('\n'),
    ending: view.ending?.state ?? null,
    best,
    scorecard,
    turns: typed.length,
    handleMs,
    mostRepeats,
    rightOffers,
    firstRightOfferMovedOn,
  };
}
