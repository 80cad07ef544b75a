/** The trainee's database, by name and schema version: shared by the app and the build's early open (src/build/early-open-plugin.ts). */
export const DB_NAME = 'call-trainer';
export const DB_VERSION = 3;

/** Where the early open leaves its answer for openDatabase: the open database, or null when the app must open (or create, or upgrade) it itself. */
export const EARLY_OPEN_GLOBAL = '__callTrainerDatabase';
