/**
 * The account the trainee looks up and the policy they apply, by form:
 * holder, identity facts, addresses, earlier contacts, sections of the
 * scenario's own with their items and amounts; the policy's terms,
 * escalation rule and resolutions; and what judges the complaint valid.
 */
import type { Resolution } from '../../engine/scenario/scenario-schema';
import { AddByName, CheckField, ChoiceList, ItemBox, ListField, NumberField, SelectField, TextField } from './form-fields';
import { sectionIds } from './guard-editor';
import { factIds, resolutionIds, setOptional, type Change, type ScenarioJson } from './scenario-document';

type Account = NonNullable<ScenarioJson['account']>;
type Section = NonNullable<Account['sections']>[string];
type Item = Section['items'][number];

function Pairs({ legend, pairs, onChange, first, second }: { legend: string; pairs: { label: string; value: string }[]; onChange: (pairs: { label: string; value: string }[]) => void; first: string; second: string }) {
  return (
    <fieldset className="pairs">
      <legend>{legend}</legend>
      {pairs.map((pair, index) => (
        <div key={index} className="pair">
          <TextField label={`${legend} ${index + 1}: ${first}`} value={pair.label} onChange={(label) => onChange(pairs.map((other, i) => (i === index ? { ...other, label } : other)))} />
          <TextField label={`${legend} ${index + 1}: ${second}`} value={pair.value} onChange={(value) => onChange(pairs.map((other, i) => (i === index ? { ...other, value } : other)))} />
          <button type="button" className="link-button danger" onClick={() => onChange(pairs.filter((_, i) => i !== index))}>
            Remove {legend.toLowerCase()} {index + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...pairs, { label: '', value: '' }])}>
        Add to {legend.toLowerCase()}
      </button>
    </fieldset>
  );
}

function ItemForm({ name, item, onChange }: { name: string; item: Item; onChange: (item: Item) => void }) {
  return (
    <>
      <TextField label={`${name}: title`} value={item.title} onChange={(title) => onChange({ ...item, title })} />
      <TextField label={`${name}: date (YYYY-MM-DD)`} value={item.date} onChange={(date) => onChange(date ? { ...item, date } : (({ date: _, ...rest }) => rest)(item))} />
      <TextField label={`${name}: status`} value={item.status} onChange={(status) => onChange({ ...item, status })} />
      <fieldset className="pairs">
        <legend>{name}: amounts</legend>
        {(item.amounts ?? []).map((line, index) => (
          <div key={index} className="pair">
            <TextField label={`${name} amount ${index + 1}: label`} value={line.label} onChange={(label) => onChange({ ...item, amounts: item.amounts.map((other, i) => (i === index ? { ...other, label } : other)) })} />
            <NumberField label={`${name} amount ${index + 1}: amount`} value={line.amount} step={0.01} onChange={(amount) => onChange({ ...item, amounts: item.amounts.map((other, i) => (i === index ? { ...other, amount: amount ?? 0 } : other)) })} />
            <button type="button" className="link-button danger" onClick={() => onChange({ ...item, amounts: item.amounts.filter((_, i) => i !== index) })}>
              Remove {name} amount {index + 1}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => onChange({ ...item, amounts: [...(item.amounts ?? []), { label: 'Amount', amount: 0 }] })}>
          Add an amount to {name}
        </button>
      </fieldset>
      <Pairs legend={`${name} details`} first="label" second="value" pairs={item.details ?? []} onChange={(details) => onChange({ ...item, details })} />
    </>
  );
}

export function AccountForm({ data, change }: { data: ScenarioJson; change: Change }) {
  const account = data.account ?? {};
  const policy = data.policy ?? {};
  const setAccount = (mutate: (account: Account) => void) => change((copy) => mutate((copy.account ??= {})));
  const setResolution = (id: string, mutate: (resolution: Resolution) => void) => change((copy) => mutate(copy.policy!.resolutions![id]!));
  return (
    <div className="account-form">
      <h2>Account and policy</h2>
      <fieldset>
        <legend>Account holder</legend>
        <TextField label="Holder" value={account.holder} onChange={(holder) => setAccount((target) => void (target.holder = holder))} />
        <TextField label="Account number" value={account.number} onChange={(number) => setAccount((target) => void (target.number = number))} />
        <TextField label="Plan" value={account.plan} onChange={(plan) => setAccount((target) => setOptional(target, 'plan', plan))} />
      </fieldset>
      <Pairs legend="Identity facts for verification" first="label" second="value" pairs={account.identity ?? []} onChange={(identity) => setAccount((target) => void (target.identity = identity))} />
      <h3>Addresses</h3>
      {(account.addresses ?? []).map((address, index) => (
        <ItemBox key={index} title={`Address ${index + 1}`} removeLabel={`Remove address ${index + 1}`} onRemove={() => setAccount((target) => void target.addresses!.splice(index, 1))}>
          <TextField label={`Address ${index + 1}: label`} value={address.label} onChange={(label) => setAccount((target) => void (target.addresses![index]!.label = label))} />
          <ListField label={`Address ${index + 1}: lines`} value={address.lines} onChange={(lines) => setAccount((target) => void (target.addresses![index]!.lines = lines))} />
        </ItemBox>
      ))}
      <button type="button" onClick={() => setAccount((target) => void (target.addresses = [...(target.addresses ?? []), { label: 'Home', lines: ['street'] }]))}>
        Add an address
      </button>
      <h3>Earlier contacts</h3>
      {(account.history ?? []).map((entry, index) => (
        <ItemBox key={index} title={`Contact ${index + 1}`} removeLabel={`Remove contact ${index + 1}`} onRemove={() => setAccount((target) => void target.history!.splice(index, 1))}>
          <TextField label={`Contact ${index + 1}: date (YYYY-MM-DD)`} value={entry.date} onChange={(date) => setAccount((target) => void (target.history![index]!.date = date))} />
          <TextField label={`Contact ${index + 1}: what happened`} value={entry.text} onChange={(text) => setAccount((target) => void (target.history![index]!.text = text))} />
        </ItemBox>
      ))}
      <button type="button" onClick={() => setAccount((target) => void (target.history = [...(target.history ?? []), { date: new Date().toISOString().slice(0, 10), text: 'Called about…' }]))}>
        Add an earlier contact
      </button>
      <h3>Sections of this account (orders, claims, cards…)</h3>
      {Object.entries(account.sections ?? {}).map(([id, section]) => (
        <ItemBox key={id} title={`Section ${id}`} removeLabel={`Remove section ${id}`} onRemove={() => setAccount((target) => void delete target.sections![id])}>
          <TextField label={`Section ${id}: heading`} value={section.title} onChange={(title) => setAccount((target) => void (target.sections![id]!.title = title))} />
          {section.items.map((item, index) => (
            <ItemBox key={index} title={`${id} item ${index + 1}`} removeLabel={`Remove ${id} item ${index + 1}`} onRemove={() => setAccount((target) => void target.sections![id]!.items.splice(index, 1))}>
              <ItemForm name={`${id} item ${index + 1}`} item={item} onChange={(next) => setAccount((target) => void (target.sections![id]!.items[index] = next))} />
            </ItemBox>
          ))}
          <button type="button" onClick={() => setAccount((target) => void target.sections![id]!.items.push({ title: 'New item', amounts: [], details: [] }))}>
            Add an item to {id}
          </button>
        </ItemBox>
      ))}
      <AddByName label="New section named" taken={sectionIds(data)} button="Add a section" onAdd={(id) => setAccount((target) => void (target.sections = { ...target.sections, [id]: { title: id, items: [] } }))} />

      <h3>Policy</h3>
      <TextField label="Policy in one line" value={policy.summary} onChange={(summary) => change((copy) => void ((copy.policy ??= {}).summary = summary))} />
      <ListField label="Policy terms (shown on the account panel)" value={policy.terms} onChange={(terms) => change((copy) => void ((copy.policy ??= {}).terms = terms))} />
      <SelectField
        label="Escalation is"
        value={policy.escalation}
        options={[{ value: 'unnecessary', label: 'unnecessary (escalating is premature)' }, { value: 'whenDemanded', label: 'right once the customer demands a supervisor' }, { value: 'required', label: 'required' }] as const}
        onChange={(escalation) => change((copy) => void ((copy.policy ??= {}).escalation = escalation))}
      />
      <h3>Resolutions the trainee could offer</h3>
      {Object.entries(policy.resolutions ?? {}).map(([id, resolution]) => (
        <ItemBox key={id} title={`Resolution ${id}`} removeLabel={`Remove resolution ${id}`} onRemove={() => change((copy) => void delete copy.policy!.resolutions![id])}>
          <CheckField label={`${id} is correct`} checked={resolution.correct} onChange={(correct) => setResolution(id, (target) => void (target.correct = correct))} />
          <TextField label={`${id}: summary`} value={resolution.summary} onChange={(summary) => setResolution(id, (target) => void (target.summary = summary))} />
          <NumberField label={`${id}: amount`} value={resolution.amount} step={0.01} onChange={(amount) => setResolution(id, (target) => setOptional(target, 'amount', amount))} />
          <TextField label={`${id}: how the amount is worked out`} value={resolution.arithmetic} onChange={(arithmetic) => setResolution(id, (target) => setOptional(target, 'arithmetic', arithmetic))} />
          {!resolution.correct && <TextField label={`${id}: why it is wrong`} value={resolution.why} onChange={(why) => setResolution(id, (target) => setOptional(target, 'why', why))} />}
          <ListField label={`${id}: words in the notes' action that show it`} value={resolution.noteKeywords} onChange={(words) => setResolution(id, (target) => void (target.noteKeywords = words))} />
        </ItemBox>
      ))}
      <AddByName
        label="New resolution named"
        taken={resolutionIds(data)}
        button="Add a resolution"
        onAdd={(id) => change((copy) => void (((copy.policy ??= {}).resolutions ??= {})[id] = { correct: false, summary: '', noteKeywords: [] }))}
      />
      <h3>What shows the complaint is valid</h3>
      <ChoiceList legend="Facts the trainee must learn" options={factIds(data)} chosen={data.validity?.facts ?? []} onChange={(facts) => change((copy) => void (copy.validity = { lookups: [], ...copy.validity, facts }))} />
      <ChoiceList legend="Account sections the trainee must look up" options={sectionIds(data)} chosen={data.validity?.lookups ?? []} onChange={(lookups) => change((copy) => void (copy.validity = { facts: [], ...copy.validity, lookups }))} />
    </div>
  );
}
