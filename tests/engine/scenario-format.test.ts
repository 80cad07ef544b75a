import { readFileSync } from 'node:fs';
import { accountAmounts, accountSections } from '../../src/engine/scenario/account';
import { parseScenario } from '../../src/engine/scenario/scenario-loader';
import { createShippedClassifier } from '../../src/cli/acts/shipped-classifier';
import { typedReply } from '../../src/engine/classifier/typed-reply';
import { initialContext } from '../../src/engine/call/call-context';
import { play } from '../helpers/play';

const TINY = readFileSync('tests/fixtures/tiny-scenario.json', 'utf8');
type Json = Record<string, any>;

function variant(change: (s: Json) => void) {
  const scenario = JSON.parse(TINY);
  change(scenario);
  return parseScenario('scenarios/variant.json', JSON.stringify(scenario, null, 2));
}

const claims = {
  title: 'Claims',
  items: [{ id: 'CL-1', title: 'Claim CL-1: burst pipe', date: '2026-11-02', status: 'open', amounts: [{ label: 'Claimed', amount: 1200 }, { label: 'Deductible', amount: 250 }], details: [{ label: 'Adjuster', value: 'R. Patel' }] }],
};

describe('account sections a scenario defines', () => {
  it('are listed after the built-in ones, and an insurer without bills does not show empty bill tabs', () => {
    const result = variant((s) => {
      s.account.sections = { claims };
      s.account.bills = [];
      s.account.invoices = [];
      s.account.payments = [];
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(accountSections(result.scenario.account)).toEqual(['holder', 'addresses', 'policy', 'history', 'claims']);
    expect(accountAmounts(result.scenario.account)).toEqual([1200, 250]);
  });

  it('can be looked up, and a guard can wait for the look-up', () => {
    const result = variant((s) => {
      s.account.sections = { claims };
      s.validity = { lookups: ['claims'] };
      s.machine.states.resolving.on.HEARD[0].guard = { type: 'all', params: { of: [{ type: 'offered', params: {} }, { type: 'lookedUp', params: { section: 'claims' } }] } };
    });
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    const withoutLookup = play(result.scenario, ['ANSWER', 'greet-good', 'vent-empathy', 'fix-right']);
    expect(withoutLookup.view.phase).toBe('resolving');
    const withLookup = play(result.scenario, ['ANSWER', 'LOOKUP claims', 'greet-good', 'vent-empathy', 'fix-right']);
    expect(withLookup.view.phase).toBe('closing');
  });

  it('a look-up of a section nobody defined is an error at its path', () => {
    const result = variant((s) => {
      s.validity = { lookups: ['claim'] };
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ path: 'validity.lookups[0]', message: expect.stringMatching(/account section "claim" is not defined; expected one of: .*history/) }));
  });

  it('a section may not take the name of a built-in one', () => {
    const result = variant((s) => (s.account.sections = { bills: claims }));
    expect(result.problems).toContainEqual(expect.objectContaining({ path: 'account.sections.bills', message: expect.stringMatching(/already has/) }));
  });
});

describe('shared handlers', () => {
  const demand = [{ guard: { type: 'said', params: { anyOf: ['dismissal'] } }, target: '#tiny.lost' }];

  it('are written once, used by several states, and behave as if written in each', () => {
    const result = variant((s) => {
      s.handlers = { brushOff: demand };
      s.machine.states.opening.on.HEARD.unshift({ use: 'brushOff' });
      s.machine.states.closing.on.HEARD.unshift({ use: 'brushOff' });
    });
    expect(result.problems).toEqual([]);
    if (!result.ok) return;
    expect(play(result.scenario, ['ANSWER', 'greet-meh']).view.ending?.state).toBe('lost');
    expect(play(result.scenario, ['ANSWER', 'greet-good', 'vent-empathy', 'fix-right', 'close-bad']).view.ending?.state).toBe('lost');
    expect(play(result.scenario, ['ANSWER', 'greet-good', 'vent-empathy', 'fix-right', 'close-good']).view.ending?.state).toBe('resolved');
  });

  it('a mistake inside a handler is reported where the handler is written', () => {
    const result = variant((s) => {
      s.handlers = { brushOff: [{ target: 'nowhere' }] };
      s.machine.states.opening.on.HEARD.unshift({ use: 'brushOff' });
    });
    expect(result.problems).toContainEqual(expect.objectContaining({ path: 'handlers.brushOff[0].target', message: expect.stringMatching(/"nowhere" is not a sibling of "opening"/) }));
  });

  it('using an undefined handler, or adding fields beside "use", is an error; an unused one is a warning', () => {
    const unknown = variant((s) => s.machine.states.opening.on.HEARD.unshift({ use: 'brushof' }));
    expect(unknown.problems).toContainEqual(expect.objectContaining({ path: 'machine.states.opening.on.HEARD[0].use', message: expect.stringMatching(/handler "brushof" is not defined/) }));
    const extra = variant((s) => {
      s.handlers = { brushOff: demand };
      s.machine.states.opening.on.HEARD.unshift({ use: 'brushOff', target: 'venting' });
    });
    expect(extra.problems).toContainEqual(expect.objectContaining({ path: 'machine.states.opening.on.HEARD[0].use', severity: 'error' }));
    const unused = variant((s) => (s.handlers = { brushOff: demand }));
    expect(unused.ok).toBe(true);
    expect(unused.problems).toContainEqual(expect.objectContaining({ path: 'handlers.brushOff', severity: 'warning' }));
  });
});

describe('a security breach', () => {
  it('may be labelled harmful without a harmful act when the reply reads out account details', () => {
    const breach = { id: 'greet-breach', text: 'Hi! Your balance is 30 and your address is 4 Elm Road.', acts: ['greeting'], quality: 'harmful', disclosesAccount: true };
    expect(variant((s) => s.replies.greet.push(breach)).ok).toBe(true);
    const unmarked = variant((s) => s.replies.greet.push({ ...breach, disclosesAccount: undefined }));
    expect(unmarked.problems).toContainEqual(expect.objectContaining({ path: 'replies.greet[3].quality', message: expect.stringMatching(/disclosesAccount/) }));
  });
});

describe('the glossary', () => {
  const classifier = createShippedClassifier();
  const insurer = (neutral: boolean) => {
    const result = variant((s) => (s.glossary = [{ term: 'policy', meaning: 'the insurance contract', neutral }]));
    if (!result.ok) throw new Error('variant does not load');
    return result.scenario;
  };
  const heard = (neutral: boolean, text: string) => {
    const scenario = insurer(neutral);
    return typedReply(classifier, scenario, initialContext(scenario, 's', 0), text).acts;
  };

  it('a neutral domain word is not heard as negative wording, but negative wording around it still is', () => {
    expect(heard(false, "That's policy.")).toContain('negativeWording');
    expect(heard(true, "That's policy.")).not.toContain('negativeWording');
    expect(heard(true, 'Under your policy the deductible is 250 dollars.')).not.toContain('negativeWording');
    expect(heard(true, "Our policy says we can't refund that.")).toContain('negativeWording');
  });

  it('a word cannot be both jargon and neutral', () => {
    const result = variant((s) => {
      s.jargon = ['policy'];
      s.glossary = [{ term: 'Policy', neutral: true }];
    });
    expect(result.problems).toContainEqual(expect.objectContaining({ path: 'glossary[0].neutral', severity: 'error' }));
  });
});

describe('structured amounts in the call notes', () => {
  it('an amount from a section of the scenario\'s own is an amount on the account', async () => {
    const { scoreCall } = await import('../../src/engine/scoring/scorer');
    const result = variant((s) => (s.account.sections = { claims }));
    if (!result.ok) throw new Error('variant does not load');
    const call = play(result.scenario, ['ANSWER', 'greet-good', 'vent-empathy', 'fix-right', 'close-good']);
    const notes = { who: '', what: 'Parcel late; claim CL-1 deductible 250.00', when: '', where: '', why: '', action: 'Refunded shipping 4.99' };
    const amounts = scoreCall(result.scenario, call.record(notes)).competencies.flatMap((c) => c.behaviours).find((b) => b.id === 'notesAmounts')!;
    expect(amounts.findings.map((f) => f.note)).toEqual(['Every amount in the notes matches the account']);
  });
});
