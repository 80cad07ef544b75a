/**
 * One fresh Chromium profile per test file, driven by playwright-core, with
 * helpers for what every browser test does: open a page, collect dialogs and
 * errors, and run an axe-core scan.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM } from './chromium';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  /** Dialogs (alert, confirm…) and uncaught page errors seen so far. */
  dialogs: string[];
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'call-trainer-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const session: BrowserSession = {
    context,
    page,
    baseUrl: inject('baseUrl'),
    dialogs: [],
    errors: [],
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  page.on('dialog', (dialog) => {
    session.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => session.errors.push(error.message));
  return session;
}

export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}
