/**
 * What the customer knows and says, by form: facts (category, summary, how
 * they put it, when they will tell, the words that show the notes recorded
 * it), lines by name with variants per mood, and how each act moves this
 * customer's mood (the engine's defaults shown as placeholders).
 */
import { ACT_LABELS, DIALOGUE_ACTS, FACT_CATEGORIES, type DialogueAct } from '../../engine/acts';
import { DEFAULT_MOOD_EFFECTS, type MoodCondition } from '../../engine/mood';
import type { Fact } from '../../engine/scenario/scenario-schema';
import { AddByName, ItemBox, ListField, MoodBoundsField, MoodDeltaField, SelectField, TextField } from './form-fields';
import { factIds, lineIds, setOptional, type Change, type ScenarioJson } from './scenario-document';

type Variant = { text: string; when?: MoodCondition; audio?: string };

const ENGINE_LINES = ['silence', 'unclear', 'refuseToAnswer', 'outOfPatience', 'holdHangUp', 'oneThingAtATime', 'sayAgain'];

function Variants({ name, variants, onChange, whenLegend }: { name: string; variants: Variant[]; onChange: (variants: Variant[]) => void; whenLegend: string }) {
  return (
    <>
      {variants.map((variant, index) => (
        <div key={index} className="variant">
          <TextField label={`${name}, variant ${index + 1}`} multiline value={variant.text} onChange={(text) => onChange(variants.map((other, i) => (i === index ? { ...other, text } : other)))} />
          <details open={!!variant.when}>
            <summary>{variant.when ? 'Only while the mood is within bounds' : 'Any mood (set bounds)'}</summary>
            <MoodBoundsField
              legend={`${whenLegend}, variant ${index + 1}`}
              value={variant.when}
              onChange={(when) =>
                onChange(
                  variants.map((other, i) => {
                    if (i !== index) return other;
                    const next = { ...other, when };
                    if (!when) delete next.when;
                    return next;
                  }),
                )
              }
            />
          </details>
          {variants.length > 1 && (
            <button type="button" className="link-button danger" onClick={() => onChange(variants.filter((_, i) => i !== index))}>
              Remove {name}, variant {index + 1}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...variants, { text: '' }])}>
        Add a variant to {name}
      </button>
    </>
  );
}

export function CustomerForm({ data, change }: { data: ScenarioJson; change: Change }) {
  const facts = data.facts ?? {};
  const lines = data.lines ?? {};
  const setFact = (id: string, mutate: (fact: Fact) => void) => change((copy) => mutate(copy.facts![id]!));
  return (
    <div className="customer-form">
      <h2>Customer</h2>
      <section aria-labelledby="facts-heading">
        <h3 id="facts-heading">Facts the customer knows</h3>
        <p className="muted">A question of the fact's kind (who, what, when, where, why) brings out the next untold fact of that kind, if the mood allows.</p>
        {Object.entries(facts).map(([id, fact]) => (
          <ItemBox key={id} title={`Fact ${id}`} removeLabel={`Remove fact ${id}`} onRemove={() => change((copy) => void delete copy.facts![id])}>
            <SelectField label={`${id}: kind`} value={fact.category} options={FACT_CATEGORIES} onChange={(category) => setFact(id, (target) => void (target.category = category))} />
            <TextField label={`${id}: summary (as a supervisor would write it)`} value={fact.summary} onChange={(summary) => setFact(id, (target) => void (target.summary = summary))} />
            <Variants name={`${id}: how the customer says it`} variants={fact.says ?? []} whenLegend="Said only while" onChange={(says) => setFact(id, (target) => void (target.says = says as Fact['says']))} />
            <ListField label={`${id}: words in the notes that show it was recorded`} value={fact.noteKeywords} onChange={(words) => setFact(id, (target) => void (target.noteKeywords = words))} />
            <ListField label={`${id}: topics that ask for it whatever its kind`} value={fact.topics} onChange={(topics) => setFact(id, (target) => setOptional(target, 'topics', topics))} hint="optional, one per line" />
            <details open={!!fact.revealWhen}>
              <summary>{fact.revealWhen ? 'Told only while the mood is within bounds' : 'Told in any mood (set bounds)'}</summary>
              <MoodBoundsField legend={`${id}: told only while`} value={fact.revealWhen} onChange={(bounds) => setFact(id, (target) => setOptional(target, 'revealWhen', bounds))} />
            </details>
          </ItemBox>
        ))}
        <AddByName
          label="New fact named"
          taken={factIds(data)}
          button="Add a fact"
          onAdd={(id) => change((copy) => void ((copy.facts ??= {})[id] = { category: 'what', summary: '', says: [{ text: '' }], noteKeywords: [] }))}
        />
      </section>
      <section aria-labelledby="lines-heading">
        <h3 id="lines-heading">Lines</h3>
        <p className="muted">
          What the customer says, by name; states and transitions say them. Each line has one or more variants, picked by mood. The engine supplies {ENGINE_LINES.join(', ')}; a line of the same name replaces it.
        </p>
        {Object.entries(lines).map(([name, variants]) => (
          <ItemBox key={name} title={`Line ${name}`} removeLabel={`Remove line ${name}`} onRemove={() => change((copy) => void delete copy.lines![name])}>
            <Variants name={`Line ${name}`} variants={variants} whenLegend="Said only while" onChange={(next) => change((copy) => void (copy.lines![name] = next as typeof variants))} />
          </ItemBox>
        ))}
        <AddByName label="New line named" taken={lineIds(data)} button="Add a line" onAdd={(name) => change((copy) => void ((copy.lines ??= {})[name] = [{ text: '' }]))} />
      </section>
      <section aria-labelledby="mood-effects-heading">
        <h3 id="mood-effects-heading">How each act moves this customer's mood</h3>
        <details>
          <summary>Change the defaults (shown greyed) for this customer</summary>
          {[...DIALOGUE_ACTS, 'turn', 'silence', 'unclear'].map((act) => (
            <MoodDeltaField
              key={act}
              legend={ACT_LABELS[act as DialogueAct] ?? `(${act})`}
              value={data.moodEffects?.[act as DialogueAct]}
              placeholders={DEFAULT_MOOD_EFFECTS[act as DialogueAct]}
              onChange={(delta) =>
                change((copy) => {
                  const effects = { ...copy.moodEffects, [act]: delta };
                  if (!delta) delete effects[act as DialogueAct];
                  copy.moodEffects = effects;
                })
              }
            />
          ))}
        </details>
      </section>
    </div>
  );
}
