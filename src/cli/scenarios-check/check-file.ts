/**
 * One scenario file checked: read and validated, and, if it loads, described.
 * Self-contained so a worker thread can do it; which loaded scenarios count
 * (ids must be unique across files) is decided afterwards, in file order.
 */
import { parseScenario, type LoadResult } from '../../engine/scenario/scenario-loader';
import { describeScenario } from './describe-scenario';

export interface CheckedFile {
  file: string;
  result: LoadResult;
  /** What the check prints about the scenario, when it loaded. */
  description?: string;
}

export function checkFile(file: string, text: string): CheckedFile {
  const result = parseScenario(file, text);
  return result.ok ? { file, result, description: describeScenario(result.scenario) } : { file, result };
}
