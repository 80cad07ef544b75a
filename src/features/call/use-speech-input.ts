/**
 * Push-to-talk through the browser's speech recognition, where there is one.
 * What was heard fills the reply box for the trainee to check before sending.
 */
import { useCallback, useRef, useState } from 'react';

interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((event: { results: ArrayLike<ArrayLike<{ transcript: string }>> }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | undefined {
  const scope = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition;
}

export function useSpeechInput(lang: string, onHeard: (text: string) => void) {
  const supported = typeof window !== 'undefined' && recognitionConstructor() !== undefined;
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<Recognition | null>(null);

  const start = useCallback(() => {
    const Constructor = recognitionConstructor();
    if (!Constructor) return;
    const recognition = new Constructor();
    recognition.lang = lang;
    recognition.interimResults = false;
    recognition.continuous = false;
    recognition.onresult = (event) => {
      const heard = Array.from(event.results, (result) => result[0]?.transcript ?? '').join(' ').trim();
      if (heard) onHeard(heard);
    };
    recognition.onerror = (event) => {
      setProblem(
        event.error === 'network'
          ? 'Speech recognition needs a network connection in this browser, and there is none. Type your reply instead.'
          : event.error === 'not-allowed'
            ? 'The microphone is blocked for this page. Allow it in the browser, or type your reply.'
            : `Speech recognition stopped (${event.error}). Type your reply instead.`,
      );
    };
    recognition.onend = () => setListening(false);
    current.current = recognition;
    setProblem(null);
    setListening(true);
    recognition.start();
  }, [lang, onHeard]);

  const stop = useCallback(() => current.current?.stop(), []);

  return { supported, listening, problem, start, stop };
}
