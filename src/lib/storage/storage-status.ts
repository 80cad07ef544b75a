import { create } from 'zustand';

export type StorageStatus = 'ok' | 'unavailable' | 'full';

/** Whether this tab's writes reach the browser's storage; the notice and the call's download button read it. */
export const useStorageStatus = create<{ status: StorageStatus; detail: string }>(() => ({ status: 'ok', detail: '' }));

export function reportStorage(status: StorageStatus, detail = '') {
  useStorageStatus.setState({ status, detail });
}
