/**
 * When something happened, in the browser's time zone, the one way the app
 * writes it: "1 Dec 2026, 14:05:09" (with seconds, so two calls started
 * in the same minute are told apart, in a delete button's name say). Built from the Date's own fields rather
 * than toLocaleString() or Intl: a page's first Intl formatter costs 50 to
 * 200 ms in Chromium (its locale data is loaded then), which History would
 * otherwise pay before showing a single row. The app's words are English,
 * and a day before the month's name reads the same to every English reader.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dateTime(date: string | number | Date): string {
  const at = new Date(date);
  if (Number.isNaN(at.getTime())) return 'unknown time';
  const twoDigits = (value: number) => String(value).padStart(2, '0');
  return `${at.getDate()} ${MONTHS[at.getMonth()]} ${at.getFullYear()}, ${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}:${twoDigits(at.getSeconds())}`;
}
