import { RUBRIC, sourceOf } from '../../engine/scoring/rubric';
import type { Scorecard } from '../../engine/scoring/scorer';

/** Clause codes with what they cite on hover (and for screen readers), and a legend that prints. */
function Clauses({ clauses }: { clauses: string[] }) {
  return (
    <>
      {clauses.map((clause, i) => (
        <span key={clause}>
          {i > 0 && '; '}
          <abbr title={sourceOf(clause) ? `${sourceOf(clause)}, ${clause.slice(4)}` : clause}>{clause}</abbr>
        </span>
      ))}
    </>
  );
}

export function ClauseLegend() {
  return (
    <section className="card clause-legend" aria-labelledby="clause-legend-heading">
      <h2 id="clause-legend-heading">What the standards codes mean</h2>
      <dl className="facts">
        {Object.entries(RUBRIC.sources).map(([code, source]) => (
          <div key={code}>
            <dt>{code}</dt>
            <dd>{source}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
import type { Finding } from '../../engine/scoring/scoring-input';

function signed(points: number) {
  return points > 0 ? `+${points}` : String(points);
}

/** Moves focus to a transcript line, so the finding and the words that earned it sit together. */
export function goToTurn(turn: number) {
  const target = document.getElementById(`turn-${turn}`);
  target?.scrollIntoView?.({ block: 'center' });
  target?.focus();
}

export function FindingLine({ finding, showTurnLink = true }: { finding: Finding; showTurnLink?: boolean }) {
  return (
    <li className={`finding ${finding.points < 0 ? 'lost' : 'won'}`}>
      <span className="points" aria-label={`${finding.points < 0 ? 'lost' : 'won'} ${Math.abs(finding.points)} points`}>
        {signed(finding.points)}
      </span>{' '}
      <span>{finding.note}</span>
      {finding.turn !== null && showTurnLink && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={() => goToTurn(finding.turn!)}>
            see turn {finding.turn + 1}
          </button>
        </>
      )}
      {finding.notesField && <span className="muted"> (call notes: {finding.notesField})</span>}
      {finding.tip && finding.points < 0 && <p className="tip">Try: {finding.tip}</p>}
    </li>
  );
}

export function ScorecardView({ scorecard }: { scorecard: Scorecard }) {
  return (
    <section className="scorecard" aria-labelledby="scorecard-heading">
      <h2 id="scorecard-heading">Scorecard</h2>
      <table className="competency-table">
        <caption>Each competency, its score out of 100, its level and the written standards it rests on</caption>
        <thead>
          <tr>
            <th scope="col">Competency</th>
            <th scope="col">Score</th>
            <th scope="col">Level</th>
            <th scope="col">Weight</th>
            <th scope="col">Standards</th>
          </tr>
        </thead>
        <tbody>
          {scorecard.competencies.map((competency) => (
            <tr key={competency.id}>
              <th scope="row">
                <a href={`#competency-${competency.id}`} onClick={(event) => { event.preventDefault(); document.getElementById(`competency-${competency.id}`)?.focus(); }}>
                  {competency.title}
                </a>
              </th>
              <td>{competency.score ?? '—'}</td>
              <td className={`level level-${(competency.level ?? 'none').replace(/\s/g, '-').toLowerCase()}`}>{competency.level ?? 'Not assessed in this call'}</td>
              <td>×{competency.weight}</td>
              <td className="clauses">
                <Clauses clauses={competency.clauses} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {scorecard.competencies.map((competency) => (
        <section key={competency.id} id={`competency-${competency.id}`} tabIndex={-1} className="competency card" aria-labelledby={`competency-${competency.id}-title`}>
          <h3 id={`competency-${competency.id}-title`}>
            {competency.title}: {competency.score === null ? 'not assessed' : `${competency.score} (${competency.level})`}
          </h3>
          <ul className="behaviours">
            {competency.behaviours.map((behaviour) => (
              <li key={behaviour.id}>
                <p>
                  <strong>{behaviour.title}</strong>{' '}
                  {behaviour.applicable ? (
                    <span>
                      {behaviour.earned} of {behaviour.points}
                    </span>
                  ) : (
                    <span className="muted">did not arise in this call</span>
                  )}{' '}
                  <span className="clauses">
                    (<Clauses clauses={behaviour.clauses} />)
                  </span>
                </p>
                {behaviour.applicable && (
                  <ul className="findings">
                    {behaviour.findings.map((finding, i) => (
                      <FindingLine key={i} finding={finding} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <ClauseLegend />
    </section>
  );
}
