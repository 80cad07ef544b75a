/**
 * The prepared replies of one beat by form: text, quality, the acts (each
 * act's definition beside it), the resolution a reply offers, the facts it
 * asks for, whether it discloses account details, and what to say instead.
 */
import { ACT_DEFINITIONS, ACT_LABELS, DIALOGUE_ACTS, type DialogueAct } from '../../engine/acts';
import type { PreparedReply } from '../../engine/scenario/scenario-schema';
import { CheckField, ChoiceList, ItemBox, SelectField, TextField } from './form-fields';
import { factIds, freshId, resolutionIds, setOptional, type Change, type ScenarioJson } from './scenario-document';

const NO_OFFER = '(offers nothing)';

export function RepliesForm({ beat, data, change }: { beat: string; data: ScenarioJson; change: Change }) {
  const replies = data.replies?.[beat] ?? [];
  const update = (index: number, mutate: (reply: PreparedReply) => void) =>
    change((copy) => {
      mutate(copy.replies![beat]![index]!);
    });
  const taken = Object.values(data.replies ?? {}).flatMap((list) => list.map((reply) => reply.id));
  return (
    <section aria-label={`Prepared replies of beat ${beat}`}>
      <h3>Prepared replies of beat “{beat}”</h3>
      <p className="muted">Three to nine replies (keys 1–9 choose them), mixing good, mediocre and harmful.</p>
      {replies.map((reply, index) => (
        <ItemBox
          key={index}
          title={`Reply ${index + 1}: ${reply.id}`}
          removeLabel={`Remove reply ${index + 1}`}
          onRemove={() => change((copy) => void copy.replies![beat]!.splice(index, 1))}
        >
          <div className="reply-form">
            <TextField label="Text" multiline value={reply.text} onChange={(text) => update(index, (target) => void (target.text = text))} />
            <SelectField label="Quality" value={reply.quality} options={['good', 'mediocre', 'harmful'] as const} onChange={(quality) => update(index, (target) => void (target.quality = quality))} />
            <ChoiceList
              legend="Acts"
              className="act-picker"
              options={DIALOGUE_ACTS}
              chosen={reply.acts ?? []}
              labelOf={(act) => ACT_LABELS[act as DialogueAct]}
              describe={(act) => ACT_DEFINITIONS[act as DialogueAct]}
              onChange={(acts) => update(index, (target) => void (target.acts = acts as DialogueAct[]))}
            />
            <details>
              <summary>More about this reply: offer, facts asked, disclosure, coaching, id</summary>
              <SelectField
                label="Offers the resolution"
                value={reply.offers ?? NO_OFFER}
                options={[NO_OFFER, ...resolutionIds(data)]}
                onChange={(offer) => update(index, (target) => setOptional(target, 'offers', offer === NO_OFFER ? undefined : offer))}
              />
              <ChoiceList legend="Asks for these facts (none chosen: the next untold fact of each kind asked)" options={factIds(data)} chosen={reply.asks ?? []} onChange={(asks) => update(index, (target) => setOptional(target, 'asks', asks))} />
              <CheckField label="Reveals or changes account details" checked={!!reply.disclosesAccount} onChange={(on) => update(index, (target) => setOptional(target, 'disclosesAccount', on || undefined))} />
              <TextField label="Coaching: what to say instead" value={reply.coaching} onChange={(coaching) => update(index, (target) => setOptional(target, 'coaching', coaching))} />
              <TextField label="Reply id" value={reply.id} onChange={(id) => update(index, (target) => void (target.id = id))} />
            </details>
          </div>
        </ItemBox>
      ))}
      <button
        type="button"
        onClick={() =>
          change((copy) => {
            (copy.replies ??= {})[beat] ??= [];
            copy.replies[beat]!.push({ id: freshId(`${beat}-${replies.length + 1}`, taken), text: '', acts: [], quality: 'good' });
          })
        }
      >
        Add a reply to “{beat}”
      </button>
    </section>
  );
}
