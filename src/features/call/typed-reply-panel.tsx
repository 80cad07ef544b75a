import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useClassifier } from './use-classifier';
import { useSpeechInput } from './use-speech-input';
import type { Classifier } from '../../engine/classifier/classify';
import { MAX_REPLY_CHARACTERS } from '../../engine/classifier/readable';

const NOT_UNDERSTOOD = {
  noWords: 'The customer heard no words in that reply, so they asked you to say it again.',
  notEnglish: "That did not read as English, so the customer didn't catch it. Say it again in English.",
} as const;

interface Props {
  disabled: boolean;
  note?: string;
  lang: string;
  onSend: (classifier: Classifier, text: string) => void;
  /** Told when the trainee starts or stops composing, so the customer does not count that as silence. */
  onComposing?: (composing: boolean) => void;
}

/** The trainee's own words: typed (Enter sends) or spoken and checked before sending. */
export function TypedReplyPanel({ disabled, note, lang, onSend, onComposing }: Props) {
  const [text, setText] = useState('');
  const [notCaught, setNotCaught] = useState<keyof typeof NOT_UNDERSTOOD | null>(null);
  const classifier = useClassifier();
  const speech = useSpeechInput(lang, (heard) => setText((current) => (current ? `${current} ${heard}` : heard)));
  const composing = !disabled && (text.trim().length > 0 || speech.listening);
  useEffect(() => {
    onComposing?.(composing);
  }, [composing, onComposing]);

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const words = text.trim();
    if (!words || disabled) return;
    const ready = classifier.classifier ?? (await classifier.load());
    if (!ready) return;
    onSend(ready, words);
    setNotCaught(ready.classify(words).notUnderstood ?? null);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) void send(event);
  };

  return (
    <form className="replies card" aria-labelledby="replies-heading" onSubmit={send}>
      <h2 id="replies-heading">Your reply</h2>
      {note && <p className="muted">{note}</p>}
      <label htmlFor="typed-reply">Say it in your own words</label>
      <span id="typed-reply-hint" className="muted hint">
        Enter sends, Shift+Enter starts a new line. Your words are turned into dialogue acts on this computer; nothing is sent anywhere.
      </span>
      <textarea
        id="typed-reply"
        aria-describedby="typed-reply-hint"
        rows={3}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setNotCaught(null);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => void classifier.load()}
        disabled={disabled}
      />
      <div className="control-row">
        <button type="submit" className="primary" disabled={disabled || !text.trim() || classifier.status === 'loading'}>
          Send
        </button>
        {speech.supported ? (
          <button type="button" onClick={speech.listening ? speech.stop : speech.start} aria-pressed={speech.listening} disabled={disabled}>
            {speech.listening ? 'Stop listening' : 'Push to talk'}
          </button>
        ) : (
          <button type="button" disabled aria-describedby="no-speech">
            Push to talk
          </button>
        )}
      </div>
      {text.length > MAX_REPLY_CHARACTERS && (
        <p className="notice notice-warning" role="status">
          Your reply is {text.length.toLocaleString('en')} characters long; only the first {MAX_REPLY_CHARACTERS.toLocaleString('en')} will be heard.
        </p>
      )}
      {notCaught && (
        <p className="notice notice-warning" role="status">
          {NOT_UNDERSTOOD[notCaught]}
        </p>
      )}
      <p className="muted" role="status">
        {classifier.status === 'loading' && 'Loading the language model (first reply only)…'}
        {classifier.status === 'failed' && 'The language model could not be loaded. Reload the page to try again.'}
      </p>
      {!speech.supported && (
        <p id="no-speech" className="muted">
          Speech input is not available in this browser, so type your reply.
        </p>
      )}
      {speech.problem && <p className="notice notice-warning">{speech.problem}</p>}
    </form>
  );
}
