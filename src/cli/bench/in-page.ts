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

export const TYPED_REPLY = 'textarea#typed-reply';
export const TYPED_REPLY_STATUS = 'form[aria-labelledby="replies-heading"] [role="status"]';

export interface TypedReplyOptions {
  text: string;
  /** Focus the textarea first, as a trainee does before typing: that is what starts loading the model. */
  focus: boolean;
  loadingText: string;
  failedText: string;
  timeoutMs: number;
  selectors: { transcript: string; textarea: string; status: string };
}

export type TypedReplyTiming =
  | {
      kind: 'sample';
      /** Start → the customer's next line in the transcript. */
      lineMs: number;
      /** Start → the loading status line gone again (the classifier ready); null if it never showed. */
      readyMs: number | null;
      /** Whether the loading status line showed at all (before or after the start); if not, the classifier was in at the start. */
      loadingSeen: boolean;
    }
  | { kind: 'no-line'; readyMs: number | null; loadingSeen: boolean }
  | { kind: 'failed'; reason: string };

/**
 * Types `text` into the open-reply textarea (untimed, the way React sees
 * typing: the native value setter, then an input event, then a pause so the
 * component has the text), then starts the clock, focuses the textarea if
 * asked and presses Enter at once. Measures, in the page, until the loading
 * status line has gone (it may already show at the start, when a preload
 * is under way) and until a new customer line is in the transcript. Pressing Enter straight after focusing is the slowest a
 * trainee can meet: the reply waits for the whole model load.
 */
export async function timeTypedReply({ text, focus, loadingText, failedText, timeoutMs, selectors }: TypedReplyOptions): Promise<TypedReplyTiming> {
  const list = document.querySelector(selectors.transcript);
  const textarea = document.querySelector<HTMLTextAreaElement>(selectors.textarea);
  const status = document.querySelector(selectors.status);
  if (!list || !textarea || !status) return { kind: 'failed', reason: 'no transcript, textarea or status line in the page' };
  if (textarea.disabled) return { kind: 'failed', reason: 'the textarea is disabled' };
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, text);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  if (textarea.value !== text) return { kind: 'failed', reason: 'the textarea did not keep the typed text' };

  const customerLines = () => list.querySelectorAll('.line-customer').length;
  const before = customerLines();
  return new Promise((resolve) => {
    let started = 0;
    // A load under way before the focus (a preload) already shows.
    let sawLoading = (status.textContent ?? '').includes(loadingText);
    let readyMs: number | null = null;
    const finish = (result: TypedReplyTiming) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(result);
    };
    const check = () => {
      const now = performance.now() - started;
      const said = status.textContent ?? '';
      if (said.includes(failedText)) return finish({ kind: 'failed', reason: said });
      if (said.includes(loadingText)) sawLoading = true;
      else if (sawLoading && readyMs === null) readyMs = now;
      if (customerLines() > before) finish({ kind: 'sample', lineMs: now, readyMs, loadingSeen: sawLoading });
    };
    const observer = new MutationObserver(check);
    observer.observe(list, { childList: true, subtree: true });
    observer.observe(status, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => finish({ kind: 'no-line', readyMs, loadingSeen: sawLoading }), timeoutMs);
    started = performance.now();
    if (focus) textarea.focus();
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  });
}
