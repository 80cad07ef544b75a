/**
 * Scenario files as text: JSON syntax errors and duplicated keys with their
 * line and column, and the line and column of any path a problem names, so a
 * trainer (or the studio's editor) can go straight to it. jsonc-parser reads
 * the text; JSON.parse would stop at the first error without a position in
 * some cases, and silently keep the last of two duplicated keys.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';

export interface Location {
  line: number;
  column: number;
  /** Character offset in the text, for editors. */
  offset: number;
}

export interface JsonProblem {
  path: string;
  message: string;
  location: Location;
}

export type ParsedJson =
  | { ok: true; data: unknown; text: string }
  | { ok: false; problems: JsonProblem[] };

const PLAIN_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a number',
  PropertyNameExpected: 'a "quoted" field name was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a ":" was expected',
  CommaExpected: 'a "," was expected',
  CloseBraceExpected: 'a "}" was expected',
  CloseBracketExpected: 'a "]" was expected',
  EndOfFileExpected: 'the text goes on after the end of the scenario',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape character',
  InvalidCharacter: 'an invalid character in a string (a line break or tab must be written \\n or \\t)',
};

export function locationOf(text: string, offset: number): Location {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** "machine.states.a.on.HEARD[0].target" → ["machine", "states", "a", "on", "HEARD", 0, "target"]. */
export function pathSegments(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  for (const part of path.split('.')) {
    if (!part) continue;
    const [key, ...indexes] = part.split('[');
    if (key) segments.push(key);
    for (const index of indexes) segments.push(Number(index.replace(']', '')));
  }
  return segments;
}

function formatSegments(segments: (string | number)[]): string {
  return segments.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key), '');
}

/**
 * One pass over the text without building a tree (files are read on every
 * build and every studio edit): syntax errors, and every key written twice
 * in one object, which JSON.parse would drop without a word.
 */
function scan(text: string): JsonProblem[] {
  const problems: JsonProblem[] = [];
  // One frame per open object or array: the key or index being read in it.
  const frames: ({ kind: 'object'; key: string | null; keys: Map<string, number> } | { kind: 'array'; index: number })[] = [];
  const pathHere = () => frames.flatMap((frame): (string | number)[] => (frame.kind === 'object' ? (frame.key === null ? [] : [frame.key]) : [frame.index]));
  const valueDone = () => {
    const parent = frames.at(-1);
    if (parent?.kind === 'array') parent.index++;
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        frames.push({ kind: 'object', key: null, keys: new Map() });
      },
      onObjectProperty: (key, offset) => {
        const object = frames.at(-1);
        if (object?.kind !== 'object') return;
        object.key = key;
        const first = object.keys.get(key);
        if (first !== undefined) {
          const was = locationOf(text, first);
          problems.push({ path: formatSegments(pathHere()), message: `duplicate key "${key}": it is already written at line ${was.line}, column ${was.column}, and JSON keeps only one of them`, location: locationOf(text, offset) });
        } else object.keys.set(key, offset);
      },
      onObjectEnd: () => {
        frames.pop();
        valueDone();
      },
      onArrayBegin: () => {
        frames.push({ kind: 'array', index: 0 });
      },
      onArrayEnd: () => {
        frames.pop();
        valueDone();
      },
      onLiteralValue: valueDone,
      onError: (error, offset) => {
        const code = printParseErrorCode(error);
        problems.push({ path: '', message: `not valid JSON: ${PLAIN_ERRORS[code] ?? code}`, location: locationOf(text, offset) });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return problems;
}

export function parseJsonText(text: string): ParsedJson {
  if (!text.trim()) return { ok: false, problems: [{ path: '', message: 'not valid JSON: the file is empty', location: locationOf(text, 0) }] };
  const problems = scan(text);
  const syntax = problems.filter((problem) => problem.path === '');
  if (syntax.length) return { ok: false, problems: syntax };
  if (problems.length) return { ok: false, problems };
  return { ok: true, data: JSON.parse(text), text };
}

const trees = new Map<string, Node | undefined>();

/** Where a problem's path is written; for a field that is missing, where the nearest enclosing one is. */
export function locatePath(text: string, path: string): Location {
  if (!trees.has(text)) {
    if (trees.size > 4) trees.clear();
    trees.set(text, parseTree(text));
  }
  const tree = trees.get(text);
  if (!tree) return locationOf(text, 0);
  const segments = pathSegments(path);
  for (let length = segments.length; length >= 0; length--) {
    const node = findNodeAtLocation(tree, segments.slice(0, length));
    if (node) {
      // A field's key is where the eye looks for it, not its value.
      const at = node.parent?.type === 'property' ? node.parent.offset : node.offset;
      return locationOf(text, at);
    }
  }
  return locationOf(text, 0);
}
