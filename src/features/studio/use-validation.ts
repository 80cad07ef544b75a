/**
 * Live validation: the same loader the CLI and the build use, run shortly
 * after the text stops changing. The last scenario that loaded is kept, so
 * the diagram and the play-test stay usable while the trainer types.
 */
import { useEffect, useState } from 'react';
import { parseScenario, type FileProblem } from '../../engine/scenario/scenario-loader';
import type { Scenario } from '../../engine/scenario/scenario-schema';

export interface Validation {
  problems: FileProblem[];
  /** The scenario as loaded from this text, or null when it does not load. */
  scenario: Scenario | null;
  /** The last scenario that loaded, for the diagram while the text is broken. */
  lastGood: Scenario | null;
  /** The parsed JSON even when the loader refused it, for drawing. */
  data: unknown;
  ms: number;
  /** Whether the search for a route to the best ending has run on this text. */
  complete: boolean;
}

const DELAY_MS = 40;
/** The search for a route to the best ending waits until the trainer pauses. */
const PAUSE_MS = 700;

export function validate(file: string, text: string, lastGood: Scenario | null, complete = true): Validation {
  const started = performance.now();
  const result = parseScenario(file, text, { bestRoute: complete });
  let data: unknown = null;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  const scenario = result.ok ? result.scenario : null;
  return { problems: result.problems, scenario, lastGood: scenario ?? lastGood, data, ms: performance.now() - started, complete };
}

export function useValidation(file: string, text: string): Validation | null {
  const [validation, setValidation] = useState<Validation | null>(null);
  useEffect(() => {
    const quick = setTimeout(() => setValidation((previous) => validate(file, text, previous?.lastGood ?? null, false)), DELAY_MS);
    const full = setTimeout(() => setValidation((previous) => validate(file, text, previous?.lastGood ?? null, true)), PAUSE_MS);
    return () => {
      clearTimeout(quick);
      clearTimeout(full);
    };
  }, [file, text]);
  return validation;
}
