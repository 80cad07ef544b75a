/**
 * What hear reads from a trainee's reply and the call so far: the reply's
 * acts, the facts its questions ask about by topic, and how often each act was
 * performed before. Each is worked out once and kept, for the reply, the
 * scenario or the transcript it depends on: route exploration and the score
 * search hear the same prepared replies hundreds of thousands of times.
 */
import { categoryAskedBy, type DialogueAct } from '../acts';
import type { Scenario } from '../scenario/scenario-schema';
import { containsPhrase, remembered } from '../text';
import { questionsIn } from './facts-stated';
import type { TraineeReply, TranscriptEntry } from './transcript';

export const isQuestion = (act: DialogueAct) => categoryAskedBy(act) !== undefined;

/** Each act of a reply once, in the order first given; worked out once per reply, which exploration hears again and again. */
const distinctActsOf = new WeakMap<TraineeReply, DialogueAct[]>();

export function distinctActs(reply: TraineeReply): DialogueAct[] {
  let acts = distinctActsOf.get(reply);
  if (!acts) distinctActsOf.set(reply, (acts = [...new Set(reply.acts)]));
  return acts;
}

/** The scenario's fact ids in the author's order, listed once: a scenario is never changed in place. */
const factIdLists = new WeakMap<Scenario['facts'], string[]>();

export function factIds(scenario: Scenario): string[] {
  let ids = factIdLists.get(scenario.facts);
  if (!ids) factIdLists.set(scenario.facts, (ids = Object.keys(scenario.facts)));
  return ids;
}

/**
 * How many earlier turns of the call performed each act, read from the
 * transcript rather than counted beside it, so the two can never disagree
 * (a restored call included). The counts of the last transcript read are
 * kept: a transcript is never changed in place, and route exploration hears
 * every reply of a beat, one after another, in the same situation. (One kept,
 * not a WeakMap of them all: garbage collection pays for every weak key.)
 */
let countedTranscript: readonly TranscriptEntry[] | null = null;
let lastCounts = new Map<DialogueAct, number>();

export function actsPerformed(transcript: readonly TranscriptEntry[]): Map<DialogueAct, number> {
  if (transcript === countedTranscript) return lastCounts;
  const counts = new Map<DialogueAct, number>();
  for (const entry of transcript) {
    if (entry.kind !== 'trainee') continue;
    // A turn counts once for each act, however often it lists it (hear lists each once; a call saved long ago may not).
    for (let i = 0; i < entry.acts.length; i++) {
      const act = entry.acts[i]!;
      if (entry.acts.indexOf(act) === i) counts.set(act, (counts.get(act) ?? 0) + 1);
    }
  }
  countedTranscript = transcript;
  lastCounts = counts;
  return counts;
}

/** Untold facts whose topic words a question of the trainee's names. */
export function factsOnTopic(scenario: Scenario, text: string, revealed: readonly string[]): readonly string[] {
  const named = topicsNamedIn(scenario)(text);
  return named.length ? named.filter((id) => !revealed.includes(id)) : named;
}

/**
 * For each reply's text, the facts (in the author's order) whose topic words
 * its questions name: read once per scenario and text, since route
 * exploration hears the same replies again and again.
 */
const topicReaders = new WeakMap<Scenario, (text: string) => readonly string[]>();

function topicsNamedIn(scenario: Scenario): (text: string) => readonly string[] {
  let read = topicReaders.get(scenario);
  if (!read) {
    read = remembered((text: string) => {
      const questions = questionsIn(text);
      return Object.entries(scenario.facts)
        .filter(([, fact]) => fact.topics?.some((topic) => questions.some((question) => containsPhrase(question, topic))))
        .map(([id]) => id);
    });
    topicReaders.set(scenario, read);
  }
  return read;
}
