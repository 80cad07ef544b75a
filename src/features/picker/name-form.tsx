import { useState, type FormEvent } from 'react';
import { usePreferences } from '../../lib/preferences';

/** Asked once; the name is remembered and labels every session. */
export function NameForm({ onDone }: { onDone?: () => void }) {
  const current = usePreferences((state) => state.traineeName);
  const setTraineeName = usePreferences((state) => state.setTraineeName);
  const [name, setName] = useState(current);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setTraineeName(name);
    onDone?.();
  };
  return (
    <form className="name-form card" onSubmit={submit}>
      <label htmlFor="trainee-name">Your name, as your supervisor will see it</label>
      <div className="row">
        <input id="trainee-name" value={name} onChange={(event) => setName(event.target.value)} autoComplete="name" maxLength={80} required autoFocus={!current} />
        <button type="submit" className="primary">
          {current ? 'Save name' : 'Continue'}
        </button>
      </div>
    </form>
  );
}
