/**
 * Live validation: the same loader the CLI and the build use, run shortly
 * after the text stops changing; the search for a route to the best ending
 * follows in a worker once the trainer pauses. The last scenario that loaded
 * is kept, so the diagram and the play-test stay usable while the trainer types.
 */
import { useEffect, useRef, useState } from 'react';
import { parsedStudioText } from './scenario-document';
import { parseScenario, type FileProblem } from '../../engine/scenario/scenario-loader';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { CheckSuperseded, fullCheck } from './full-check';

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

// Long enough to take a burst of changes (a paste, undo held down) as one, short enough to add little to a keystroke.
const DELAY_MS = 10;
/** The search for a route to the best ending waits until the trainer pauses. */
const PAUSE_MS = 700;

export function validate(file: string, text: string, lastGood: Scenario | null): Validation {
  const started = performance.now();
  const parsed = parsedStudioText(text);
  const result = parseScenario(file, text, { bestRoute: false, parsed });
  let data: unknown = parsed.ok ? parsed.data : null;
  // A text the loader refuses (a duplicated key) may still be JSON the diagram can draw.
  if (!parsed.ok) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  const scenario = result.ok ? result.scenario : null;
  return { problems: result.problems, scenario, lastGood: scenario ?? lastGood, data, ms: performance.now() - started, complete: false };
}

/** The quick check's validation completed by the worker's answer: its problems, and no scenario if the search failed. */
function completed(quick: Validation, full: { ok: boolean; problems: FileProblem[]; ms: number }): Validation {
  const scenario = full.ok ? quick.scenario : null;
  return { ...quick, problems: full.problems, scenario, lastGood: scenario ?? quick.lastGood, ms: quick.ms + full.ms, complete: true };
}

export function useValidation(file: string, text: string): Validation | null {
  const [validation, setValidation] = useState<Validation | null>(null);
  const lastGood = useRef<Scenario | null>(null);
  useEffect(() => {
    let live = true;
    let checked: Validation | null = null;
    const quick = setTimeout(() => {
      checked = validate(file, text, lastGood.current);
      lastGood.current = checked.lastGood;
      setValidation(checked);
    }, DELAY_MS);
    const full = setTimeout(() => {
      if (!checked) return;
      const quickResult = checked;
      // Only a text that loads has a route to search for; otherwise the quick check's problems are the whole answer.
      if (!quickResult.scenario) return setValidation({ ...quickResult, complete: true });
      fullCheck({ file, text }).then(
        (answer) => live && setValidation(completed(quickResult, answer)),
        (error: unknown) => {
          if (!live || error instanceof CheckSuperseded) return;
          setValidation({ ...quickResult, problems: [...quickResult.problems, { file, path: 'machine', message: (error as Error).message, severity: 'error' }], scenario: null, complete: true });
        },
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(quick);
      clearTimeout(full);
    };
  }, [file, text]);
  return validation;
}
