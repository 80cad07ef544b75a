import { useEffect, useState } from 'react';
import type { Competency } from '../../engine/vocabulary';
import { listSummaries, onSummariesChanged } from '../../lib/storage/summaries';
import { competencyStandings, type CompetencyStanding } from './recommend';

/** The trainee's average in each competency over their scored calls, lowest first; null while loading. */
export function useCompetencyStandings(traineeName: string): CompetencyStanding[] | null {
  const [standings, setStandings] = useState<CompetencyStanding[] | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void listSummaries({ filter: { traineeName, status: 'scored' } }).then(({ items }) => {
        if (!live) return;
        const calls = items.map((summary) => ({
          scenarioId: summary.scenarioId,
          competencies: Object.entries(summary.competencies).map(([id, competency]) => ({ id: id as Competency, score: competency?.score ?? null, level: competency?.level ?? null })),
        }));
        setStandings(competencyStandings(calls));
      });
    read();
    const stop = onSummariesChanged(read);
    return () => {
      live = false;
      stop();
    };
  }, [traineeName]);
  return standings;
}
