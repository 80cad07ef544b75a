/**
 * The scenario's own details by form: id (renamed with every "#id" target),
 * card and briefing, the caller, the checklist rows it lets a trainee show,
 * weights, timing, flags and the domain's words.
 */
import { useState } from 'react';
import { renameScenarioData } from '../../engine/scenario/rename';
import { CHECKLIST } from '../../engine/scoring/checklist';
import { COMPETENCIES } from '../../engine/vocabulary';
import { CheckField, ChoiceList, ItemBox, ListField, NumberField, SelectField, TextField } from './form-fields';
import { setOptional, type Change, type ScenarioJson } from './scenario-document';

const MOODS = ['anger', 'trust', 'confusion', 'patience'] as const;

function RenameId({ data, change }: { data: ScenarioJson; change: Change }) {
  const [id, setId] = useState(data.id ?? '');
  const [problem, setProblem] = useState('');
  return (
    <form
      className="add-by-name"
      onSubmit={(event) => {
        event.preventDefault();
        try {
          const renamed = renameScenarioData(data, id);
          change((copy) => Object.assign(copy, renamed));
          setProblem('');
        } catch (error) {
          setProblem(error instanceof Error ? error.message : String(error));
        }
      }}
    >
      <label>
        Scenario id <input type="text" value={id} onChange={(event) => setId(event.target.value)} aria-describedby="rename-problem" />
      </label>{' '}
      <button type="submit" disabled={id === data.id}>
        Rename
      </button>
      <span id="rename-problem" className="field-problem" role="status">
        {problem || 'Renaming also rewrites every "#id" target.'}
      </span>
    </form>
  );
}

