/**
 * Bundles in and out. An import is checked whole before anything is stored:
 * shape and version first, then each session is re-scored with the engine's
 * scorer against the installed scenario, and its review log is replayed
 * entry by entry. One problem anywhere rejects the whole bundle, and every
 * problem names the session and the path inside the bundle.
 */
import type { Scenario } from '../scenario/scenario-schema';
import { scoreCall, type Scorecard } from '../scoring/scorer';
import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleSchema, sessionRecordsSchema } from './bundle-schema';
import { checkLog, mergeLogs, type ReviewEntry } from './review-log';
import { scoredSessionOf, type ScoredSession } from './scored-session';

export interface SessionRecords {
  session: ScoredSession;
  review: ReviewEntry[];
}

export interface Bundle {
  $schema?: string;
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  exportedAt: string;
  sessions: SessionRecords[];
}

export interface RecordsProblem {
  /** The session's id when it can be read, else null. */
  session: string | null;
  /** Where in the bundle, e.g. sessions[3].session.scorecard.overall. */
  path: string;
  message: string;
}

export type RecordsCheck = { ok: true; records: SessionRecords[] } | { ok: false; problems: RecordsProblem[] };

export interface ImportLimits {
  maxBytes?: number;
  maxSessions?: number;
  /** Stop collecting after this many problems: a broken 10,000-session file need not list them all. */
  maxProblems?: number;
}

export const DEFAULT_LIMITS: Required<ImportLimits> = { maxBytes: 400_000_000, maxSessions: 50_000, maxProblems: 50 };

export function makeBundle(records: readonly SessionRecords[], exportedAt: string): Bundle {
  return {
    $schema: 'https://call-trainer.invalid/schemas/bundle.schema.json',
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    sessions: records.map(({ session, review }) => ({ session: scoredSessionOf(session), review: [...review] })),
  };
}

