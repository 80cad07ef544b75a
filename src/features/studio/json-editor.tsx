/**
 * The scenario file as text, in CodeMirror: JSON highlighting, its own undo
 * switched off (the studio's undo covers every edit, form or text), and the
 * loader's problems shown as diagnostics at their line and column.
 *
 * The editor lives in a shadow root of its own: CodeMirror adds its styles
 * as <style> elements, which the built app's Content-Security-Policy
 * (style-src 'self') refuses, leaving the editor unstyled and its text
 * pushed below the gutter; in a shadow root it adopts constructed style
 * sheets instead, which the policy allows.
 */
import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { Annotation, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { changedSpan } from './changed-span';
import type { FileProblem } from '../../engine/scenario/scenario-loader';

/** Marks text pushed in from outside, so it is not reported back as the trainer's edit. */
const EXTERNAL = Annotation.define<boolean>();

/**
 * The app's stylesheet does not reach into the shadow root, so the editor's
 * size is set here; and the lint marks are drawn with CSS, since the policy
 * (img-src 'self') refuses CodeMirror's data: URL pictures.
 */
const EDITOR_LOOK = EditorView.theme({
  // The page scrolls, not the editor: a scrolling box of its own would be one more thing to reach by keyboard.
  '&': { minHeight: '50vh', fontSize: '13px' },
  '.cm-scroller': { overflow: 'visible' },
  '.cm-lintRange-error, .cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy', textDecorationSkipInk: 'none' },
  '.cm-lintRange-error': { textDecorationColor: '#c53030' },
  '.cm-lintRange-warning': { textDecorationColor: '#b7791f' },
  '.cm-lint-marker': { content: 'none', display: 'inline-block', width: '0.8em', height: '0.8em', borderRadius: '50%' },
  '.cm-lint-marker-error': { background: '#c53030' },
  '.cm-lint-marker-warning': { background: '#b7791f' },
});

export interface JsonEditorHandle {
  goTo: (line: number, column: number) => void;
}

function offsetOf(state: EditorState, line: number, column: number): number {
  const at = state.doc.line(Math.min(Math.max(1, line), state.doc.lines));
  return Math.min(at.from + Math.max(0, column - 1), at.to);
}

/** `shown`: whether its tab is open; a hidden editor is brought up to date when it is shown, not at every form edit. */
export function JsonEditor({ text, problems, shown, onChange, ref }: { text: string; problems: FileProblem[]; shown: boolean; onChange: (text: string) => void; ref?: Ref<JsonEditorHandle> }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    view.current = new EditorView({
      parent: shadow,
      root: shadow,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          highlightActiveLine(),
          bracketMatching(),
          syntaxHighlighting(defaultHighlightStyle),
          json(),
          keymap.of(defaultKeymap),
          EDITOR_LOOK,
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario file (JSON)' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((transaction) => transaction.annotation(EXTERNAL))) {
              latest.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    return () => view.current?.destroy();
    // The editor is made once; text from outside (undo, opening a file) is pushed in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !shown) return;
    const current = editor.state.doc.toString();
    if (current === text) return;
    // Only the span that differs: replacing a 200-state file whole made the editor re-parse all of it on every form edit.
    editor.dispatch({ changes: changedSpan(current, text), annotations: EXTERNAL.of(true) });
  }, [text, shown]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !shown) return;
    const diagnostics = problems
      .filter((problem) => problem.line)
      .map((problem): Diagnostic => {
        const from = offsetOf(editor.state, problem.line!, problem.column ?? 1);
        return { from, to: Math.min(editor.state.doc.lineAt(from).to, from + 40), severity: problem.severity, message: `${problem.path ? `${problem.path}: ` : ''}${problem.message}` };
      });
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [problems, shown]);

  useImperativeHandle(ref, () => ({
    goTo(line, column) {
      const editor = view.current;
      if (!editor) return;
      const at = offsetOf(editor.state, line, column);
      editor.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      editor.focus();
    },
  }));

  return <div ref={host} className="json-editor" />;
}

