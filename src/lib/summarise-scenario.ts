/**
 * A scenario's summary (what the picker and the briefing show), made the
 * same way for the shipped scenarios at build time and for the studio's
 * drafts in the browser.
 */
import type { Scenario } from '../engine/scenario/scenario-schema';
import { checklistRow } from '../engine/scoring/checklist';
import type { ScenarioSummary } from './scenario-summary';

/** A row as a card shows it: seed 004 rows by their job category, seed 001 work processes by their number and words. */
function rowLabel(id: string): string {
  const row = checklistRow(id)!;
  if (row.source === '004') return row.category;
  const words = row.text.length > 70 ? `${row.text.slice(0, 69)}…` : row.text;
  return `${id.replace('-', ' ')}: ${words}`;
}

export function summarise(scenario: Scenario): ScenarioSummary {
  const { id, version, title, summary, level, expectedMinutes, setting, direction, checklist, briefing, replyMode, weights, persona, account } = scenario;
  return {
    id, version, title, summary, level, expectedMinutes, silenceMs: scenario.timing.silenceMs, ...(setting ? { setting } : {}), direction,
    checklist: checklist.map((id) => ({ id, label: rowLabel(id) })), briefing, replyMode, weights,
    persona: { name: persona.name, description: persona.description },
    account: { holder: account.holder, number: account.number },
  };
}
