/** Calls per History page; also how many the app reads ahead when it starts on History (src/app/pages.tsx). */
export const HISTORY_PAGE_SIZE = 50;
