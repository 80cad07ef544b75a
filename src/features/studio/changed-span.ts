/**
 * The smallest edit between two versions of the scenario file, for the JSON
 * editor: a form change rewrites the whole file, but usually differs from
 * the old one in a few characters.
 */

/** The one span of `before` to replace to get `after`: everything between their common start and common end. */
export function changedSpan(before: string, after: string): { from: number; to: number; insert: string } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
