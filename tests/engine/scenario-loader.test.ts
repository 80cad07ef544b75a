import { readFileSync } from 'node:fs';
import { formatProblem, loadScenarios, parseScenario } from '../../src/engine/scenario/scenario-loader';

const TINY = readFileSync('tests/fixtures/tiny-scenario.json', 'utf8');

type Json = Record<string, any>;

/**
 * Each malformed fixture is the valid tiny scenario with one mistake a
 * trainer could make, the path where the error must be reported, and words
 * the message must contain.
 */
const MALFORMED: { name: string; breakIt: (s: Json) => void; path: string; says: RegExp }[] = [
  { name: 'missing-target', breakIt: (s) => (s.machine.states.opening.on.HEARD[0].target = 'ventng'), path: 'machine.states.opening.on.HEARD[0].target', says: /"ventng" is not a sibling.*venting/ },
  { name: 'bad-id-target', breakIt: (s) => (s.machine.states.venting.states.listening.on.HEARD[0].target = '#tiny.resolvng'), path: 'machine.states.venting.states.listening.on.HEARD[0].target', says: /no state has the id "tiny.resolvng"/ },
  { name: 'unknown-act', breakIt: (s) => (s.replies.greet[0].acts = ['greting']), path: 'replies.greet[0].acts[0]', says: /expected one of "greeting"/ },
  { name: 'unknown-guard', breakIt: (s) => (s.machine.states.closing.on.HEARD[0].guard = { type: 'sad', params: {} }), path: 'machine.states.closing.on.HEARD[0].guard.type', says: /unknown guard type; expected one of: said, mood/ },
  { name: 'unknown-action', breakIt: (s) => (s.machine.states.resolving.entry[0] = { type: 'shout', params: {} }), path: 'machine.states.resolving.entry[0].type', says: /unknown action type; expected one of: say, reveal/ },
  { name: 'missing-line', breakIt: (s) => (s.machine.states.resolving.entry[0].params.line = 'nope'), path: 'machine.states.resolving.entry[0].params.line', says: /line "nope" is not defined/ },
  { name: 'missing-fact-in-guard', breakIt: (s) => (s.machine.states.venting.states.listening.on.HEARD[0].guard.params.facts = ['ghost']), path: 'machine.states.venting.states.listening.on.HEARD[0].guard.params.facts[0]', says: /fact "ghost" is not defined; expected one of: parcelLate, orderedMonday/ },
  { name: 'missing-beat', breakIt: (s) => (s.machine.states.closing.meta.beat = 'goodbye'), path: 'machine.states.closing.meta.beat', says: /beat "goodbye" is not defined/ },
  { name: 'missing-resolution', breakIt: (s) => (s.replies.fix[0].offers = 'refundEverything'), path: 'replies.fix[0].offers', says: /resolution "refundEverything" is not defined/ },
  { name: 'undeclared-flag', breakIt: (s) => s.machine.states.opening.on.HEARD[0].actions = [{ type: 'flag', params: { flag: 'angry' } }], path: 'machine.states.opening.on.HEARD[0].actions[0].params.flag', says: /flag "angry" is not defined/ },
  { name: 'too-few-replies', breakIt: (s) => s.replies.close.pop(), path: 'replies.close', says: /at least three prepared replies/ },
  { name: 'mood-out-of-range', breakIt: (s) => (s.persona.mood.anger = 140), path: 'persona.mood.anger', says: /100/ },
  { name: 'wrong-level', breakIt: (s) => (s.level = 'IV'), path: 'level', says: /"I"\|"II"\|"III"/ },
  { name: 'misspelt-field', breakIt: (s) => (s.persona.mod = s.persona.mood), path: 'persona.mod', says: /unknown field "mod"/ },
  { name: 'string-transition', breakIt: (s) => (s.machine.states.opening.on.HEARD = 'venting'), path: 'machine.states.opening.on.HEARD', says: /expected array/ },
  { name: 'dead-end-state', breakIt: (s) => delete s.machine.states.closing.on, path: 'machine.states.closing', says: /no way out/ },
  { name: 'unreachable-state', breakIt: (s) => (s.machine.states.orphan = { meta: { beat: 'close' }, on: { HEARD: [{ target: 'resolved' }] } }), path: 'machine.states.orphan', says: /can never be entered/ },
  { name: 'final-without-ending', breakIt: (s) => delete s.machine.states.lost.meta, path: 'machine.states.lost.meta.ending', says: /needs meta.ending/ },
  { name: 'no-best-ending', breakIt: (s) => delete s.machine.states.resolved.meta.ending.best, path: 'machine.states', says: /no ending is marked "best"/ },
  { name: 'reserved-state-name', breakIt: (s) => (s.machine.states.ringing = { type: 'final', meta: { ending: { outcome: 'lost', title: 'x' } } }), path: 'machine.states.ringing', says: /engine adds to every call/ },
  { name: 'harmful-without-harm', breakIt: (s) => (s.replies.vent[1].acts = ['empathy']), path: 'replies.vent[1].quality', says: /harmful reply needs at least one harmful act/ },
  { name: 'missing-initial-child', breakIt: (s) => (s.machine.states.venting.initial = 'ranting'), path: 'machine.states.venting.initial', says: /child state "ranting" is not defined; expected one of: listening/ },
  { name: 'no-escalate', breakIt: (s) => delete s.machine.on, path: 'machine.on.ESCALATE', says: /must say where ESCALATE goes/ },
  { name: 'asks-unknown-fact', breakIt: (s) => (s.replies.vent[2].asks = ['deliveryDate']), path: 'replies.vent[2].asks[0]', says: /fact "deliveryDate" is not defined; expected one of: parcelLate, orderedMonday/ },
  { name: 'asks-without-question', breakIt: (s) => (s.replies.greet[2].asks = ['orderedMonday']), path: 'replies.greet[2].asks[0]', says: /"when" fact, but the reply's acts ask no "when" question/ },
  { name: 'bad-date', breakIt: (s) => (s.account.bills[0].issued = '1 October'), path: 'account.bills[0].issued', says: /date/i },
  { name: 'unknown-checklist-row', breakIt: (s) => (s.checklist = ['004-confer', '004-cancel']), path: 'checklist[1]', says: /004-confer/ },
  { name: 'checklist-row-twice', breakIt: (s) => (s.checklist = ['004-records', '004-records']), path: 'checklist[1]', says: /row "004-records" is listed twice/ },
  { name: 'best-unreachable', breakIt: (s) => (s.machine.states.closing.on.HEARD[0].guard = { type: 'flagged', params: { flag: 'never' } }) && s.flags.push('never'), path: 'machine', says: /no sequence of prepared replies reaches an ending marked "best"/ },
];

function broken(breakIt: (s: Json) => void): string {
  const scenario = JSON.parse(TINY);
  scenario.flags = scenario.flags ?? [];
  breakIt(scenario);
  return JSON.stringify(scenario, null, 2);
}

describe('scenario loader', () => {
  it('accepts the valid fixture with no problems at all', () => {
    const result = parseScenario('tiny-scenario.json', TINY);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(MALFORMED)('$name: names the file and the path, and says what was expected', ({ name, breakIt, path, says }) => {
    const file = `scenarios/${name}.json`;
    const result = parseScenario(file, broken(breakIt));
    expect(result.ok).toBe(false);
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    const match = errors.find((problem) => problem.path === path);
    expect(match, `errors were: ${errors.map(formatProblem).join('\n')}`).toBeDefined();
    expect(formatProblem(match!)).toMatch(new RegExp(`^scenarios/${name}\\.json:\\d+:\\d+: ${path.replace(/[.[\]]/g, '\\$&')}: `));
    expect(match!.message).toMatch(says);
  });

  it('reports broken JSON by line and column', () => {
    const result = parseScenario('scenarios/broken.json', '{\n  "id": "x",\n  "version": 1,,\n}');
    expect(result.ok).toBe(false);
    expect(formatProblem(result.problems[0]!)).toBe('scenarios/broken.json:3:16: not valid JSON: a "quoted" field name was expected');
  });

  it('reports a key written twice in one object as a duplicate, with both places', () => {
    const text = TINY.replace('"version": 1,', '"version": 1,\n  "title": "Copy",');
    const result = parseScenario('scenarios/twice.json', text);
    expect(result.ok).toBe(false);
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.includes('"title"')) + 1;
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^scenarios/twice\\.json:\\d+:3: title: duplicate key "title": it is already written at line ${first}, column 3`)),
    ]);
    expect(lines[result.problems[0]!.line! - 1]).toContain('"title"');
    expect(result.problems[0]!.line).not.toBe(first);
  });

  it('gives every problem the line and column where its path is written, or the nearest enclosing field when it is missing', () => {
    const text = broken((s) => {
      s.machine.states.opening.on.HEARD[0].target = 'ventng';
      delete s.machine.states.lost.meta;
    });
    const result = parseScenario('scenarios/two.json', text);
    const lines = text.split('\n');
    const target = result.problems.find((problem) => problem.path.endsWith('HEARD[0].target'))!;
    expect(lines[target.line! - 1]).toContain('"target": "ventng"');
    const missing = result.problems.find((problem) => problem.path === 'machine.states.lost.meta.ending')!;
    expect(lines[missing.line! - 1]).toContain('"lost"');
  });

  it('reports the end of the file cut short with a line and column', () => {
    const result = parseScenario('scenarios/cut.json', TINY.slice(0, 200));
    expect(formatProblem(result.problems[0]!)).toMatch(/^scenarios\/cut\.json:\d+:\d+: not valid JSON: /);
  });

  it('loads the good files when another one is broken, and reports the broken one', () => {
    // Default state ids start with the scenario id, so a renamed copy renames its #targets too.
    const good2 = JSON.parse(TINY.replaceAll('#tiny.', '#tiny-two.'));
    good2.id = 'tiny-two';
    const { scenarios, problems } = loadScenarios([
      { file: 'scenarios/a.json', text: TINY },
      { file: 'scenarios/b.json', text: broken((s) => (s.machine.states.opening.on.HEARD[0].target = 'nowhere')) },
      { file: 'scenarios/c.json', text: JSON.stringify(good2) },
    ]);
    expect(scenarios.map((scenario) => scenario.id)).toEqual(['tiny', 'tiny-two']);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^scenarios\/b\.json:\d+:\d+: machine\.states\.opening\.on\.HEARD\[0\]\.target: /)]);
  });

  it('refuses a second scenario with the same id, naming the first file', () => {
    const { scenarios, problems } = loadScenarios([
      { file: 'scenarios/a.json', text: TINY },
      { file: 'scenarios/copy.json', text: TINY },
    ]);
    expect(scenarios).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toBe('scenarios/copy.json: id: id "tiny" is already used by scenarios/a.json');
  });

  it('warns when a reply uses the scenario\'s own jargon without being labelled jargon', () => {
    const result = parseScenario('scenarios/jargon.json', broken((s) => (s.jargon = ['express'])));
    expect(result.ok).toBe(true);
    expect(result.problems.map(formatProblem)).toContainEqual(expect.stringMatching(/^scenarios\/jargon\.json:\d+:9: replies\.fix\[2\]\.acts: warning: the reply says "express", which is in this scenario's jargon list, but is not labelled jargon/));
  });

  it('warns about lines that are never said, without refusing the file', () => {
    const result = parseScenario('scenarios/extra.json', broken((s) => (s.lines.spare = [{ text: 'unused' }])));
    expect(result.ok).toBe(true);
    expect(result.problems.map(formatProblem)).toContain('scenarios/extra.json:146:5: lines.spare: warning: line "spare" is never said');
  });
});
