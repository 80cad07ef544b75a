/**
 * The smallest complete scenario: a caller whose parcel is late. It passes
 * every check with no warning, so `npm run scenario:new` and the studio's
 * "New from template" start from something that plays, and a trainer
 * changes it a piece at a time.
 */
export function scenarioTemplate(id: string): Record<string, unknown> {
  return {
    $schema: './scenario.schema.json',
    id,
    version: 1,
    title: 'A late parcel',
    summary: 'A customer whose parcel is five days late wants it sorted',
    level: 'I',
    expectedMinutes: 3,
    currency: 'USD',
    persona: {
      name: 'Pat Example',
      description: 'Annoyed but reasonable; calms down when listened to',
      mood: { anger: 55, trust: 40, confusion: 10, patience: 60 },
      voice: { lang: 'en-US', pitch: 1, rate: 1, hint: 'neutral' },
    },
    briefing: 'A customer is calling about a parcel that has not arrived.',
    replyMode: 'either',
    account: {
      holder: 'Pat Example',
      number: 'P-1001',
      identity: [{ label: 'Postcode', value: '12345' }],
      addresses: [{ label: 'Home', lines: ['1 Example Street', 'Springfield'] }],
      bills: [],
      payments: [],
      invoices: [],
      history: [],
      sections: {
        orders: {
          title: 'Orders',
          items: [{ id: 'O-77', title: 'Order O-77: desk lamp', date: '2026-11-02', status: 'shipped, not delivered', amounts: [{ label: 'Item', amount: 25.0 }, { label: 'Shipping', amount: 4.99 }], details: [] }],
        },
      },
    },
    facts: {
      parcelLate: { category: 'what', summary: 'The parcel is five days late', says: [{ text: 'My parcel is five days late.' }], noteKeywords: ['late'] },
      orderedMonday: { category: 'when', summary: 'Ordered on Monday 2 November', says: [{ text: 'I ordered it on Monday the second.' }], revealWhen: { anger: { below: 70 } }, noteKeywords: ['monday', '2 nov'] },
    },
    flags: [],
    policy: {
      summary: 'Late parcels get their shipping refunded',
      terms: ['Shipping (4.99) is refunded when a parcel is more than three days late'],
      escalation: 'unnecessary',
      resolutions: {
        refundShipping: { correct: true, summary: 'Refund the 4.99 shipping', amount: 4.99, arithmetic: 'Shipping on order O-77 was 4.99', noteKeywords: ['refund'] },
        refundAll: { correct: false, summary: 'Refund the whole order', amount: 29.99, why: 'Only the shipping is refunded for a late parcel', noteKeywords: ['refund'] },
      },
    },
    validity: { facts: ['orderedMonday'], lookups: ['orders'] },
    weights: {},
    moodEffects: {},
    jargon: [],
    glossary: [],
    handlers: {},
    lines: {
      hello: [{ text: 'Finally! Where is my parcel?', when: { anger: { atLeast: 50 } } }, { text: "Hi, I'm calling about my parcel." }],
      waiting: [{ text: 'Okay. So what are you going to do about it?' }],
      offerHeard: [{ text: 'The shipping back? Fine, thank you.' }],
      bye: [{ text: 'Thanks, bye.' }],
      storm: [{ text: "Don't tell me to calm down! I'm done." }],
      transfer: [{ text: 'Fine, put me through.' }],
    },
    replies: {
      greet: [
        { id: 'greet-good', text: 'Good morning, thanks for calling. Can I take your postcode, and then tell me what has happened?', acts: ['greeting', 'verifyIdentity', 'askWhat'], quality: 'good' },
        { id: 'greet-ok', text: 'Hello.', acts: ['greeting'], quality: 'mediocre' },
        { id: 'greet-rude', text: 'Yeah?', acts: ['dismissal'], quality: 'harmful', coaching: 'Good morning, thanks for calling. How can I help?' },
      ],
      listen: [
        { id: 'listen-good', text: "So your parcel is five days late. I'm sorry, that sounds really frustrating. When did you order it?", acts: ['paraphrase', 'empathy', 'apology', 'askWhen'], quality: 'good' },
        { id: 'listen-ok', text: 'When did you order it?', acts: ['askWhen'], quality: 'mediocre' },
        { id: 'listen-calm', text: 'Calm down, please.', acts: ['negativeWording'], quality: 'harmful', coaching: 'I can hear how frustrating this is.' },
      ],
      fix: [
        { id: 'fix-right', text: "I'll refund the 4.99 shipping today.", acts: ['offerOptions', 'setExpectations'], quality: 'good', offers: 'refundShipping' },
        { id: 'fix-wrong', text: "I'll refund the whole order.", acts: ['offerOptions'], quality: 'mediocre', offers: 'refundAll' },
        { id: 'fix-blame', text: 'You should have paid for express.', acts: ['blame'], quality: 'harmful' },
      ],
      close: [
        { id: 'close-good', text: 'Is there anything else I can help with? Thanks for calling.', acts: ['checkResolved', 'closing'], quality: 'good' },
        { id: 'close-ok', text: 'Bye.', acts: ['closing'], quality: 'mediocre' },
        { id: 'close-rude', text: "Don't call again about this.", acts: ['dismissal'], quality: 'harmful' },
      ],
    },
    machine: {
      initial: 'opening',
      on: { ESCALATE: [{ target: '.escalated' }] },
      always: [{ guard: { type: 'mood', params: { anger: { atLeast: 95 } } }, target: '.lost' }],
      states: {
        opening: { entry: [{ type: 'say', params: { line: 'hello' } }], meta: { beat: 'greet' }, on: { HEARD: [{ target: 'listening' }] } },
        listening: { meta: { beat: 'listen' }, on: { HEARD: [{ guard: { type: 'knows', params: { facts: ['orderedMonday'] } }, target: 'resolving' }] } },
        resolving: {
          entry: [{ type: 'say', params: { line: 'waiting' } }],
          meta: { beat: 'fix' },
          on: { HEARD: [{ guard: { type: 'offered', params: {} }, target: 'closing', actions: [{ type: 'say', params: { line: 'offerHeard' } }] }] },
        },
        closing: { meta: { beat: 'close' }, on: { HEARD: [{ guard: { type: 'said', params: { anyOf: ['closing'] } }, target: 'resolved' }] } },
        resolved: { type: 'final', entry: [{ type: 'say', params: { line: 'bye' } }], meta: { ending: { outcome: 'resolved', title: 'Shipping refunded, customer satisfied', best: true } } },
        escalated: { type: 'final', entry: [{ type: 'say', params: { line: 'transfer' } }], meta: { ending: { outcome: 'referred', title: 'Transferred to a supervisor' } } },
        lost: { type: 'final', entry: [{ type: 'say', params: { line: 'storm' } }], meta: { ending: { outcome: 'lost', title: 'The customer hung up angry' } } },
      },
    },
  };
}
