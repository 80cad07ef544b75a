/**
 * The transcript as far as the customer has got in saying it. The engine
 * stamps each customer line with when it starts, at speaking pace; this
 * shows each line (caption, transcript, voice) when its time comes, and
 * everything at once as soon as the trainee speaks over it.
 */
import { useEffect, useState } from 'react';
import type { Call, CallView } from '../../engine/call/call';
import type { TranscriptEntry } from '../../engine/call/transcript';

export function useSpokenTranscript(call: Call, view: CallView): TranscriptEntry[] {
  const [, setTick] = useState(0);
  const now = call.clock.now() - call.context.startedAt;
  const { transcript } = view;
  const lastTrainee = transcript.findLastIndex((entry) => entry.kind === 'trainee');
  // Once the call is over there is nothing to wait for: the whole of it shows.
  const hiddenFrom = view.status === 'ended' ? -1 : transcript.findIndex((entry, index) => index > lastTrainee && entry.kind === 'customer' && entry.at > now);
  const wait = hiddenFrom >= 0 ? transcript[hiddenFrom]!.at - now : null;
  useEffect(() => {
    if (wait === null) return;
    const id = setTimeout(() => setTick((tick) => tick + 1), Math.max(50, wait));
    return () => clearTimeout(id);
  }, [wait, transcript.length]);
  return hiddenFrom >= 0 ? transcript.slice(0, hiddenFrom) : transcript;
}
