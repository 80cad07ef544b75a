/**
 * The cmi5 rules an AU's statements must keep in one launch session, written
 * out from the spec (AICC/CMI-5_Spec_Current, cmi5_spec.md: 7.1, 9.3, 9.4,
 * 9.5, 9.6, 10.2) independently of the code that builds the statements, so
 * a test can hold them to it. Returns every rule broken, in words.
 */
const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const CATEGORY_MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface LooseStatement {
  id: string;
  actor: { account?: unknown };
  verb: { id: string };
  object: { id: string };
  result?: { score?: { scaled?: number }; success?: boolean; completion?: boolean; duration?: string };
  context?: { registration?: string; contextActivities?: Record<string, { id: string }[] | undefined>; extensions?: Record<string, unknown> };
  timestamp: string;
}

export interface Cmi5Expectations {
  activityId: string;
  registration: string;
  sessionId: string;
  launchMode: 'Normal' | 'Browse' | 'Review';
  masteryScore: number | null;
  /** Activities the context template put in contextActivities.grouping (the publisher id): every cmi5 defined statement keeps them. */
  templateGrouping: string[];
}

export function cmi5Violations(statements: readonly LooseStatement[], expect: Cmi5Expectations): string[] {
  const problems: string[] = [];
  const name = (s: LooseStatement) => `${s.verb.id.split('/').pop()} ${s.id}`;
  const categories = (s: LooseStatement) => (s.context?.contextActivities?.category ?? []).map((a) => a.id);
  const defined = statements.filter((s) => categories(s).includes(CATEGORY_CMI5));
  const ordered = [...statements].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));

  for (const s of statements) {
    if (!UUID.test(s.id)) problems.push(`${name(s)}: id is not a UUID (9.1)`);
    if (s.context?.registration !== expect.registration) problems.push(`${name(s)}: registration is ${s.context?.registration}, not the launch's (9.6.1)`);
    if (s.context?.extensions?.[SESSION_ID] !== expect.sessionId) problems.push(`${name(s)}: no session id extension from the template (9.6.3.1)`);
    const hasResultFlag = s.result?.success !== undefined || s.result?.completion !== undefined;
    const moveOn = categories(s).includes(CATEGORY_MOVEON);
    const isDefined = defined.includes(s);
    if (moveOn && !(isDefined && hasResultFlag)) problems.push(`${name(s)}: moveOn category without being a cmi5 defined statement with success or completion (9.6.2.2)`);
    if (isDefined && hasResultFlag && !moveOn) problems.push(`${name(s)}: no moveOn category (9.6.2.2)`);
  }

  for (const s of defined) {
    const verb = s.verb.id;
    if (s.object.id !== expect.activityId) problems.push(`${name(s)}: object ${s.object.id} is not the AU's activity id (9.4)`);
    if (!s.actor.account) problems.push(`${name(s)}: actor without an account (9.2)`);
    const grouping = (s.context?.contextActivities?.grouping ?? []).map((a) => a.id);
    for (const id of expect.templateGrouping) if (!grouping.includes(id)) problems.push(`${name(s)}: lost the template's grouping activity ${id} (9.6.2)`);
    const judged = verb === VERB('passed') || verb === VERB('failed');
    if (s.result?.score !== undefined && !judged) problems.push(`${name(s)}: a score outside passed/failed (9.5.1)`);
    if (verb === VERB('passed') && s.result?.success !== true) problems.push(`${name(s)}: passed without success true (9.5.2)`);
    if (verb === VERB('failed') && s.result?.success !== false) problems.push(`${name(s)}: failed without success false (9.5.2)`);
    if (!judged && s.result?.success !== undefined) problems.push(`${name(s)}: success outside passed/failed (9.5.2)`);
    if (verb === VERB('completed') ? s.result?.completion !== true : s.result?.completion !== undefined) problems.push(`${name(s)}: completion is only, and always, true on completed (9.5.3)`);
    if ([VERB('terminated'), VERB('completed'), VERB('passed'), VERB('failed')].includes(verb) && !s.result?.duration) problems.push(`${name(s)}: no duration (9.5.4.1)`);
    if (judged && expect.masteryScore !== null) {
      const scaled = s.result?.score?.scaled;
      if (scaled !== undefined && (verb === VERB('passed') ? scaled < expect.masteryScore : scaled >= expect.masteryScore)) problems.push(`${name(s)}: scaled ${scaled} disagrees with masteryScore ${expect.masteryScore} (9.3.4, 9.3.5)`);
      if (s.context?.extensions?.[MASTERY] !== expect.masteryScore) problems.push(`${name(s)}: no masteryScore extension (9.6.3.2)`);
    }
    if (expect.launchMode !== 'Normal' && verb !== VERB('initialized') && verb !== VERB('terminated')) problems.push(`${name(s)}: sent in ${expect.launchMode} mode (10.2.2)`);
  }

  const definedVerbs = defined.map((s) => s.verb.id);
  for (const verb of new Set(definedVerbs)) if (definedVerbs.filter((v) => v === verb).length > 1) problems.push(`${verb} sent more than once (9.3)`);
  if (definedVerbs.includes(VERB('passed')) && definedVerbs.includes(VERB('failed'))) problems.push('both passed and failed (9.3)');
  const first = ordered[0];
  const last = ordered.at(-1);
  if (first?.verb.id !== VERB('initialized') || !defined.includes(first)) problems.push(`the first statement by timestamp is ${first ? name(first) : 'missing'}, not initialized (7.1.1)`);
  else if (ordered[1] && Date.parse(ordered[1].timestamp) <= Date.parse(first.timestamp)) problems.push('a statement shares the timestamp of initialized (7.1.1)');
  if (last?.verb.id !== VERB('terminated') || !defined.includes(last)) problems.push(`the last statement by timestamp is ${last ? name(last) : 'missing'}, not terminated (7.1.2)`);
  else if (ordered.at(-2) && Date.parse(ordered.at(-2)!.timestamp) >= Date.parse(last.timestamp)) problems.push('a statement shares the timestamp of terminated (7.1.2)');
  return problems;
}
