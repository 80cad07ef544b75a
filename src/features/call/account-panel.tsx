import { useState } from 'react';
import { SECTION_NAMES } from '../../components/transcript-entry';
import { accountSections, customSection } from '../../engine/scenario/account';
import type { AccountSectionConfig, Scenario } from '../../engine/scenario/scenario-schema';
import type { AccountSection } from '../../engine/vocabulary';

type Bill = Scenario['account']['bills'][number];

function moneyIn(currency: string) {
  const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return (amount: number) => format.format(amount);
}

function BillTable({ bills, caption, money }: { bills: Bill[]; caption: string; money: (amount: number) => string }) {
  if (!bills.length) return <p className="muted">None on this account.</p>;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Period</th>
          <th scope="col">Issued</th>
          <th scope="col">Usage</th>
          <th scope="col">Details</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        {bills.map((bill) => (
          <tr key={bill.id}>
            <td>
              {bill.period}
              {bill.status && <div className="muted">{bill.status}</div>}
            </td>
            <td>{bill.issued}</td>
            <td>{bill.usage ?? '—'}</td>
            <td>
              {bill.lines?.length ? (
                <ul className="bill-lines">
                  {bill.lines.map((line, i) => (
                    <li key={i}>
                      {line.label}: {money(line.amount)}
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </td>
            <td className="amount">{money(bill.amount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A section the scenario defines itself: each item with its date, status, amounts and details. */
function OwnSection({ section, money }: { section: AccountSectionConfig; money: (amount: number) => string }) {
  if (!section.items.length) return <p className="muted">None on this account.</p>;
  return (
    <ul className="section-items">
      {section.items.map((item, i) => (
        <li key={item.id ?? i}>
          <strong>{item.title}</strong>
          {(item.date || item.status) && <div className="muted">{[item.date, item.status].filter(Boolean).join(' · ')}</div>}
          {(item.amounts.length > 0 || item.details.length > 0) && (
            <dl className="facts">
              {item.amounts.map((line, j) => (
                <div key={`a${j}`}>
                  <dt>{line.label}</dt>
                  <dd className="amount">{money(line.amount)}</dd>
                </div>
              ))}
              {item.details.map((line, j) => (
                <div key={`d${j}`}>
                  <dt>{line.label}</dt>
                  <dd>{line.value}</dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ul>
  );
}

function sectionTitle(scenario: Scenario, section: AccountSection): string {
  return customSection(scenario.account, section)?.title ?? SECTION_NAMES[section] ?? section;
}

function SectionBody({ scenario, section }: { scenario: Scenario; section: AccountSection }) {
  const { account, policy } = scenario;
  const money = moneyIn(scenario.currency);
  const own = customSection(account, section);
  if (own) return <OwnSection section={own} money={money} />;
  switch (section) {
    case 'holder':
      return (
        <dl className="facts">
          <dt>Holder</dt>
          <dd>{account.holder}</dd>
          <dt>Account</dt>
          <dd>{account.number}</dd>
          {account.plan && (
            <>
              <dt>Plan</dt>
              <dd>{account.plan}</dd>
            </>
          )}
          {account.identity.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'addresses':
      return (
        <ul>
          {account.addresses.map((address) => (
            <li key={address.label}>
              <strong>{address.label}:</strong> {address.lines.join(', ')}
            </li>
          ))}
        </ul>
      );
    case 'bills':
      return <BillTable bills={account.bills} caption="Bills, newest last" money={money} />;
    case 'invoices':
      return <BillTable bills={account.invoices} caption="Invoices" money={money} />;
    case 'payments':
      return account.payments.length ? (
        <table>
          <caption>Payments received</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Method</th>
              <th scope="col">Amount</th>
            </tr>
          </thead>
          <tbody>
            {account.payments.map((payment, i) => (
              <tr key={i}>
                <td>{payment.date}</td>
                <td>{payment.method}</td>
                <td className="amount">{money(payment.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No payments recorded.</p>
      );
    case 'policy':
      return (
        <>
          <p>{policy.summary}</p>
          <ul>
            {policy.terms.map((term, i) => (
              <li key={i}>{term}</li>
            ))}
          </ul>
        </>
      );
    case 'history':
      return account.history.length ? (
        <ul>
          {account.history.map((item, i) => (
            <li key={i}>
              <strong>{item.date}</strong> {item.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No earlier contacts.</p>
      );
    default:
      return <p className="muted">None on this account.</p>;
  }
}

/** The customer's record. Opening a section is a lookup, and goes in the transcript. */
export function AccountPanel({ scenario, onLookup }: { scenario: Scenario; onLookup: (section: AccountSection) => void }) {
  const [open, setOpen] = useState<AccountSection | null>(null);
  const toggle = (section: AccountSection) => {
    const opening = open !== section;
    setOpen(opening ? section : null);
    if (opening) onLookup(section);
  };
  return (
    <section className="account card" aria-labelledby="account-heading">
      <h2 id="account-heading">Account {scenario.account.number}</h2>
      <div className="section-buttons" role="group" aria-label="Look up">
        {accountSections(scenario.account).map((section) => (
          <button key={section} type="button" aria-expanded={open === section} aria-controls="account-section" onClick={() => toggle(section)}>
            {sectionTitle(scenario, section)}
          </button>
        ))}
      </div>
      <div id="account-section" className="account-section" role="region" tabIndex={0} aria-label={open ? sectionTitle(scenario, open) : 'Account section'}>
        {open ? <SectionBody scenario={scenario} section={open} /> : <p className="muted">Choose a section to look it up. Each look-up is recorded.</p>}
      </div>
    </section>
  );
}
