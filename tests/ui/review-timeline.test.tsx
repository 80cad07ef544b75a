// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CallTimeline } from '../../src/features/review/call-timeline';
import { play } from '../helpers/play';
import { billing } from '../helpers/records';

describe('the look-ups and holds on the session review', () => {
  it('lists them in order with their times, says how long the customer waited, and takes the keyboard to the turn', async () => {
    const transcript = play(billing, ['ANSWER', 'greet-good', 'LOOKUP bills', 'HOLD', 'RESUME']).record().transcript;
    Element.prototype.scrollIntoView = () => undefined;
    render(
      <>
        <CallTimeline transcript={transcript} />
        <ol>
          {transcript.map((_, index) => (
            <li key={index} id={`review-turn-${index}`} tabIndex={-1}>
              turn {index}
            </li>
          ))}
        </ol>
      </>,
    );
    const nav = screen.getByRole('navigation', { name: 'Look-ups and holds' });
    const buttons = [...nav.querySelectorAll('button')].map((button) => button.textContent);
    expect(buttons).toEqual([expect.stringMatching(/^\d+:\d\d Look-up: Bills$/), expect.stringMatching(/^\d+:\d\d Hold$/), expect.stringMatching(/^\d+:\d\d Off hold$/)]);
    expect(nav.textContent).toMatch(/On hold once, \d+:\d\d in all/);
    const user = userEvent.setup();
    screen.getByRole('button', { name: /Hold$/ }).focus();
    await user.keyboard('{Enter}');
    const holdIndex = transcript.findIndex((entry) => entry.kind === 'event' && entry.event === 'hold');
    expect(document.activeElement?.id).toBe(`review-turn-${holdIndex}`);
  });

  it('says plainly when the call had neither', () => {
    render(<CallTimeline transcript={play(billing, ['ANSWER', 'greet-good']).record().transcript} />);
    expect(screen.getByText('No account look-ups or holds in this call.')).toBeTruthy();
  });
});
