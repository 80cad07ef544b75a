import type { ReviewChange } from '../../engine/records/review-log';

/** Adds a review entry signed by the reviewer; resolves to an error message for the form, or null when it was added. */
export type AddEntry = (change: ReviewChange, announce: string) => Promise<string | null>;
