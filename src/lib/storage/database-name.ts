/** The trainee's database, by name and schema version, and what else the build's early script (src/build/early-open-plugin.ts) shares with the app. */
export const DB_NAME = 'call-trainer';
export const DB_VERSION = 3;

/** Where the early open leaves its answer for openDatabase: the open database, or null when the app must open (or create, or upgrade) it itself. */
export const EARLY_OPEN_GLOBAL = '__callTrainerDatabase';

/** [traineeName, scenarioId, overall] over the summaries: the last key of a trainee's range on a scenario is their best score; unscored sessions have no entry. */
export const BEST_SCORE_INDEX = 'traineeScenarioOverall';

/** Where the early script leaves the best scores it began reading for the trainee signed in (best-scores.ts takes them). */
export const EARLY_BEST_SCORES_GLOBAL = '__callTrainerBestScores';

/** The localStorage key of the trainee's preferences (lib/preferences.ts), where the early script finds the trainee's name. */
export const PREFERENCES_KEY = 'call-trainer-preferences';
