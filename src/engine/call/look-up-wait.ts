/**
 * A caller told "one moment while I check" waits longer before asking
 * "Hello?", and so does one who can hear the agent pulling up the account.
 * This recognises a trainee turn that announces a look-up; the customer
 * machine then grants the scenario's `timing.lookupWaitMs` once for that
 * quiet stretch (see compile.ts), as it does when a look-up is made.
 */
import { normalise, remembered } from '../text';

const ANNOUNCES_LOOK_UP = [
  // "Let me check", "I'll pull up your account", "I'm just looking", "I'm going to bring it up".
  /\b(let me|let's|i'll|i will|i'm going to|i am going to|i'm just|i am just)( just| quickly)? (check|look|pull|bring|find|search|open|have a look|take a look|go through)/,
  /\bi'm (checking|looking|pulling|bringing|searching|opening)\b/,
  // "while I check", "so I can find your membership": the look-up is what the question is for.
  /\b(while|so|so that|and) i (can )?(check|look|pull|bring|find|search|open|have a look|take a look)\b/,
  /\b(one|a|just a|give me a|bear with me a) (moment|second|sec|minute|mo)\b/,
  /\bbear with me\b/,
];

export const announcesLookUp = remembered((text: string): boolean => {
  const said = normalise(text);
  return ANNOUNCES_LOOK_UP.some((pattern) => pattern.test(said));
});
