import { useStorageStatus } from '../lib/storage/storage-status';

/** Says, in plain words, when calls are not being saved, and what to do. */
export function StorageNotice() {
  const { status } = useStorageStatus();
  if (status === 'ok') return null;
  const why = status === 'full' ? 'Your browser storage is full' : 'This browser is not letting the trainer save data';
  return (
    <div className="notice notice-warning" role="alert">
      <strong>{why}, so this call is only kept while this tab stays open.</strong> The call carries on normally. To keep a copy, use
      “Download this call” on the call page, or “Download session” on the results page.
    </div>
  );
}
