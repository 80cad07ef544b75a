/**
 * The classifier for the reply box, as React state: ready at once when the
 * briefing's preload has brought it in, shown as loading while a load is
 * under way, and loaded on focus (as a fallback) when nothing started it.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Classifier } from '../../engine/classifier/classify';
import { classifierLoading, loadClassifier, loadedClassifier, preloadClassifier } from '../../lib/classifier-loader';

export type ClassifierState = { status: 'idle' | 'loading' | 'failed'; classifier: null } | { status: 'ready'; classifier: Classifier };

function currentState(): ClassifierState {
  const loaded = loadedClassifier();
  if (loaded) return { status: 'ready', classifier: loaded };
  return { status: classifierLoading() ? 'loading' : 'idle', classifier: null };
}

export function useClassifier() {
  const [state, setState] = useState<ClassifierState>(currentState);
  const load = useCallback(async () => {
    const loaded = loadedClassifier();
    if (loaded) {
      setState((current) => (current.classifier === loaded ? current : { status: 'ready', classifier: loaded }));
      return loaded;
    }
    setState({ status: 'loading', classifier: null });
    try {
      const classifier = await loadClassifier();
      setState({ status: 'ready', classifier });
      return classifier;
    } catch {
      setState({ status: 'failed', classifier: null });
      return null;
    }
  }, []);
  // A load already under way (the briefing's preload) shows until it is in; with none (a call reopened by its address), the page starts one once idle.
  useEffect(() => {
    if (classifierLoading()) void load();
    else preloadClassifier();
  }, [load]);
  return { ...state, load };
}
