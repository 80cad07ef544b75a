/**
 * The names of cmi5's launch parameters (spec 8.1), apart from the rest of
 * the launch so the first page can tell a launch without carrying its code.
 */
export const LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/** True when the query string carries any launch parameter: an LMS launched the page (or tried to). */
export function hasLaunchParameters(search: string): boolean {
  const params = new URLSearchParams(search);
  return LAUNCH_PARAMETERS.some((name) => params.has(name));
}
