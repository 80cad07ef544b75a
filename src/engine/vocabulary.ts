/**
 * The fixed names a scenario file may use besides its own: competencies,
 * account sections, events, delays, actions, and the states the engine adds.
 * Kept apart from the zod schema so the trainee's page can use them without
 * carrying the validation library.
 */
export const COMPETENCIES = [
  'opening',
  'listening',
  'deescalation',
  'information',
  'resolution',
  'closing',
  'documentation',
] as const;
export type Competency = (typeof COMPETENCIES)[number];

/** The sections every account has; a scenario adds its own (claims, cards, orders…) in `account.sections`. */
export const ACCOUNT_SECTIONS = ['holder', 'addresses', 'bills', 'payments', 'invoices', 'policy', 'history'] as const;
export type BuiltInSection = (typeof ACCOUNT_SECTIONS)[number];
/** A built-in section, or the id of one the scenario defines. */
export type AccountSection = BuiltInSection | (string & {});

/**
 * Events a scenario state may handle; the engine sends or raises them.
 * HEARD: the customer has heard a trainee turn. SILENCE: the trainee has
 * said nothing for `timing.silenceMs`. ESCALATE, HANG_UP: call controls.
 */
export const SCENARIO_EVENTS = ['HEARD', 'SILENCE', 'ESCALATE', 'HANG_UP'] as const;
/** State names the engine adds around every scenario. */
export const ENGINE_STATES = ['ringing', 'missedCall', 'hungUpOnHold', 'outOfPatience', 'traineeHungUp'] as const;

export const ACTION_TYPES = ['say', 'reveal', 'mood', 'flag'] as const;
