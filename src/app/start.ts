/**
 * What the app starts before React's own code runs (main.tsx imports this
 * first): opening storage, which every page but the briefing reads and
 * which takes a while with thousands of calls stored, and the code and
 * first read of the page the address opens.
 */
import { openDatabase } from '../lib/storage/database';
import { startPageAt } from './pages';

void openDatabase();

/** Settles once the page the address opens can render without a loading fallback. */
export const firstPageReady = startPageAt(location.hash.replace(/^#/, '') || '/');
