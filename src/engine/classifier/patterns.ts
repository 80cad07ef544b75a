/**
 * A tiny phrase-pattern language over wink-nlp tokens, so the definitions'
 * example phrases (definitions.ts) read like what they catch. A pattern is
 * space-separated token specs:
 *
 *   word      the token's normal form (contractions are already expanded: "can't" → "can not")
 *   word*     a normal form starting with "word"
 *   ~lemma    the token's lemma ("~hold" matches hold, holds, holding, held)
 *   a|b|c     any of the alternatives, each of which may use * or ~
 *   x?        the spec is optional
 *   _         any one token
 *   -a|b      any one token except these ("-not|never" keeps a negation out of a gap)
 *   ..        up to three tokens of any kind
 *
 * Patterns are indexed by their first literal word, so classifying a reply
 * only tries the patterns whose first word it contains.
 */

export interface Tokens {
  normal: string[];
  lemma: string[];
}

type Spec =
  | { kind: 'gap' }
  | { kind: 'any'; optional: boolean }
  | { kind: 'anyBut'; excluded: string[]; optional: boolean }
  | { kind: 'word'; alternatives: Alternative[]; optional: boolean };
type Alternative = { lemma: boolean; prefix: boolean; text: string };

export interface CompiledPattern<T> {
  source: string;
  specs: Spec[];
  data: T;
}

function parseSpec(raw: string): Spec {
  if (raw === '..' || raw === '..?') return { kind: 'gap' };
  const optional = raw.endsWith('?') && raw.length > 1;
  const body = optional ? raw.slice(0, -1) : raw;
  if (body === '_') return { kind: 'any', optional };
  if (body.startsWith('-') && body.length > 1) return { kind: 'anyBut', excluded: body.slice(1).split('|'), optional };
  const alternatives = body.split('|').map((part): Alternative => {
    const lemma = part.startsWith('~');
    const text = lemma ? part.slice(1) : part;
    return text.endsWith('*') ? { lemma, prefix: true, text: text.slice(0, -1) } : { lemma, prefix: false, text };
  });
  return { kind: 'word', alternatives, optional };
}

export function compilePattern<T>(source: string, data: T): CompiledPattern<T> {
  return { source, specs: source.trim().split(/\s+/).map(parseSpec), data };
}

function matchesAlternative(tokens: Tokens, at: number, alternative: Alternative): boolean {
  const value = alternative.lemma ? tokens.lemma[at] : tokens.normal[at];
  if (value === undefined) return false;
  return alternative.prefix ? value.startsWith(alternative.text) : value === alternative.text;
}

function matchesSpec(tokens: Tokens, at: number, spec: Exclude<Spec, { kind: 'gap' }>): boolean {
  if (spec.kind === 'any') return true;
  if (spec.kind === 'anyBut') return !spec.excluded.includes(tokens.normal[at]!);
  for (const alternative of spec.alternatives) if (matchesAlternative(tokens, at, alternative)) return true;
  return false;
}

/** The end (exclusive) of a match of `specs` starting at token `at`, or -1. */
function matchFrom(tokens: Tokens, specs: Spec[], index: number, at: number, end: number): number {
  if (index === specs.length) return at;
  const spec = specs[index]!;
  if (spec.kind === 'gap') {
    for (let skip = 0; skip <= 3 && at + skip <= end; skip++) {
      const found = matchFrom(tokens, specs, index + 1, at + skip, end);
      if (found >= 0) return found;
    }
    return -1;
  }
  const here = at < end && matchesSpec(tokens, at, spec);
  if (here) {
    const found = matchFrom(tokens, specs, index + 1, at + 1, end);
    if (found >= 0) return found;
  }
  return spec.optional ? matchFrom(tokens, specs, index + 1, at, end) : -1;
}

export interface Match<T> {
  pattern: CompiledPattern<T>;
  start: number;
  end: number;
}

/** Patterns grouped by the exact word they must start with; the rest are tried everywhere. */
export class PatternIndex<T> {
  private readonly byFirstWord = new Map<string, CompiledPattern<T>[]>();
  private readonly everywhere: CompiledPattern<T>[] = [];

  constructor(patterns: CompiledPattern<T>[]) {
    for (const pattern of patterns) {
      const first = pattern.specs[0];
      const literal = first?.kind === 'word' && !first.optional && first.alternatives.every((alternative) => !alternative.lemma && !alternative.prefix);
      if (!literal) {
        this.everywhere.push(pattern);
        continue;
      }
      for (const alternative of first.alternatives) {
        const list = this.byFirstWord.get(alternative.text) ?? [];
        list.push(pattern);
        this.byFirstWord.set(alternative.text, list);
      }
    }
  }

  /** Every pattern that matches inside tokens [from, to), with where it matched. */
  matchAll(tokens: Tokens, from: number, to: number): Match<T>[] {
    const found: Match<T>[] = [];
    for (let at = from; at < to; at++) {
      const starting = this.byFirstWord.get(tokens.normal[at]!);
      for (const list of starting ? [starting, this.everywhere] : [this.everywhere]) {
        for (const pattern of list) {
          const end = matchFrom(tokens, pattern.specs, 0, at, to);
          if (end > at) found.push({ pattern, start: at, end });
        }
      }
    }
    return found;
  }
}
