/**
 * What the trainee hears: the phone ringing until answered, a click on
 * answering, hold music on hold, the hang-up tone at the end, and each new
 * customer line spoken. Only lines said after the page opened are spoken:
 * a resumed call does not replay its past aloud.
 */
import { useEffect, useRef } from 'react';
import type { CallView } from '../../engine/call/call';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { usePreferences } from '../../lib/preferences';
import { applyVolume, play, stop, stopAll } from '../../lib/sound';
import { silence, speak } from '../../lib/voice';

export function useCallAudio(view: CallView, persona: Scenario['persona'], direction: Scenario['direction'] = 'inbound') {
  const { volume, muted, speech } = usePreferences();
  const spoken = useRef(view.transcript.length);

  useEffect(() => applyVolume(volume, muted), [volume, muted]);

  useEffect(() => {
    // An outbound call waits silently for the trainee to place it; only an inbound one rings.
    if (view.status === 'ringing' && direction === 'inbound') play('ring');
    else stop('ring');
    if (view.status === 'live' && view.onHold) play('hold');
    else stop('hold');
  }, [view.status, view.onHold, direction]);

  const ended = view.status === 'ended';
  useEffect(() => {
    if (!ended) return;
    stopAll();
    silence();
    play('hangUp');
  }, [ended]);

  useEffect(() => () => {
    stopAll();
    silence();
  }, []);

  useEffect(() => {
    const fresh = view.transcript.slice(spoken.current);
    spoken.current = view.transcript.length;
    if (fresh.some((entry) => entry.kind === 'event' && entry.event === 'answer')) play('click');
    const line = fresh.filter((entry) => entry.kind === 'customer').at(-1);
    if (line?.kind === 'customer') speak(line.text, line.audio, persona, { volume, muted, synthesis: speech });
  }, [view.transcript, persona, volume, muted, speech]);
}
