import { readBundle, mergeRecords, type SessionRecords } from '../../../src/engine/records/bundle';
import { bundleJsonSchema } from '../../../src/engine/records/bundle-schema';
import { readFileSync } from 'node:fs';
import { entry, findScenario, SPOILT_BUNDLES, validBundle } from '../../helpers/records';

describe('reading a records bundle', () => {
  it('accepts an exported bundle and gives back its sessions and review logs as they were', () => {
    const bundle = validBundle();
    const result = readBundle(JSON.stringify(bundle), findScenario);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.records.map((r) => r.session.id)).toEqual(bundle.sessions.map((s) => s.session.id));
    expect(result.records[1]!.review.map((e) => e.kind)).toEqual(['comment', 'override', 'verdict']);
    expect(result.records[1]!.session.scorecard.overall).toBe(bundle.sessions[1]!.session.scorecard.overall);
  });

  it.each(SPOILT_BUNDLES)('rejects the whole bundle for $name, naming the session and the path', ({ spoil, path, session }) => {
    const bundle = JSON.parse(JSON.stringify(validBundle()));
    spoil(bundle);
    const result = readBundle(JSON.stringify(bundle), findScenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const first = result.problems[0]!;
    if (typeof path === 'string') expect(first.path).toBe(path);
    else expect(first.path).toMatch(path);
    if (session === null) expect(first.session).toBeNull();
    else expect(first.session).toMatch(new RegExp(`${session.slice(1)}$`));
    expect(first.message.length).toBeGreaterThan(10);
  });

  it('says what is wrong with a file that is not JSON, too large or has too many sessions', () => {
    const notJson = readBundle('{"format": "call-trainer-bundle", ', findScenario);
    expect(!notJson.ok && notJson.problems[0]!.message).toMatch(/not JSON/);
    const text = JSON.stringify(validBundle());
    const large = readBundle(text, findScenario, { maxBytes: 1000 });
    expect(!large.ok && large.problems[0]!.message).toMatch(/too large/);
    const many = readBundle(text, findScenario, { maxSessions: 1 });
    expect(!many.ok && many.problems[0]).toMatchObject({ path: 'sessions', message: expect.stringMatching(/Too many sessions: 2/) });
  });

  it('names a tampered score with the figure stored and the figure the scorer gives', () => {
    const bundle = JSON.parse(JSON.stringify(validBundle()));
    bundle.sessions[1].session.scorecard.overall = 95;
    const result = readBundle(JSON.stringify(bundle), findScenario);
    expect(!result.ok && result.problems[0]!.message).toMatch(/stored score is 95, the scorer gives \d+/);
  });
});

describe('merging imported records with stored ones', () => {
  it('keeps every review entry from both sides, each once, and never replaces a stored session', () => {
    const bundle = validBundle();
    const [good, poor] = bundle.sessions as [SessionRecords, SessionRecords];
    const localComment = entry(poor.session.id, 'local-1', { kind: 'comment', turn: null, text: 'Added here before the import.' });
    const stored = new Map([[poor.session.id, { session: poor.session, review: [poor.review[0]!, localComment] }]]);
    const { merged, added, updated } = mergeRecords(stored, [good, poor]);
    expect(added).toBe(1);
    expect(updated).toBe(1);
    const reviewed = merged.find((r) => r.session.id === poor.session.id)!;
    expect(reviewed.review.map((e) => e.id).sort()).toEqual(['c1', 'local-1', 'o1', 'v1']);
    expect(reviewed.session).toBe(poor.session);
  });
});

describe('the published bundle schema', () => {
  it('is the one generated from the import\'s schema (run `npm run schema` after changing it)', () => {
    expect(JSON.parse(readFileSync('schemas/bundle.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(bundleJsonSchema())));
  });
});
