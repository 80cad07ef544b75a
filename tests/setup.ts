/**
 * Test setup: IndexedDB from fake-indexeddb, Testing Library's matchers, and
 * a silent howler (jsdom has no audio codecs, so real Howls never load).
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { vi } from 'vitest';

export const playedSounds: string[] = [];

vi.mock('howler', () => {
  // vitest 4 needs a function or class here, not an arrow function, so `new Howl()` works.
  class Howl {
    private src: string;
    private isPlaying = false;
    constructor(options: { src: string[] }) {
      this.src = options.src[0] ?? '';
    }
    play() {
      this.isPlaying = true;
      playedSounds.push(this.src);
      return 1;
    }
    stop() {
      this.isPlaying = false;
      return this;
    }
    playing() {
      return this.isPlaying;
    }
    volume() {
      return this;
    }
  }
  return { Howl, Howler: { volume: vi.fn(), mute: vi.fn() } };
});
