import { Call } from '../../src/engine/call/call';
import { initialContext, recordEvent, say } from '../../src/engine/call/call-context';
import { ReplayClock } from '../../src/engine/clock';
import { advance, loadScenarioFile, newClock, play } from '../helpers/play';

const tiny = loadScenarioFile('tests/fixtures/tiny-scenario.json');

const customerLines = (call: Call) => call.view.transcript.flatMap((entry) => (entry.kind === 'customer' ? [entry.text] : []));
/** Each entry stamped earlier than the one listed before it, as "index: time". */
const timesRunBackwards = (call: Call) =>
  call.view.transcript.flatMap((entry, index) => (index > 0 && entry.at < call.view.transcript[index - 1]!.at ? [`${index}: ${entry.at}`] : []));
const events = (call: Call) => call.view.transcript.flatMap((entry) => (entry.kind === 'event' ? [entry.event] : []));

describe('a call', () => {
  it('rings until answered, then the customer speaks in the mood they start in', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    expect(call.view.status).toBe('ringing');
    expect(call.view.replies).toEqual([]);
    call.answer();
    expect(call.view.status).toBe('live');
    expect(call.view.phase).toBe('opening');
    // Anger starts at 60, so the angry variant of the greeting is chosen.
    expect(customerLines(call)).toEqual(['Finally! Where is my parcel?']);
    expect(call.view.replies.map((reply) => reply.id).sort()).toEqual(['greet-good', 'greet-meh', 'greet-ok']);
  });

  it('shows the prepared replies in an order set by the seed, not always the author\'s order', () => {
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) => play(tiny, ['ANSWER'], { seed }).view.replies.map((reply) => reply.id).join()));
    expect(orders.size).toBeGreaterThan(1);
    const again = play(tiny, ['ANSWER'], { seed: 'a' }).view.replies.map((reply) => reply.id).join();
    expect(again).toBe(play(tiny, ['ANSWER'], { seed: 'a' }).view.replies.map((reply) => reply.id).join());
  });

  it('becomes a missed call when nobody answers before the ring timeout', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    advance(clock, tiny.timing.ringTimeoutMs + 500);
    expect(call.view.status).toBe('ended');
    expect(call.view.ending?.state).toBe('missedCall');
    expect(call.view.ending?.detail.outcome).toBe('lost');
  });

  it('moves mood by the acts of each reply, and soothing wears off when repeated', () => {
    const call = play(tiny, ['ANSWER', 'greet-good']);
    const before = call.view.mood.anger;
    call.choose('vent-empathy'); // empathy and apology: anger falls
    const afterFirst = call.view.mood.anger;
    expect(afterFirst).toBeLessThan(before);
    expect(call.view.phase).toBe('resolving');
    call.choose('fix-blame'); // blame: anger rises sharply, the customer is not moved on
    expect(call.view.mood.anger).toBeGreaterThan(afterFirst + 15);
    expect(call.view.phase).toBe('resolving');
  });

  it('keeps every mood within 0 to 100 while being provoked until it hangs up', () => {
    const call = play(tiny, ['ANSWER', 'greet-good', 'vent-empathy']);
    while (call.view.status === 'live') {
      call.choose('fix-blame');
      for (const value of Object.values(call.view.mood)) expect(value).toBeGreaterThanOrEqual(0);
      for (const value of Object.values(call.view.mood)) expect(value).toBeLessThanOrEqual(100);
    }
    expect(call.view.ending?.state).toBe('lost');
    expect(call.view.mood.anger).toBeGreaterThanOrEqual(95);
  });

  it('refuses to answer while furious, and answers once calmer', () => {
    // Dismissal first: anger climbs past the 70 the "when" fact needs.
    const call = play(tiny, ['ANSWER', 'greet-meh', 'vent-when']);
    expect(call.view.mood.anger).toBeGreaterThanOrEqual(70);
    expect(customerLines(call).at(-1)).toMatch(/not answering any more questions/);
    expect(call.context.revealed).not.toContain('orderedMonday');
    const calm = play(tiny, ['ANSWER', 'greet-good', 'vent-when']);
    expect(customerLines(calm)).toContain('I ordered it on Monday the second.');
    expect(calm.view.phase).toBe('resolving');
  });

  it('answers the fact a reply asks about when the reply names it', () => {
    const precise = structuredClone(tiny);
    precise.facts.orderedLate = { category: 'when', summary: 'Noticed it was late on Friday', says: [{ text: 'I noticed on Friday that it had not come.' }], noteKeywords: ['friday'] };
    // Without "asks", a "when" question gets the first untold "when" fact: the order date.
    expect(customerLines(play(precise, ['ANSWER', 'greet-good', 'vent-when']))).toContain('I ordered it on Monday the second.');
    const vent = precise.replies.vent!.find((reply) => reply.id === 'vent-when')!;
    vent.asks = ['orderedLate'];
    const lines = customerLines(play(precise, ['ANSWER', 'greet-good', 'vent-when']));
    expect(lines).toContain('I noticed on Friday that it had not come.');
    expect(lines).not.toContain('I ordered it on Monday the second.');
  });

  it('hangs up when pushed past its anger limit, before answering the turn', () => {
    const call = play(tiny, ['ANSWER', 'greet-meh', 'vent-calm', 'vent-calm']);
    expect(call.view.status).toBe('ended');
    expect(call.view.ending).toMatchObject({ state: 'lost', detail: { outcome: 'lost' } });
    expect(customerLines(call).at(-1)).toBe("Don't tell me to calm down! I'm done.");
  });

  it('reacts when the trainee is silent too long, counting from when the customer stopped speaking, and again if the silence goes on', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    call.answer();
    const silences = () => events(call).filter((event) => event === 'silence').length;
    const patience = call.view.mood.patience;
    advance(clock, tiny.timing.silenceMs - 1000);
    call.choose('greet-good'); // speaking restarts the silence clock
    const stillSpeaking = call.context.speakingUntil - (clock.now() - call.context.startedAt);
    expect(stillSpeaking).toBeGreaterThan(0);
    advance(clock, stillSpeaking + tiny.timing.silenceMs - 1000);
    expect(silences()).toBe(0);
    advance(clock, 2000);
    expect(silences()).toBe(1);
    expect(customerLines(call).at(-1)).toMatch(/still there|anyone there/);
    expect(call.view.mood.patience).toBeLessThan(patience);
    advance(clock, tiny.timing.silenceMs + 5000);
    expect(silences()).toBe(2);
  });

  it('does not count silence while the trainee is composing a reply, and carries on from where it stood when they stop', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    call.answer();
    const silences = () => events(call).filter((event) => event === 'silence').length;
    advance(clock, call.context.speakingUntil + tiny.timing.silenceMs - 4000);
    call.send({ type: 'COMPOSING', composing: true });
    advance(clock, tiny.timing.silenceMs * 4);
    expect(silences()).toBe(0);
    call.send({ type: 'COMPOSING', composing: false });
    advance(clock, 3000);
    expect(silences()).toBe(0);
    advance(clock, 2000);
    expect(silences()).toBe(1);
  });

  it('gives the thinking time set for the call before noticing silence', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock, thinkingMs: 30_000 });
    call.answer();
    advance(clock, call.context.speakingUntil + tiny.timing.silenceMs + 29_000);
    expect(events(call)).not.toContain('silence');
    advance(clock, 2000);
    expect(events(call)).toContain('silence');
  });

  it('waits longer while the trainee looks something up, once per quiet stretch, so clicking through the account does not hold the customer for ever', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    call.answer();
    const silences = () => events(call).filter((event) => event === 'silence').length;
    const { silenceMs, lookupWaitMs } = tiny.timing;
    expect(lookupWaitMs).toBeGreaterThan(0);
    advance(clock, call.context.speakingUntil + 2000);
    call.send({ type: 'LOOKUP', section: 'bills' });
    advance(clock, 2000);
    call.send({ type: 'LOOKUP', section: 'history' });
    // 4 s of silence so far; the customer allows silenceMs plus one look-up wait in all.
    advance(clock, silenceMs + lookupWaitMs - 5000);
    expect(silences()).toBe(0);
    advance(clock, 2000);
    expect(silences()).toBe(1);
    // After "Hello?" the wait is used up: the next silence is noticed at the usual time.
    advance(clock, call.context.speakingUntil - (clock.now() - call.context.startedAt) + silenceMs + 1000);
    expect(silences()).toBe(2);
  });

  it('waits longer after being told "one moment while I check", and not after an ordinary turn', () => {
    const quietAfter = (text: string) => {
      const clock = newClock();
      const call = new Call(tiny, { seed: 's', clock });
      call.answer();
      call.send({ type: 'SAY', reply: { text, acts: ['greeting', 'setExpectations'] } });
      const first = () => call.view.transcript.find((entry) => entry.kind === 'event' && entry.event === 'silence');
      for (let waited = 0; !first() && waited < 120_000; waited += 1000) advance(clock, 1000);
      return first()!.at - call.context.transcript.findLast((entry) => entry.kind === 'trainee')!.at;
    };
    const told = quietAfter("Hello, this is Sam. One moment while I check your order.");
    const plain = quietAfter('Hello, this is Sam. I will sort this out for you.');
    expect(told - plain).toBeGreaterThanOrEqual(tiny.timing.lookupWaitMs - 1000);
    expect(told - plain).toBeLessThanOrEqual(tiny.timing.lookupWaitMs + 1000);
  });

  it('does not count time on hold as silence', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    call.answer();
    call.send({ type: 'HOLD' });
    advance(clock, tiny.timing.silenceMs + tiny.timing.holdTickMs);
    call.send({ type: 'RESUME' });
    advance(clock, tiny.timing.silenceMs - 1000);
    expect(events(call)).not.toContain('silence');
  });

  it('drains patience on hold, ignores speech on hold, and the customer hangs up when it runs out', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    call.answer();
    call.choose('greet-good');
    call.send({ type: 'HOLD' });
    expect(call.view.onHold).toBe(true);
    const patience = call.view.mood.patience;
    advance(clock, tiny.timing.holdTickMs * 2 + 100);
    expect(call.view.mood.patience).toBe(patience - 2 * tiny.timing.holdPatienceDrain);
    const turns = call.view.transcript.length;
    call.send({ type: 'SAY', reply: { text: 'Hello?', acts: ['greeting'] } });
    expect(call.view.transcript).toHaveLength(turns);
    advance(clock, tiny.timing.holdTickMs * 10);
    expect(call.view.ending?.state).toBe('hungUpOnHold');
  });

  it('stops draining and carries on where it was after resuming', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 's', clock });
    call.answer();
    call.choose('greet-good');
    call.send({ type: 'HOLD' });
    advance(clock, tiny.timing.holdTickMs + 100);
    call.send({ type: 'RESUME' });
    const patience = call.view.mood.patience;
    advance(clock, tiny.timing.holdTickMs * 3);
    expect(call.view.mood.patience).toBeGreaterThanOrEqual(patience - 10); // one silence prompt at most, no hold drain
    expect(call.view.phase).toBe('venting');
    expect(events(call)).toEqual(expect.arrayContaining(['hold', 'resume']));
  });

  it('holds back the customer\'s own transitions while they are on hold', () => {
    const eager = structuredClone(tiny);
    eager.machine.states.resolving!.always = [{ guard: { type: 'lookedUp', params: { section: 'bills' } }, target: 'closing', actions: [{ type: 'say', params: { line: 'offerHeard' } }] }];
    const call = play(eager, ['ANSWER', 'greet-good', 'vent-empathy', 'HOLD', 'LOOKUP bills']);
    expect(call.view.phase).toBe('resolving');
    expect(customerLines(call)).not.toContain('A refund of the shipping? Fine, thank you.');
    call.send({ type: 'RESUME' });
    expect(call.view.phase).toBe('closing');
  });

  it('keeps the engine\'s "what do you mean?" when a scenario handles HEARD on the machine itself', () => {
    const listening = structuredClone(tiny);
    listening.machine.on!.HEARD = [{ guard: { type: 'said', params: { anyOf: ['blame'] } }, actions: [{ type: 'mood', params: { anger: 5 } }] }];
    const call = play(listening, ['ANSWER', 'greet-good', 'vent-empathy', 'fix-right']);
    call.send({ type: 'SAY', reply: { text: 'Mm.', acts: ['dismissal'] } });
    expect(customerLines(call).at(-1)).toMatch(/don't follow|not sure what you're asking/);
  });

  it('records an escalation even when the current state handles it itself', () => {
    const local = structuredClone(tiny);
    local.machine.states.opening!.on!.ESCALATE = [{ target: 'escalated' }];
    const call = play(local, ['ANSWER', 'ESCALATE']);
    expect(call.view.ending?.state).toBe('escalated');
    expect(events(call)).toContain('escalate');
  });

  it('records lookups, escalation and the trainee hanging up in the transcript', () => {
    const call = play(tiny, ['ANSWER', 'LOOKUP bills', 'greet-good', 'ESCALATE']);
    expect(events(call)).toEqual(['answer', 'lookup', 'escalate']);
    expect(call.view.transcript.find((entry) => entry.kind === 'event' && entry.event === 'lookup')).toMatchObject({ section: 'bills' });
    expect(call.view.ending?.state).toBe('escalated');
    const hungUp = play(tiny, ['ANSWER', 'HANG_UP']);
    expect(hungUp.view.ending).toMatchObject({ state: 'traineeHungUp', detail: { outcome: 'lost' } });
  });

  it('lists a look-up made while a customer line waits its turn before that line, so times never run backwards', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 'test', clock });
    call.answer();
    advance(clock, 3000);
    call.choose('greet-good');
    advance(clock, 1500);
    // The reply is answered twice over: "I ordered it on Monday…" now, "Okay. So what…" once that is said.
    call.choose('vent-empathy');
    call.send({ type: 'LOOKUP', section: 'history' });
    const listed = call.view.transcript.map((entry) => (entry.kind === 'event' ? entry.event : entry.kind === 'customer' ? entry.text : 'trainee'));
    expect(listed.slice(-3)).toEqual(['I ordered it on Monday the second.', 'lookup', 'Okay. So what are you going to do?']);
    expect(timesRunBackwards(call)).toEqual([]);
  });

  it('keeps a customer line the trainee spoke over before their reply, stamped when they spoke', () => {
    const clock = newClock();
    const call = new Call(tiny, { seed: 'test', clock });
    call.answer();
    advance(clock, 3000);
    call.choose('greet-good');
    advance(clock, 1500);
    call.choose('vent-empathy');
    advance(clock, 1000);
    call.choose('fix-right');
    const spokenOver = call.view.transcript.findIndex((entry) => entry.kind === 'customer' && entry.text === 'Okay. So what are you going to do?');
    const reply = call.view.transcript.findIndex((entry) => entry.kind === 'trainee' && entry.replyId === 'fix-right');
    expect(spokenOver).toBe(reply - 1);
    expect(call.view.transcript[spokenOver]!.at).toBe(call.view.transcript[reply]!.at);
    expect(timesRunBackwards(call)).toEqual([]);
  });

  it('moves the places a flag and a refusal point at when an entry goes in before them', () => {
    let context = say(tiny, initialContext(tiny, 's', 0), 'hello', 0);
    context = say(tiny, context, 'listening', 0);
    const queued = context.transcript[1]!;
    context = { ...context, flaggedAt: { supervisorDemanded: 2, early: 1 }, refused: { facts: ['orderedMonday'], at: 1 } };
    const looked = recordEvent(context, 'lookup', queued.at - 1, 'bills');
    expect(looked.transcript.map((entry) => entry.kind)).toEqual(['customer', 'event', 'customer']);
    expect(looked.flaggedAt).toEqual({ supervisorDemanded: 3, early: 1 });
    expect(looked.refused?.at).toBe(2);
  });

  it('asks what the trainee means, and loses patience, when a reply leaves it nothing to react to', () => {
    const call = play(tiny, ['ANSWER', 'greet-good', 'vent-empathy', 'fix-right']);
    const patience = call.view.mood.patience;
    call.send({ type: 'SAY', reply: { text: 'Mm.', acts: [] } });
    expect(customerLines(call).at(-1)).toMatch(/don't follow|not sure what you're asking/);
    expect(call.view.mood.patience).toBe(patience - 2 - 5);
  });

  it('resumes a saved call with the transcript, mood and timers as they were', () => {
    const clock = newClock();
    const first = new Call(tiny, { seed: 's', clock });
    first.answer();
    advance(clock, 2000);
    first.choose('greet-good');
    first.send({ type: 'HOLD' });
    advance(clock, tiny.timing.holdTickMs + 500);
    const saved = JSON.parse(JSON.stringify(first.save()));
    const before = first.view;
    first.stop();

    vi.useFakeTimers();
    const { call, exact } = Call.resume(tiny, saved);
    expect(exact).toBe(true);
    expect(call.view.transcript).toEqual(before.transcript);
    expect(call.view.mood).toEqual(before.mood);
    expect(call.view.onHold).toBe(true);
    // The hold timer came back with the call: patience keeps draining in real time.
    vi.advanceTimersByTime(tiny.timing.holdTickMs);
    vi.useRealTimers();
    expect(call.view.mood.patience).toBe(before.mood.patience - tiny.timing.holdPatienceDrain);
    call.send({ type: 'RESUME' });
    call.choose('vent-empathy');
    expect(call.view.phase).toBe('resolving');
    call.stop();
  });

  it('resumes a call played on a live clock exactly, with handle time and silence carrying on from where they stood', () => {
    // A wall clock that moves a little every time it is read, as a real one does between two lines of code.
    let wall = 1_000_000;
    const live = ReplayClock.live(() => (wall += 7));
    const first = new Call(tiny, { seed: 's', clock: live });
    first.answer();
    wall += 4000;
    first.choose('greet-good');
    wall += 3000;
    const saved = JSON.parse(JSON.stringify(first.save()));
    const before = first.view;
    const silentSince = first.context.silentSince;
    first.stop();

    const { call, exact } = Call.resume(tiny, saved, { carryOverMs: 5000 });
    expect(exact).toBe(true);
    expect(call.view.transcript).toEqual(before.transcript);
    expect(call.context.silentSince).toBe(silentSince);
    // The clock goes on from the saved time, plus the quiet before the reload, rather than from zero.
    expect(call.clock.now()).toBeGreaterThanOrEqual(saved.savedAt + 5000);
    call.stop();
  });

  it('falls back to the saved snapshot when the scenario changed and the replay no longer matches it', () => {
    const clock = newClock();
    const first = new Call(tiny, { seed: 's', clock });
    first.answer();
    first.choose('greet-good');
    const saved = first.save();
    const changed = { ...tiny, version: tiny.version + 1 };
    const { call, exact } = Call.resume(changed, { ...saved, log: saved.log.slice(0, 1) });
    expect(exact).toBe(false);
    expect(call.view.transcript).toEqual(first.view.transcript);
    expect(call.view.beat).toBe('vent');
    call.stop();
  });
});
