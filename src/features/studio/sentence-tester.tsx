/**
 * Type a reply at the current moment of the play-test and see how it is
 * heard: the acts, the words that gave each away, and where the customer
 * would go. Nothing is sent until the trainer chooses to say it.
 */
import { useState } from 'react';
import { Call } from '../../engine/call/call';
import { typedReply } from '../../engine/classifier/typed-reply';
import type { TraineeReply } from '../../engine/call/transcript';
import type { Scenario } from '../../engine/scenario/scenario-schema';
import { loadClassifier } from '../../lib/classifier-loader';
import { statePath } from './play-test';

interface Heard {
  reply: TraineeReply;
  from: string;
  to: string;
  said: string[];
}

export function SentenceTester({ scenario, call, onSay }: { scenario: Scenario; call: Call; onSay: (reply: TraineeReply) => void }) {
  const [text, setText] = useState('');
  const [heard, setHeard] = useState<Heard | null>(null);
  const [status, setStatus] = useState('');

  const test = async () => {
    if (!text.trim()) return;
    setStatus('Loading the language model…');
    try {
      const classifier = await loadClassifier();
      const reply = typedReply(classifier, scenario, call.context, text);
      // Try it on a copy of the call, so the play-test itself does not move.
      const trial = new Call(scenario, call.options, call.persist() as never);
      const before = trial.view.transcript.length;
      const from = statePath(trial.actor.getSnapshot().value);
      trial.send({ type: 'SAY', reply });
      const after = trial.view;
      setHeard({ reply, from, to: after.ending ? `${after.ending.state} (ending)` : statePath(trial.actor.getSnapshot().value), said: after.transcript.slice(before).flatMap((entry) => (entry.kind === 'customer' ? [entry.text] : [])) });
      trial.stop();
      setStatus('');
    } catch {
      setStatus('The language model could not be loaded.');
    }
  };

  return (
    <div className="sentence-tester">
      <label htmlFor="sentence">Test a sentence here</label>
      <div className="toolbar">
        <input id="sentence" value={text} onChange={(event) => setText(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && void test()} size={50} />
        <button type="button" onClick={() => void test()}>
          How is it heard?
        </button>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      {heard && (
        <div aria-live="polite">
          <p>
            Heard as: <strong>{heard.reply.acts.length ? heard.reply.acts.join(', ') : 'no act'}</strong>
            {heard.reply.offers && ` · offers ${heard.reply.offers}`}
            {heard.reply.asks && ` · asks about ${heard.reply.asks.join(', ')}`}
            {heard.reply.disclosesAccount && ' · reads out account details'}
          </p>
          <ul>
            {heard.reply.evidence?.map((item) => (
              <li key={item.act}>
                {item.act}: “{item.words.join('”, “')}” ({Math.round(item.confidence * 100)}%)
              </li>
            ))}
          </ul>
          <p>
            The customer would go from <strong>{heard.from}</strong> to <strong>{heard.to}</strong>
            {heard.said.length > 0 && <> and say: “{heard.said.join(' ')}”</>}
          </p>
          <button type="button" onClick={() => onSay(heard.reply)}>
            Say it in the play-test
          </button>
        </div>
      )}
    </div>
  );
}
