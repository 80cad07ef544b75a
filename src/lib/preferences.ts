import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { PREFERENCES_KEY } from './storage/database-name';

interface Preferences {
  traineeName: string;
  volume: number;
  muted: boolean;
  /** Read customer lines aloud with the browser's speech synthesis when no recording exists. */
  speech: boolean;
  setTraineeName: (name: string) => void;
  setVolume: (volume: number) => void;
  setMuted: (muted: boolean) => void;
  setSpeech: (speech: boolean) => void;
}

/** What the trainee chose once and expects remembered: their name, volume, mute. */
export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      traineeName: '',
      volume: 0.8,
      muted: false,
      speech: true,
      setTraineeName: (traineeName) => set({ traineeName: traineeName.trim() }),
      setVolume: (volume) => set({ volume: Math.min(1, Math.max(0, volume)) }),
      setMuted: (muted) => set({ muted }),
      setSpeech: (speech) => set({ speech }),
    }),
    { name: PREFERENCES_KEY },
  ),
);
