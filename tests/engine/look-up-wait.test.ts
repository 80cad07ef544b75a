/** Which trainee turns tell the customer a look-up is coming, so they wait longer in silence. */
import { describe, expect, it } from 'vitest';
import { announcesLookUp } from '../../src/engine/call/look-up-wait';

describe('announcing a look-up', () => {
  it('hears the ways an agent says they are about to check the account', () => {
    for (const said of [
      'Let me look that up for you.',
      "One moment while I check your bills.",
      "Could you give me your full name and date of birth so I can find your membership?",
      "I'll pull up your account now.",
      'Bear with me, I’m just checking the delivery note.',
      'Give me a second to bring the order up.',
    ]) expect(announcesLookUp(said), said).toBe(true);
  });

  it('does not hear one in turns that promise no wait', () => {
    for (const said of [
      'Good morning, this is Sam. How can I help?',
      "I'm sorry to hear that, it must be frustrating.",
      'Is there anything else I can help you with today?',
      'The refund will reach your card in 3 to 5 business days.',
    ]) expect(announcesLookUp(said), said).toBe(false);
  });
});
