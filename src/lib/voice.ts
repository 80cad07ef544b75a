/**
 * The customer's voice: a recorded clip from assets/ when the scenario names
 * one, otherwise the browser's speech synthesis, otherwise nothing (the
 * caption and the live region always carry the words).
 */
import { Howl } from 'howler';
import type { Scenario } from '../engine/scenario/scenario-schema';

const clips = import.meta.glob<string>('../../assets/voices/**/*.{ogg,mp3,wav}', { query: '?url', import: 'default', eager: true });

export type VoiceMode = 'recording' | 'synthesis' | 'captions';

export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && typeof SpeechSynthesisUtterance !== 'undefined';
}

function clipUrl(name: string): string | undefined {
  return clips[`../../assets/voices/${name}`];
}

let current: Howl | null = null;

export function silence() {
  current?.stop();
  current = null;
  if (speechAvailable()) window.speechSynthesis.cancel();
}

export interface SpeakOptions {
  volume: number;
  muted: boolean;
  synthesis: boolean;
}

/** Speaks one customer line and says how it was voiced. */
export function speak(text: string, audio: string | undefined, persona: Scenario['persona'], options: SpeakOptions): VoiceMode {
  const url = audio ? clipUrl(audio) : undefined;
  if (options.muted) return url ? 'recording' : options.synthesis && speechAvailable() ? 'synthesis' : 'captions';
  if (url) {
    current?.stop();
    current = new Howl({ src: [url], volume: options.volume });
    current.play();
    return 'recording';
  }
  if (!options.synthesis || !speechAvailable()) return 'captions';
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = persona.voice.lang;
  utterance.pitch = persona.voice.pitch;
  utterance.rate = persona.voice.rate;
  utterance.volume = options.volume;
  const voices = window.speechSynthesis.getVoices().filter((voice) => voice.lang.startsWith(persona.voice.lang.slice(0, 2)));
  const hinted = voices.find((voice) => new RegExp(persona.voice.hint === 'male' ? '\\bmale|david|daniel|george' : persona.voice.hint === 'female' ? 'female|zira|samantha|susan' : '$^', 'i').test(voice.name));
  utterance.voice = hinted ?? voices[0] ?? null;
  window.speechSynthesis.speak(utterance);
  return 'synthesis';
}
