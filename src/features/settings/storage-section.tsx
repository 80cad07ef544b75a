import { useEffect, useState } from 'react';
import { readPersistence, requestPersistence, usePersistence, type Persistence } from '../../lib/storage/persistence';
import { useStorageStatus } from '../../lib/storage/storage-status';
import { listSummaries } from '../../lib/storage/summaries';
import { dateTime } from '../../components/date-time';

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  granted: 'Your browser has agreed to keep the trainer’s data until you clear it yourself.',
  denied: 'Your browser has not agreed to keep the trainer’s data: it may clear it when disk space runs low. Download the calls you want to keep.',
  unsupported: 'This browser cannot be asked to keep the trainer’s data; it may clear it when disk space runs low. Download the calls you want to keep.',
  unknown: 'Checking whether your browser keeps the trainer’s data…',
};

const WRITES_TEXT = {
  ok: 'Calls are being saved in this browser.',
  full: 'The browser’s storage is full: calls are kept only while their tab stays open.',
  unavailable: 'This browser is not letting the trainer save data: calls are kept only while their tab stays open.',
};

function megabytes(bytes: number) {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Where calls are kept on this computer, whether the browser will keep them, and the space they use. */
export function StorageSection() {
  const { persistence, askedAt, usage, quota } = usePersistence();
  const writes = useStorageStatus((state) => state.status);
  const [calls, setCalls] = useState<number | null>(null);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    // The count can arrive after the page is left; a state update then would go nowhere.
    let shown = true;
    void readPersistence();
    void listSummaries({ limit: 0 }).then((page) => shown && setCalls(page.total));
    return () => {
      shown = false;
    };
  }, []);

  const ask = async () => {
    setAsking(true);
    await requestPersistence();
    setAsking(false);
  };

  return (
    <section className="card settings-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage on this computer</h2>
      <dl className="facts">
        <dt>Keeping your calls</dt>
        <dd>
          <span role="status" data-testid="persistence">
            {PERSISTENCE_TEXT[persistence]}
          </span>
          {askedAt && <span className="muted"> (last asked {dateTime(askedAt)})</span>}
        </dd>
        <dt>Saving</dt>
        <dd>{WRITES_TEXT[writes]}</dd>
        <dt>Stored calls</dt>
        <dd>{calls === null ? 'Counting…' : calls.toLocaleString('en-US')}</dd>
        {usage !== null && quota !== null && (
          <>
            <dt>Space used</dt>
            <dd>
              {megabytes(usage)} of about {megabytes(quota)} the browser allows this site
            </dd>
          </>
        )}
      </dl>
      {(persistence === 'denied' || persistence === 'unknown') && (
        <button type="button" onClick={ask} disabled={asking}>
          {asking ? 'Asking…' : 'Ask the browser to keep the trainer’s data'}
        </button>
      )}
    </section>
  );
}
