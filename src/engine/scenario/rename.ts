/**
 * Renaming a scenario: its `id` and every "#<id>…" transition target, since
 * XState's default state ids start with the scenario id. Works on the text
 * so the file keeps its layout; a copied scenario renamed this way loads.
 */
import { parseTree, type Node } from 'jsonc-parser';

function targetsOf(tree: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.type === 'property') {
      const [key, value] = node.children ?? [];
      if (key?.value === 'target' && value?.type === 'string') found.push(value);
      if (value) visit(value);
    } else node.children?.forEach(visit);
  };
  visit(tree);
  return found;
}

/** The new text, or the reason it cannot be renamed. */
export function renameScenarioText(text: string, newId: string): { ok: true; text: string; targets: number } | { ok: false; message: string } {
  if (!/^[a-zA-Z][a-zA-Z0-9_-]*$/.test(newId)) return { ok: false, message: `"${newId}" is not a valid id: use letters, digits, "-" or "_", starting with a letter` };
  const tree = parseTree(text);
  const idNode = tree?.children?.find((property) => property.children?.[0]?.value === 'id')?.children?.[1];
  if (!tree || !idNode || typeof idNode.value !== 'string') return { ok: false, message: 'the file has no top-level "id" to rename' };
  const oldId = idNode.value;
  const edits: { offset: number; length: number; value: string }[] = [{ offset: idNode.offset, length: idNode.length, value: newId }];
  for (const node of targetsOf(tree)) {
    const target = String(node.value);
    if (target === `#${oldId}` || target.startsWith(`#${oldId}.`)) {
      edits.push({ offset: node.offset, length: node.length, value: `#${newId}${target.slice(oldId.length + 1)}` });
    }
  }
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
    out = out.slice(0, edit.offset) + JSON.stringify(edit.value) + out.slice(edit.offset + edit.length);
  }
  return { ok: true, text: out, targets: edits.length - 1 };
}

/** The same on parsed data, for the studio. */
export function renameScenarioData<T>(data: T, newId: string): T {
  const result = renameScenarioText(JSON.stringify(data), newId);
  if (!result.ok) throw new Error(result.message);
  return JSON.parse(result.text) as T;
}
