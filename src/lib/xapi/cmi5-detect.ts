/**
 * Whether an LMS launched this page with cmi5 parameters. This is all of
 * cmi5 that rides in the first page: the launch itself loads on demand.
 */
import { LAUNCH_PARAMETERS } from '../../engine/records/cmi5-launch';

export function isCmi5Launch(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  const params = new URLSearchParams(search);
  return LAUNCH_PARAMETERS.some((name) => params.has(name));
}
