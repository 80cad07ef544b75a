/**
 * Scenario files as text: JSON syntax errors and duplicated keys with their
 * line and column, and the line and column of any path a problem names, so a
 * trainer (or the studio's editor) can go straight to it. jsonc-parser reads
 * the text; JSON.parse would stop at the first error without a position in
 * some cases, and silently keep the last of two duplicated keys.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

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
  | { ok: true; data: unknown; tree: Node }
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

/** Every key written twice in one object: JSON.parse would keep the last and say nothing. */
function duplicateKeys(tree: Node, text: string): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const visit = (node: Node, at: (string | number)[]) => {
    if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [keyNode, value] = property.children ?? [];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        const first = seen.get(key);
        if (first) {
          const was = locationOf(text, first.offset);
          problems.push({ path: formatSegments([...at, key]), message: `duplicate key "${key}": it is already written at line ${was.line}, column ${was.column}, and JSON keeps only one of them`, location: locationOf(text, keyNode.offset) });
        } else seen.set(key, keyNode);
        if (value) visit(value, [...at, key]);
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, i) => visit(child, [...at, i]));
    }
  };
  visit(tree, []);
  return problems;
}

export function parseJsonText(text: string): ParsedJson {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length || !tree) {
    const problems = errors.map((error): JsonProblem => {
      const code = printParseErrorCode(error.error);
      return { path: '', message: `not valid JSON: ${PLAIN_ERRORS[code] ?? code}`, location: locationOf(text, error.offset) };
    });
    if (!problems.length) problems.push({ path: '', message: 'not valid JSON: the file is empty', location: locationOf(text, 0) });
    return { ok: false, problems };
  }
  const duplicates = duplicateKeys(tree, text);
  if (duplicates.length) return { ok: false, problems: duplicates };
  return { ok: true, data: getNodeValue(tree), tree };
}

/** Where a problem's path is written; for a field that is missing, where the nearest enclosing one is. */
export function locatePath(tree: Node, text: string, path: string): Location {
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
