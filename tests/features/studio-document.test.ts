import { describe, expect, it } from 'vitest';
import { scenarioTemplate } from '../../src/engine/scenario/scenario-template';
import { allStateIds, changedText, formForProblem, type ScenarioJson } from '../../src/features/studio/scenario-document';

const template = scenarioTemplate('my-caller') as ScenarioJson;

describe("the studio's forms on the scenario file", () => {
  it('sends each problem to the form where it is fixed', () => {
    expect(formForProblem(template, 'machine.states.listening.on.HEARD[0].target')).toEqual({ tab: 'state', state: 'listening' });
    expect(formForProblem(template, 'replies.fix[1].quality')).toEqual({ tab: 'state', state: 'resolving' });
    expect(formForProblem(template, 'machine.on.ESCALATE[0].target')).toEqual({ tab: 'state', state: '' });
    expect(formForProblem(template, 'facts.parcelLate.says[0].text')).toEqual({ tab: 'customer' });
    expect(formForProblem(template, 'policy.resolutions.refundAll.why')).toEqual({ tab: 'account' });
    expect(formForProblem(template, 'title')).toEqual({ tab: 'scenario' });
    // Beats no state offers, shared handlers and syntax errors have no form: they open the JSON.
    expect(formForProblem(template, 'replies.nowhere[0]')).toEqual({ tab: 'json' });
    expect(formForProblem(template, 'handlers.demand[0]')).toEqual({ tab: 'json' });
    expect(formForProblem(template, undefined)).toEqual({ tab: 'json' });
  });

  it('writes a form change as the whole file in two-space JSON, leaving the original untouched', () => {
    const text = changedText(template, (copy) => void (copy.title = 'A lost parcel'));
    expect(JSON.parse(text).title).toBe('A lost parcel');
    expect(text).toBe(`${JSON.stringify({ ...template, title: 'A lost parcel' }, null, 2)}\n`);
    expect(template.title).toBe('A late parcel');
  });

  it("lists nested states in the state chooser, so a state picked in the diagram is one it knows", () => {
    const nested = structuredClone(template);
    const first = Object.keys(nested.machine!.states!)[0]!;
    nested.machine!.states![first] = { ...nested.machine!.states![first], initial: 'calm', states: { calm: {}, boiling: {} } };
    const ids = allStateIds(nested);
    expect(ids).toContain(`${first}.boiling`);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(`${first}.calm`));
    expect(ids).toEqual(expect.arrayContaining(Object.keys(template.machine!.states!)));
  });
});
