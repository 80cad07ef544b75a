/**
 * The words said in a call, kept beside its summary so the review can search
 * transcripts without reading them: each stored session keeps its distinct
 * words once, and storage indexes them (one index entry per word), so a
 * search reads only the ids of the calls that contain a word.
 *
 * A search matches a call when every word asked for begins a word said in it,
 * by the customer or the trainee: "refun" finds "refund" and "refunded".
 */
import type { CallRecord } from '../call/transcript';
import { normalise } from '../text';

/** Words as the index keeps them: lowercase letters and digits, inner apostrophes kept ("don't"). */
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

function wordsIn(text: string): string[] {
  return normalise(text).match(WORD) ?? [];
}

/** The distinct words of the call's customer and trainee lines, sorted. */
export function transcriptWords(record: Pick<CallRecord, 'transcript'>): string[] {
  const words = new Set<string>();
  for (const entry of record.transcript) if (entry.kind !== 'event') for (const word of wordsIn(entry.text)) words.add(word);
  return [...words].sort();
}

/** The words a search asks for, in the index's form; duplicates and words that begin another asked-for word are dropped (the longer one decides). */
export function searchWords(query: string): string[] {
  const words = [...new Set(wordsIn(query))];
  return words.filter((word) => !words.some((other) => other !== word && other.startsWith(word)));
}

/** Whether a call with these words (transcriptWords) matches a search: every word asked for begins one of them. */
export function saysAll(words: readonly string[], asked: readonly string[]): boolean {
  return asked.every((prefix) => words.some((word) => word.startsWith(prefix)));
}
