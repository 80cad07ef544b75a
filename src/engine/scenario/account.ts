/**
 * Reading the account record as a whole: which sections it has, and every
 * amount on it, whether in a built-in section or one the scenario defines.
 */
import type { Account, AccountSectionConfig } from './scenario-schema';
import { ACCOUNT_SECTIONS, type AccountSection } from '../vocabulary';

/** Built-in list sections an account without any entries in them does not show when it has sections of its own. */
const LISTS = ['bills', 'payments', 'invoices'] as const;

/**
 * The sections a trainee can look up, in order: the built-in ones, then the
 * scenario's own. A scenario that defines its own sections is not a utility
 * account, so its empty bills, payments and invoices are left out.
 */
export function accountSections(account: Account): AccountSection[] {
  const own = Object.keys(account.sections);
  const builtIn = ACCOUNT_SECTIONS.filter((section) => !own.length || !(LISTS as readonly string[]).includes(section) || account[section as (typeof LISTS)[number]].length > 0);
  return [...builtIn, ...own];
}

export function customSection(account: Account, section: AccountSection): AccountSectionConfig | undefined {
  return Object.hasOwn(account.sections, section) ? account.sections[section] : undefined;
}

/** Every amount written on the account: bills and their lines, invoices, payments, and the items of its own sections. */
export function accountAmounts(account: Account): number[] {
  return [
    ...[...account.bills, ...account.invoices].flatMap((bill) => [bill.amount, ...(bill.lines ?? []).map((line) => line.amount)]),
    ...account.payments.map((payment) => payment.amount),
    ...Object.values(account.sections).flatMap((section) => section.items.flatMap((item) => item.amounts.map((line) => line.amount))),
  ];
}
