import { useEffect, useState } from 'react';
import type { Competency } from '../../engine/vocabulary';
import { competencyStandings, type CompetencyStanding } from './recommend';

/**
 * The trainee's average in each competency over their scored calls, lowest
 * first; null while loading. The summaries module is loaded on demand, so
 * the picker's first page carries only the best scores. Nothing is read
 * until `start` is true.
 */
export function useCompetencyStandings(traineeName: string, start = true): CompetencyStanding[] | null {
  const [standings, setStandings] = useState<CompetencyStanding[] | null>(null);
  useEffect(() => {
    if (!start) return;
    let live = true;
    let stop = () => {};
    void import('../../lib/storage/summaries').then(({ scoredSummariesOf, onSummariesChanged }) => {
      const read = () =>
        void scoredSummariesOf(traineeName).then((items) => {
          if (!live) return;
          const calls = items.map((summary) => ({
            scenarioId: summary.scenarioId,
            competencies: Object.entries(summary.competencies).map(([id, competency]) => ({ id: id as Competency, score: competency?.score ?? null, level: competency?.level ?? null })),
          }));
          setStandings(competencyStandings(calls));
        });
      if (!live) return;
      read();
      stop = onSummariesChanged(read);
    });
    return () => {
      live = false;
      stop();
    };
  }, [traineeName, start]);
  return standings;
}
