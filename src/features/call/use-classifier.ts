/**
 * The dialogue-act classifier, loaded the first time it is needed: its
 * language model is about 1 MB, so it never rides in the first page.
 */
import { useCallback, useState } from 'react';
import type { Classifier } from '../../engine/classifier/classify';

let loading: Promise<Classifier> | null = null;

function loadClassifier(): Promise<Classifier> {
  loading ??= import('../../engine/classifier/english').then((module) => module.createEnglishClassifier());
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

export type ClassifierState = { status: 'idle' | 'loading' | 'failed'; classifier: null } | { status: 'ready'; classifier: Classifier };

export function useClassifier() {
  const [state, setState] = useState<ClassifierState>({ status: 'idle', classifier: null });
  const load = useCallback(async () => {
    setState((current) => (current.status === 'ready' ? current : { status: 'loading', classifier: null }));
    try {
      const classifier = await loadClassifier();
      setState({ status: 'ready', classifier });
      return classifier;
    } catch {
      setState({ status: 'failed', classifier: null });
      return null;
    }
  }, []);
  return { ...state, load };
}
