/**
 * A plain, correct call for each of the first three scenarios, typed in the
 * words a competent agent would use. Written without looking at the labelled
 * utterances or the lexicon, so nobody tuned the classifier to this wording.
 * The words live in tests/fixtures/typed/, where `npm run
 * scenarios:typed-calls` reads them too.
 */
import { readTypedCall } from '../../src/cli/typed-calls/typed-call-file';

export const PLAIN_CALLS: Record<string, string[]> = {
  'irate-outage': readTypedCall('irate-outage-plain-wording').steps,
  'billing-dispute': readTypedCall('billing-dispute').steps,
  'confused-new-bill': readTypedCall('confused-new-bill').steps,
};
