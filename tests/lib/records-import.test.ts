// @vitest-environment jsdom
/**
 * Bundles into this browser's store: a rejected bundle stores nothing, an
 * accepted one adds its sessions with their review status, and importing a
 * copy that carries more review entries adds them without losing any.
 */
import { IDBFactory } from 'fake-indexeddb';
import { SPOILT_BUNDLES, validBundle, entry } from '../helpers/records';

async function fresh() {
  vi.resetModules();
  return {
    ...(await import('../../src/lib/records-import')),
    ...(await import('../../src/lib/storage/summaries')),
    ...(await import('../../src/lib/review-store')),
  };
}

describe('importing a records bundle', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
  });

  it('stores nothing when any part is spoilt, and says which session and where', async () => {
    const app = await fresh();
    const first = await app.importBundle(JSON.stringify(validBundle()));
    expect(first).toMatchObject({ added: 2, problems: [] });
    const before = (await app.listSummaries()).items;
    for (const { spoil, name } of SPOILT_BUNDLES.slice(0, 6)) {
      const bundle = JSON.parse(JSON.stringify(validBundle()));
      bundle.sessions.push({ ...JSON.parse(JSON.stringify(bundle.sessions[0])), session: { ...bundle.sessions[0].session, id: `fresh-${name}`, record: bundle.sessions[0].session.record } });
      spoil(bundle);
      const outcome = await app.importBundle(JSON.stringify(bundle));
      expect(outcome.problems.length, name).toBeGreaterThan(0);
      expect(outcome.added, name).toBe(0);
    }
    expect((await app.listSummaries()).items).toEqual(before);
  }, 60_000);

  it('shows imported sessions in the lists with their review status, and merges a later copy\'s review entries', async () => {
    const app = await fresh();
    const bundle = validBundle();
    await app.importBundle(JSON.stringify(bundle));
    const rows = (await app.listSummaries()).items;
    expect(rows.map((row) => [row.id.slice(-1), row.origin, row.reviewStatus]).sort()).toEqual([
      ['1', 'imported', 'notReviewed'],
      ['2', 'imported', 'reviewed'],
    ]);
    const poor = bundle.sessions[1]!;
    const dispute = entry(poor.session.id, 'd1', { kind: 'dispute', of: 'v1', text: 'I did greet her.', author: { name: 'Ana Trainee', role: 'trainee' } });
    const later = { ...bundle, sessions: [{ ...poor, review: [...poor.review, dispute] }] };
    expect(await app.importBundle(JSON.stringify(later))).toMatchObject({ added: 0, updated: 1, problems: [] });
    expect((await app.loadReview(poor.session.id)).map((e) => e.id)).toEqual(['c1', 'o1', 'v1', 'd1']);
    expect((await app.listSummaries({ filter: { reviewStatus: 'disputed' } })).items.map((row) => row.id)).toEqual([poor.session.id]);
  }, 60_000);
});
