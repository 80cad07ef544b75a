/**
 * Code that runs inside the trainee's page. Playwright sends each function
 * as source text, so none of them may use imports or anything from the Node
 * side except the argument they are given.
 */

/** tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(…)`; the page needs that helper too. */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';

export const PICKER_LINK = 'a[aria-label^="Read the briefing for "]';
export const TRANSCRIPT = 'ol[aria-label="Call so far"]';
export const REPLY_BUTTONS = 'section[aria-labelledby="replies-heading"] button.reply';
export const NOTES_FORM = 'form[aria-labelledby="notes-heading"]';

interface BenchWindow {
  benchPickerReadyAt?: number;
}

/**
 * Installed before the page's own scripts: notes the moment (performance.now(),
 * which counts from the start of navigation) the first picker link is in the
 * document, laid out and not disabled. Checked on every DOM change, so the
 * figure does not depend on how often the driver polls.
 */
export function watchForPickerLink(selector: string) {
  const ready = () => {
    const link = document.querySelector(selector);
    if (!link || link.getAttribute('aria-disabled') === 'true') return false;
    const box = link.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && link.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    (window as unknown as BenchWindow).benchPickerReadyAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

export function pickerReadyAt(): number | null {
  return (window as unknown as BenchWindow).benchPickerReadyAt ?? null;
}

export type ReplyTiming = { kind: 'sample'; ms: number } | { kind: 'no-line' } | { kind: 'no-replies' };

export interface ReplyTimingOptions {
  /** Texts of the scenarios' good replies: preferred, so calls last longer and give more samples each. */
  goodTexts: string[];
  timeoutMs: number;
  selectors: { transcript: string; replies: string };
}

/**
 * Clicks one enabled reply and measures, with performance.now() in the page,
 * until a new customer line is in the transcript. The observer is installed
 * before the click, so nothing the app does in between is missed. (The page
 * is not cross-origin isolated, so Chromium rounds the clock to 0.1 ms.)
 */
export function timeOneReply({ goodTexts, timeoutMs, selectors }: ReplyTimingOptions): Promise<ReplyTiming> {
  const list = document.querySelector(selectors.transcript);
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>(selectors.replies)).filter((button) => !button.disabled);
  if (!list || !buttons.length) return Promise.resolve({ kind: 'no-replies' });
  const choice = buttons.find((button) => goodTexts.includes(button.querySelector('span')?.textContent ?? '')) ?? buttons[0]!;
  const customerLines = () => list.querySelectorAll('.line-customer').length;
  const before = customerLines();
  return new Promise((resolve) => {
    let started = 0;
    const finish = (result: ReplyTiming) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(result);
    };
    const observer = new MutationObserver(() => {
      if (customerLines() > before) finish({ kind: 'sample', ms: performance.now() - started });
    });
    observer.observe(list, { childList: true, subtree: true });
    const timer = setTimeout(() => finish({ kind: 'no-line' }), timeoutMs);
    started = performance.now();
    choice.click();
  });
}
