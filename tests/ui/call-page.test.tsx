// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CallPage } from '../../src/features/call/call-page';
import { loadSession, resetSessionStoreForTests, startSession } from '../../src/lib/session-store';
import { renderAt } from './render';

vi.mock('virtual:scenarios', async () => (await import('./tiny-scenarios')).tinyScenariosModule());

async function openCall() {
  const session = await startSession({ id: 'tiny', version: 1, title: 'Tiny test caller' }, 'Sam');
  const view = renderAt(`/call/${session.id}`, <CallPage sessionId={session.id} />);
  await screen.findByRole('button', { name: 'Answer' });
  return { session, ...view };
}

const replyButton = (text: RegExp | string) => within(screen.getByRole('region', { name: 'Your reply' })).getByRole('button', { name: text });
const transcriptList = () => within(screen.getByRole('list', { name: 'Call so far' }));

describe('the call screen', () => {
  beforeEach(() => resetSessionStoreForTests());

  it('rings, then shows and announces what the customer says once answered', async () => {
    const user = userEvent.setup();
    await openCall();
    expect(screen.getByText('The phone is ringing…')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    const caption = screen.getByTestId('caption');
    expect(caption).toHaveAttribute('aria-live', 'polite');
    expect(caption).toHaveTextContent('Tess Tiny: Finally! Where is my parcel?');
    expect(transcriptList().getByText('Finally! Where is my parcel?')).toBeInTheDocument();
  });

  it('reacts to a reply chosen with a number key: transcript, caption and mood move', async () => {
    const user = userEvent.setup();
    await openCall();
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    const replies = within(screen.getByRole('region', { name: 'Your reply' })).getAllByRole('button');
    const goodIndex = replies.findIndex((button) => /Good morning/.test(button.textContent ?? ''));
    await user.keyboard(String(goodIndex + 1));
    expect(transcriptList().getByText('Good morning, thanks for calling. How can I help?')).toBeInTheDocument();
    expect(screen.getByTestId('caption')).toHaveTextContent('My parcel is five days late.');
    // The next beat's replies replace the first ones.
    expect(replyButton('When did you order it?')).toBeInTheDocument();
  });

  it('puts the customer on hold: replies are disabled until resumed, and the hold is in the transcript', async () => {
    const user = userEvent.setup();
    await openCall();
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    await user.click(screen.getByRole('button', { name: 'Hold' }));
    expect(screen.getByRole('button', { name: 'Resume from hold' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('The customer is on hold and cannot hear you.')).toBeInTheDocument();
    for (const button of within(screen.getByRole('region', { name: 'Your reply' })).getAllByRole('button')) expect(button).toBeDisabled();
    expect(screen.getByText('You put the customer on hold')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume from hold' }));
    expect(replyButton(/Good morning/)).toBeEnabled();
  });

  it('escalates: the call ends, the notes form opens, and scoring leads to the results', async () => {
    const user = userEvent.setup();
    const { session, history } = await openCall();
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    await user.click(screen.getByRole('button', { name: 'Escalate or transfer' }));
    expect(screen.getByText('Call ended: Transferred')).toBeInTheDocument();
    expect(transcriptList().getByText('Fine, put me through.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Action taken'), 'Transferred to a supervisor');
    await user.click(screen.getByRole('button', { name: /Save notes and see my score/ }));
    await waitFor(() => expect(history.at(-1)).toBe(`/results/${session.id}`));
    const stored = await loadSession(session.id);
    expect(stored?.status).toBe('scored');
    expect(stored?.scorecard?.competencies.find((c) => c.id === 'resolution')?.behaviours.find((b) => b.id === 'escalationJudgement')?.earned).toBe(0);
  });

  it('saves every turn, so the call can be continued from storage', async () => {
    const user = userEvent.setup();
    const { session, unmount } = await openCall();
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    await user.click(replyButton(/Good morning/));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    unmount();
    const stored = await loadSession(session.id);
    expect(stored?.record.transcript.map((entry) => entry.kind)).toEqual(['event', 'customer', 'trainee', 'customer']);
    renderAt(`/call/${session.id}`, <CallPage sessionId={session.id} />);
    expect(await screen.findByText('Good morning, thanks for calling. How can I help?')).toBeInTheDocument();
    expect(replyButton('When did you order it?')).toBeInTheDocument();
  });

  it('records an account look-up when a section is opened', async () => {
    const user = userEvent.setup();
    await openCall();
    await user.click(screen.getByRole('button', { name: 'Answer' }));
    await user.click(within(screen.getByRole('group', { name: 'Look up' })).getByRole('button', { name: 'Bills' }));
    expect(screen.getByRole('table', { name: 'Bills, newest last' })).toBeInTheDocument();
    expect(screen.getByText('You looked up: Bills')).toBeInTheDocument();
  });
});
