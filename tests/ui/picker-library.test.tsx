// @vitest-environment jsdom
/**
 * The picker over a library of scenarios: filters by level, setting and
 * competency, the checklist rows each covers, and the call recommended for
 * this trainee's weakest competency.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PickerPage } from '../../src/features/picker/picker-page';
import { usePreferences } from '../../src/lib/preferences';
import { resetSessionStoreForTests, saveSession, startSession } from '../../src/lib/session-store';
import type { ScenarioSummary } from '../../src/lib/scenario-summary';
import { renderAt } from './render';

vi.mock('virtual:scenarios', () => {
  const summary = (id: string, title: string, level: 'I' | 'II' | 'III', setting: string, weights: Record<string, number>, silenceMs = 20_000): ScenarioSummary => ({
    id, version: 1, title, summary: `${title}.`, level, expectedMinutes: 5, silenceMs, setting, direction: 'inbound',
    checklist: [{ id: '004-records', label: 'Maintain financial or account records' }, { id: '001-G.7', label: '001 G.7: Understand the procedures for processing and maintaining confidentiality' }],
    briefing: '', replyMode: 'either', weights, persona: { name: 'Caller', description: 'A caller' }, account: { holder: 'Caller', number: '1' },
  });
  return {
    summaries: [
      summary('notify', 'Claim result by phone', 'I', 'Insurer, claims line', { closing: 2 }),
      summary('gym', 'Cancelling a gym membership', 'II', 'Fitness club, membership line', { resolution: 2 }, 10_000),
      summary('water', 'A shut-off notice', 'III', 'Water utility, hardship line', { deescalation: 1.5 }),
    ],
    problems: [],
    loaders: {},
  };
});

function cardTitles() {
  return within(screen.getByRole('list', { name: 'Scenarios' }))
    .getAllByRole('heading')
    .map((heading) => heading.textContent);
}

describe('the picker over a library', () => {
  // The picker loads its drafts list lazily; loaded here first, that list does not finish loading after a test is over
  // (as it can when the whole suite runs at once), where React could only warn of it.
  beforeAll(() => import('../../src/features/picker/draft-list'));
  beforeEach(() => {
    resetSessionStoreForTests();
    localStorage.clear();
    usePreferences.setState({ traineeName: 'Sam' });
  });

  it('filters by level, setting and competency, says how many match, and clears', async () => {
    const user = userEvent.setup();
    renderAt('/', <PickerPage />);
    expect(cardTitles()).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('3 scenarios');
    await user.selectOptions(screen.getByLabelText('Level'), 'II');
    expect(cardTitles()).toEqual(['Cancelling a gym membership']);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1 of 3 scenarios');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.selectOptions(screen.getByLabelText('Setting'), 'Water utility, hardship line');
    expect(cardTitles()).toEqual(['A shut-off notice']);
    await user.selectOptions(screen.getByLabelText('Stresses'), 'Closing');
    expect(screen.queryByRole('list', { name: 'Scenarios' })).toBeNull();
    expect(screen.getByText(/No scenario matches these filters/)).toBeInTheDocument();
    await user.click(within(screen.getByText(/No scenario matches/)).getByRole('button', { name: 'Clear filters' }));
    expect(cardTitles()).toHaveLength(3);
  }, 30_000);

  it('shows each scenario\'s setting and the checklist rows it covers', async () => {
    const user = userEvent.setup();
    renderAt('/', <PickerPage />);
    const card = screen.getByRole('heading', { name: 'Claim result by phone' }).closest('li')!;
    expect(card).toHaveTextContent('Insurer, claims line');
    await user.click(within(card).getByText('Checklist rows it covers (2)'));
    expect(within(card).getByText('Maintain financial or account records')).toBeVisible();
  });

  it('says which customers will not wait: the pace, from how long each waits in silence', () => {
    renderAt('/', <PickerPage />);
    const pace = (title: string) => within(screen.getByRole('heading', { name: title }).closest('li')!).getByText('Pace').nextElementSibling;
    expect(pace('Cancelling a gym membership')).toHaveTextContent('Brisk (notices 10 seconds of silence)');
    expect(pace('A shut-off notice')).toHaveTextContent('Patient (notices 20 seconds of silence)');
  });

  it('recommends the easiest call to a new trainee', async () => {
    renderAt('/', <PickerPage />);
    const next = await screen.findByRole('region', { name: 'Recommended next' });
    expect(next).toHaveTextContent('Claim result by phone');
    expect(screen.getByText(/A Level I call \(routine inquiry\) to start with/)).toBeInTheDocument();
  });

  it('recommends the call that works the trainee\'s lowest competency', async () => {
    const session = await startSession({ id: 'notify', version: 1, title: 'Claim result by phone' }, 'Sam');
    await saveSession({
      ...session,
      status: 'scored',
      scorecard: {
        scenarioId: 'notify', scenarioVersion: 1, ending: null, overall: 62, level: 'Satisfactory', cap: null,
        competencies: [
          { id: 'closing', title: 'Closing', clauses: [], weight: 2, score: 90, level: 'Superior', behaviours: [] },
          { id: 'deescalation', title: 'De-escalation', clauses: [], weight: 1, score: 35, level: 'Needs improvement', behaviours: [] },
        ],
      },
    });
    renderAt('/', <PickerPage />);
    expect(await screen.findByRole('region', { name: 'Recommended next' })).toHaveTextContent('A shut-off notice');
    expect(screen.getByText(/lowest competency so far is De-escalation \(average 35 over 1 call\)/)).toBeInTheDocument();
  });
});
