/**
 * Whether an LMS launched this page with cmi5 parameters. This is all of
 * cmi5 that rides in the first page: the launch itself loads on demand.
 */
import { hasLaunchParameters } from '../../engine/records/cmi5-parameters';

export function isCmi5Launch(search: string = typeof location === 'undefined' ? '' : location.search): boolean {
  return hasLaunchParameters(search);
}
