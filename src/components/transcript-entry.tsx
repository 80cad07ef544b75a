import type { ReactNode } from 'react';
import type { CallEventKind, TranscriptEntry } from '../engine/call/transcript';

const EVENT_TEXT: Record<CallEventKind, string> = {
  answer: 'You answered the call',
  hold: 'You put the customer on hold',
  resume: 'You took the customer off hold',
  lookup: 'You looked up the account',
  escalate: 'You escalated the call',
  silence: 'Silence on the line',
  hangUp: 'You ended the call',
  missed: 'Nobody answered: missed call',
  misheard: 'You said that was not what you meant',
};

export const SECTION_NAMES: Record<string, string> = {
  holder: 'Holder',
  addresses: 'Addresses',
  bills: 'Bills',
  payments: 'Payments',
  invoices: 'Invoices',
  policy: 'Policy',
  history: 'History',
};

export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function eventText(entry: Extract<TranscriptEntry, { kind: 'event' }>): string {
  return entry.event === 'lookup' && entry.section ? `You looked up: ${SECTION_NAMES[entry.section] ?? entry.section}` : EVENT_TEXT[entry.event];
}

/** One line of a transcript. Text is always rendered as text, never as HTML. */
export function TranscriptLine({ entry, customerName, children }: { entry: TranscriptEntry; customerName: string; children?: ReactNode }) {
  const time = <span className="time">{formatClock(entry.at)}</span>;
  if (entry.kind === 'event') {
    return (
      <div className="line line-event">
        {time} <span>{eventText(entry)}</span>
        {children}
      </div>
    );
  }
  const customer = entry.kind === 'customer';
  return (
    <div className={`line ${customer ? 'line-customer' : 'line-trainee'}`}>
      {time} <span className="speaker">{customer ? customerName : 'You'}:</span> <span className="words">{entry.text}</span>
      {children}
    </div>
  );
}
