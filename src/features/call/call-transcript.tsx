import { useEffect, useRef } from 'react';
import { TranscriptLine } from '../../components/transcript-entry';
import type { TranscriptEntry } from '../../engine/call/transcript';

/** The running transcript; the newest customer line is also the caption, announced in a live region. */
export function CallTranscript({ transcript, customerName }: { transcript: TranscriptEntry[]; customerName: string }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'nearest' });
  }, [transcript.length]);
  const lastCustomer = [...transcript].reverse().find((entry) => entry.kind === 'customer');
  return (
    <section className="transcript card" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">Transcript</h2>
      <p className="caption" aria-live="polite" aria-atomic="true" data-testid="caption">
        {lastCustomer ? (
          <>
            <span className="speaker">{customerName}:</span> {lastCustomer.text}
          </>
        ) : (
          <span className="muted">Captions of what the customer says appear here.</span>
        )}
      </p>
      <ol className="lines" aria-label="Call so far" tabIndex={0}>
        {transcript.map((entry, index) => (
          <li key={index}>
            <TranscriptLine entry={entry} customerName={customerName} />
          </li>
        ))}
        <li ref={end} aria-hidden="true" className="end-marker" />
      </ol>
    </section>
  );
}
