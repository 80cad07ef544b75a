/**
 * The document the studio edits: one scenario file's text. Every edit goes
 * through `edit`, and zundo keeps the history, so undo back to the start
 * gives the original text byte for byte.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';

interface StudioState {
  /** The draft's key in IndexedDB. */
  draftKey: string | null;
  text: string;
  published: boolean;
  open: (draftKey: string, text: string, published?: boolean) => void;
  edit: (text: string) => void;
  setPublished: (published: boolean) => void;
}

export const useStudio = create<StudioState>()(
  temporal(
    (set) => ({
      draftKey: null,
      text: '',
      published: false,
      open: (draftKey, text, published = false) => set({ draftKey, text, published }),
      edit: (text) => set({ text }),
      setPublished: (published) => set({ published }),
    }),
    { partialize: (state) => ({ text: state.text }), equality: (a, b) => a.text === b.text, limit: 500 },
  ),
);

/** Opening a document starts a fresh history: undo never goes back into another scenario. */
export function openDocument(draftKey: string, text: string, published = false) {
  useStudio.getState().open(draftKey, text, published);
  useStudio.temporal.getState().clear();
}