/** Reads a bundle file's text and checks all of it. */
export function readBundle(text: string, findScenario: (id: string) => Scenario | undefined, limits: ImportLimits = {}): RecordsCheck {
  const { maxBytes, maxSessions, maxProblems } = { ...DEFAULT_LIMITS, ...limits };
  // Characters, not bytes: a cheap bound that never lets a larger file through by more than UTF-8's factor.
  if (text.length > maxBytes) return reject(null, '', `The file is too large: ${text.length.toLocaleString('en-US')} characters, the limit is ${maxBytes.toLocaleString('en-US')}`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return reject(null, '', `The file is not JSON: ${(error as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return reject(null, '', 'The file is not a records bundle (expected a JSON object)');
  const head = data as { format?: unknown; version?: unknown; sessions?: unknown };
  if (head.format !== BUNDLE_FORMAT) return reject(null, 'format', `Not a records bundle: format is ${JSON.stringify(head.format)}, expected "${BUNDLE_FORMAT}"`);
  if (head.version !== BUNDLE_VERSION) return reject(null, 'version', `Unknown bundle version ${JSON.stringify(head.version)}; this app reads version ${BUNDLE_VERSION}`);
  if (Array.isArray(head.sessions) && head.sessions.length > maxSessions) {
    return reject(null, 'sessions', `Too many sessions: ${head.sessions.length.toLocaleString('en-US')}, the limit is ${maxSessions.toLocaleString('en-US')}`);
  }
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, maxProblems).map((issue) => ({ session: sessionIdAt(data, issue.path), path: pathText(issue.path), message: issue.message })),
    };
  }
  return checkRecords(parsed.data.sessions as unknown as SessionRecords[], findScenario, { maxProblems, pathPrefix: 'sessions' });
}

/**
 * Records from elsewhere (an LRS) that have not been through the bundle's
 * schema: each is shape-checked, then checked like a bundle's.
 */
export function checkUntrustedRecords(items: readonly unknown[], findScenario: (id: string) => Scenario | undefined, options: { maxProblems?: number; pathPrefix?: string } = {}): RecordsCheck {
  const prefix = options.pathPrefix ?? 'statements';
  const problems: RecordsProblem[] = [];
  const shaped: SessionRecords[] = [];
  items.forEach((item, index) => {
    const parsed = sessionRecordsSchema.safeParse(item);
    if (parsed.success) shaped.push(parsed.data as unknown as SessionRecords);
    else {
      const issue = parsed.error.issues[0]!;
      const id = (item as { session?: { id?: unknown } } | null)?.session?.id;
      problems.push({ session: typeof id === 'string' ? id : null, path: `${prefix}[${index}]${pathText(issue.path) ? `.${pathText(issue.path)}` : ''}`, message: issue.message });
    }
  });
  if (problems.length) return { ok: false, problems };
  return checkRecords(shaped, findScenario, { ...options, pathPrefix: prefix });
}

/**
 * The checks that make records trustworthy, whether they came from a bundle
 * or an LRS: each session is re-scored and must match, each review log must
 * replay, and no session appears twice. Passing records carry the scorer's
 * own scorecard.
 */
export function checkRecords(records: readonly SessionRecords[], findScenario: (id: string) => Scenario | undefined, options: { maxProblems?: number; pathPrefix?: string } = {}): RecordsCheck {
  const maxProblems = options.maxProblems ?? DEFAULT_LIMITS.maxProblems;
  const prefix = options.pathPrefix ?? 'sessions';
  const problems: RecordsProblem[] = [];
  const seen = new Map<string, number>();
  const checked: SessionRecords[] = [];
  for (let index = 0; index < records.length && problems.length < maxProblems; index++) {
    const { session, review } = records[index]!;
    const at = (path: string) => `${prefix}[${index}]${path}`;
    const problem = (path: string, message: string) => problems.push({ session: session.id, path: at(path), message });
    const earlier = seen.get(session.id);
    if (earlier !== undefined) {
      problem('.session.id', `Session ${session.id} appears twice (also at ${prefix}[${earlier}])`);
      continue;
    }
    seen.set(session.id, index);
    if (session.record.scenarioId !== session.scenarioId) {
      problem('.session.record.scenarioId', `The transcript is of scenario "${session.record.scenarioId}", the session says "${session.scenarioId}"`);
      continue;
    }
    const scenario = findScenario(session.scenarioId);
    if (!scenario) {
      problem('.session.scenarioId', `Scenario "${session.scenarioId}" is not installed here, so the score cannot be checked`);
      continue;
    }
    if (scenario.version !== session.scenarioVersion || session.record.scenarioVersion !== session.scenarioVersion) {
      problem('.session.scenarioVersion', `Scored against version ${session.scenarioVersion} of "${session.scenarioId}"; this app has version ${scenario.version}, so the score cannot be checked`);
      continue;
    }
    let rescored: Scorecard;
    try {
      rescored = scoreCall(scenario, session.record);
    } catch (error) {
      problem('.session.record', `The scorer cannot read this transcript: ${(error as Error).message}`);
      continue;
    }
    const mismatch = scoreMismatch(session.scorecard, rescored);
    if (mismatch) {
      problem(`.session.scorecard${mismatch.path}`, `Tampered or stale: the stored score is ${mismatch.stored}, the scorer gives ${mismatch.rescored} for this transcript`);
      continue;
    }
    const broken = checkLog(review, rescored, session.record.transcript.length, session.id);
    if (broken) {
      problem(`.review[${broken.index}]`, broken.message);
      continue;
    }
    checked.push({ session: { ...scoredSessionOf(session), scorecard: rescored }, review });
  }
  return problems.length ? { ok: false, problems } : { ok: true, records: checked };
}

/** The first figure the stored scorecard claims that the scorer does not give. */
export function scoreMismatch(stored: Scorecard, rescored: Scorecard): { path: string; stored: unknown; rescored: unknown } | null {
  if (stored.overall !== rescored.overall) return { path: '.overall', stored: stored.overall, rescored: rescored.overall };
  if (stored.level !== rescored.level) return { path: '.level', stored: stored.level, rescored: rescored.level };
  if (stored.competencies.length !== rescored.competencies.length) return { path: '.competencies', stored: `${stored.competencies.length} competencies`, rescored: rescored.competencies.length };
  for (let c = 0; c < rescored.competencies.length; c++) {
    const mine = stored.competencies[c]!;
    const true_ = rescored.competencies[c]!;
    if (mine.id !== true_.id) return { path: `.competencies[${c}].id`, stored: mine.id, rescored: true_.id };
    if (mine.score !== true_.score) return { path: `.competencies[${c}].score`, stored: mine.score, rescored: true_.score };
    if (mine.behaviours.length !== true_.behaviours.length) return { path: `.competencies[${c}].behaviours`, stored: `${mine.behaviours.length} behaviours`, rescored: true_.behaviours.length };
    for (let b = 0; b < true_.behaviours.length; b++) {
      const stated = mine.behaviours[b]!;
      const real = true_.behaviours[b]!;
      if (stated.id !== real.id || stated.earned !== real.earned || stated.applicable !== real.applicable) {
        return { path: `.competencies[${c}].behaviours[${b}].earned`, stored: stated.earned, rescored: real.earned };
      }
    }
  }
  return null;
}

/**
 * Imported or fetched records joined with what is stored: a session already
 * stored keeps its stored copy, and both review logs are joined, so an import
 * never loses an entry on either side.
 */
export function mergeRecords(stored: ReadonlyMap<string, SessionRecords>, incoming: readonly SessionRecords[]): { merged: SessionRecords[]; added: number; updated: number } {
  const merged: SessionRecords[] = [];
  let added = 0;
  let updated = 0;
  for (const records of incoming) {
    const mine = stored.get(records.session.id);
    if (!mine) {
      added++;
      merged.push(records);
      continue;
    }
    const review = mergeLogs(mine.review, records.review);
    if (review.length !== mine.review.length) updated++;
    merged.push({ session: mine.session, review });
  }
  return { merged, added, updated };
}

function reject(session: string | null, path: string, message: string): RecordsCheck {
  return { ok: false, problems: [{ session, path, message }] };
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

function sessionIdAt(data: unknown, path: readonly PropertyKey[]): string | null {
  if (path[0] !== 'sessions' || typeof path[1] !== 'number') return null;
  const id = (data as { sessions: { session?: { id?: unknown } }[] }).sessions[path[1]]?.session?.id;
  return typeof id === 'string' ? id : null;
}