export function ScenarioForm({ data, change }: { data: ScenarioJson; change: Change }) {
  const set = (mutate: (copy: ScenarioJson) => void) => change(mutate);
  const persona = data.persona ?? {};
  return (
    <div className="scenario-form">
      <h2>Scenario</h2>
      <fieldset>
        <legend>Card and briefing</legend>
        <RenameId key={data.id} data={data} change={change} />
        <TextField label="Title" value={data.title} onChange={(title) => set((copy) => void (copy.title = title))} />
        <TextField label="Summary (one line for the card)" value={data.summary} onChange={(summary) => set((copy) => void (copy.summary = summary))} />
        <TextField label="Briefing (what the trainee knows before answering)" multiline value={data.briefing} onChange={(briefing) => set((copy) => void (copy.briefing = briefing))} />
        <SelectField label="Level" value={data.level} options={[{ value: 'I', label: 'I: routine inquiry' }, { value: 'II', label: 'II: complex inquiry or records' }, { value: 'III', label: 'III: referred complaint' }] as const} onChange={(level) => set((copy) => void (copy.level = level))} />
        <NumberField label="Expected minutes" value={data.expectedMinutes} min={1} onChange={(minutes) => set((copy) => setOptional(copy, 'expectedMinutes', minutes))} />
        <TextField label="Setting (line of business and desk)" value={data.setting} onChange={(setting) => set((copy) => setOptional(copy, 'setting', setting))} />
        <SelectField label="Direction" value={data.direction ?? 'inbound'} options={[{ value: 'inbound', label: 'inbound: the customer rings' }, { value: 'outbound', label: 'outbound: the trainee calls' }] as const} onChange={(direction) => set((copy) => void (copy.direction = direction))} />
        <SelectField label="Replies" value={data.replyMode ?? 'either'} options={[{ value: 'either', label: 'prepared or typed, as the trainee chooses' }, { value: 'prepared', label: 'prepared replies only' }, { value: 'open', label: 'typed replies only' }] as const} onChange={(replyMode) => set((copy) => void (copy.replyMode = replyMode))} />
        <TextField label="Currency (ISO code)" value={data.currency} onChange={(currency) => set((copy) => void (copy.currency = currency))} />
        <NumberField label="Version (raise it when the behaviour changes)" value={data.version} min={1} onChange={(version) => set((copy) => setOptional(copy, 'version', version))} />
      </fieldset>
      <fieldset>
        <legend>The caller</legend>
        <TextField label="Caller's name" value={persona.name} onChange={(name) => set((copy) => void ((copy.persona ??= {}).name = name))} />
        <TextField label="Caller's manner" multiline value={persona.description} onChange={(description) => set((copy) => void ((copy.persona ??= {}).description = description))} />
        <fieldset className="mood-fields">
          <legend>Mood at the start (0–100)</legend>
          {MOODS.map((dimension) => (
            <NumberField
              key={dimension}
              label={`Starting ${dimension}`}
              value={persona.mood?.[dimension]}
              min={0}
              max={100}
              onChange={(value) => set((copy) => void ((copy.persona ??= {}).mood = { anger: 0, trust: 0, confusion: 0, patience: 0, ...copy.persona.mood, [dimension]: value ?? 0 }))}
            />
          ))}
        </fieldset>
        <SelectField
          label="Voice"
          value={persona.voice?.hint ?? 'neutral'}
          options={['female', 'male', 'neutral'] as const}
          onChange={(hint) => set((copy) => void ((copy.persona ??= {}).voice = { lang: 'en-US', pitch: 1, rate: 1, ...copy.persona.voice, hint }))}
        />
      </fieldset>
      <details>
        <summary>Checklist rows this scenario lets a trainee show ({(data.checklist ?? []).length} chosen)</summary>
      <ChoiceList
        legend="Checklist rows this scenario lets a trainee show"
        options={CHECKLIST.rows.map((row) => row.id)}
        chosen={data.checklist ?? []}
        labelOf={(id) => `${id}: ${CHECKLIST.rows.find((row) => row.id === id)?.text ?? ''}`}
        onChange={(checklist) => set((copy) => setOptional(copy, 'checklist', checklist as ScenarioJson['checklist']))}
        className="checklist-picker"
      />
      </details>
      <fieldset className="mood-fields">
        <legend>Weights: how much each competency counts (empty: 1)</legend>
        {COMPETENCIES.map((competency) => (
          <NumberField
            key={competency}
            label={competency}
            value={data.weights?.[competency]}
            min={0}
            max={10}
            onChange={(weight) =>
              set((copy) => {
                const weights = { ...copy.weights, [competency]: weight };
                if (weight === undefined) delete weights[competency];
                copy.weights = weights;
              })
            }
          />
        ))}
      </fieldset>
      <fieldset className="mood-fields">
        <legend>Timing (milliseconds; empty: the default)</legend>
        {(
          [
            ['silenceMs', 'Silence before the customer reacts', 20000],
            ['lookupWaitMs', 'More silence allowed during a look-up', 30000],
            ['ringTimeoutMs', 'Ringing before a missed call', 30000],
            ['holdTickMs', 'Hold: patience drains every', 10000],
            ['holdPatienceDrain', 'Hold: patience lost each time', 8],
          ] as const
        ).map(([key, label, fallback]) => (
          <NumberField
            key={key}
            label={label}
            value={data.timing?.[key]}
            placeholder={String(fallback)}
            onChange={(value) =>
              set((copy) => {
                const timing = { ...copy.timing, [key]: value } as NonNullable<ScenarioJson['timing']>;
                if (value === undefined) delete timing[key];
                setOptional(copy, 'timing', Object.keys(timing).length ? timing : undefined);
              })
            }
          />
        ))}
      </fieldset>
      <ListField label="Flags the call can set" value={data.flags} onChange={(flags) => set((copy) => void (copy.flags = flags))} hint="one name per line; supervisorDemanded is read by the scorer" />
      <ListField label="Jargon this customer would not understand" value={data.jargon} onChange={(jargon) => set((copy) => void (copy.jargon = jargon))} />
      <h3>Glossary</h3>
      {(data.glossary ?? []).map((entry, index) => (
        <ItemBox key={index} title={`Word ${index + 1}: ${entry.term}`} removeLabel={`Remove word ${index + 1}`} onRemove={() => set((copy) => void copy.glossary!.splice(index, 1))}>
          <TextField label="Term" value={entry.term} onChange={(term) => set((copy) => void (copy.glossary![index]!.term = term))} />
          <TextField label="Meaning" value={entry.meaning} onChange={(meaning) => set((copy) => setOptional(copy.glossary![index]!, 'meaning', meaning))} />
          <CheckField label="An ordinary word here (not negative wording or jargon)" checked={!!entry.neutral} onChange={(neutral) => set((copy) => setOptional(copy.glossary![index]!, 'neutral', neutral || undefined))} />
        </ItemBox>
      ))}
      <button type="button" onClick={() => set((copy) => void (copy.glossary = [...(copy.glossary ?? []), { term: 'new word', neutral: true }]))}>
        Add a glossary word
      </button>
    </div>
  );
}
