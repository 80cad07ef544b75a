import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ReviewFilter } from '../../engine/records/review-query';

interface ReviewerState {
  /** Who is reviewing: every comment, override and verdict is signed with it. */
  name: string;
  /** Named filters the supervisor saved, newest last. */
  savedFilters: { name: string; filter: ReviewFilter }[];
  setName: (name: string) => void;
  saveFilter: (name: string, filter: ReviewFilter) => void;
  removeFilter: (name: string) => void;
}

export const useReviewer = create<ReviewerState>()(
  persist(
    (set) => ({
      name: '',
      savedFilters: [],
      setName: (name) => set({ name: name.trim() }),
      saveFilter: (name, filter) => set((state) => ({ savedFilters: [...state.savedFilters.filter((saved) => saved.name !== name), { name, filter }] })),
      removeFilter: (name) => set((state) => ({ savedFilters: state.savedFilters.filter((saved) => saved.name !== name) })),
    }),
    { name: 'call-trainer-reviewer' },
  ),
);
