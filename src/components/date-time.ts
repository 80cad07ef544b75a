/**
 * A date and time as Date.prototype.toLocaleString() writes it, through one
 * formatter: toLocaleString() builds a new formatter on every call, which
 * costs about a millisecond each, too much for a list of fifty calls.
 */
let formatter: Intl.DateTimeFormat | null = null;

export function dateTime(date: string | number | Date): string {
  // The options toLocaleString() itself uses when given none.
  formatter ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  return formatter.format(new Date(date));
}
