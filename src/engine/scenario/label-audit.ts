/**
 * Prepared replies' labelled acts against what the classifier hears in the
 * same words, said at the point of the call where the reply is offered (on
 * the scenario's best route, so a paraphrase has the customer's words to
 * restate). A disagreement is either a label to fix or wording the
 * classifier mishears; either way an author should look at it.
 */
import type { DialogueAct } from '../acts';
import { Call } from '../call/call';
import { ReplayClock } from '../clock';
import type { Classifier } from '../classifier/classify';
import { typedReply } from '../classifier/typed-reply';
import { findBestRoute } from './routes';
import type { Scenario } from './scenario-schema';

export interface LabelDisagreement {
  replyId: string;
  quality: 'good' | 'mediocre' | 'harmful';
  text: string;
  /** Labelled, not heard. */
  missing: DialogueAct[];
  /** Heard, not labelled. */
  extra: DialogueAct[];
}

export interface LabelAudit {
  scenarioId: string;
  /** Replies offered somewhere on the best route, each heard once. */
  audited: number;
  /** Replies of beats the best route never reaches: not audited. */
  notReached: string[];
  disagreements: LabelDisagreement[];
}

export function auditLabels(scenario: Scenario, classifier: Classifier): LabelAudit {
  // A still clock: no silence or patience timer fires between the route's moves.
  const call = new Call(scenario, { seed: 'label-audit', clock: new ReplayClock() });
  const heard = new Set<string>();
  const disagreements: LabelDisagreement[] = [];
  for (const event of findBestRoute(scenario).events) {
    if (event.type === 'SAY') {
      for (const reply of call.view.replies) {
        if (heard.has(reply.id)) continue;
        heard.add(reply.id);
        const acts = typedReply(classifier, scenario, call.context, reply.text).acts;
        const missing = reply.acts.filter((act) => !acts.includes(act));
        const extra = acts.filter((act) => !reply.acts.includes(act));
        if (missing.length || extra.length) disagreements.push({ replyId: reply.id, quality: reply.quality, text: reply.text, missing, extra });
      }
    }
    call.send(event);
  }
  const notReached = Object.values(scenario.replies)
    .flat()
    .map((reply) => reply.id)
    .filter((id) => !heard.has(id));
  return { scenarioId: scenario.id, audited: heard.size, notReached, disagreements };
}
