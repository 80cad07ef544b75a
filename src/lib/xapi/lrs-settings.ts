/**
 * Where this browser sends its records: a team's LRS endpoint with a key and
 * secret (Basic auth), kept in this browser only. Off until someone fills it
 * in: the app never needs the network for a trainee alone.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LrsConnection } from './lrs-client';

export interface LrsSettings {
  endpoint: string;
  key: string;
  secret: string;
  /** Send scored calls and reviews to the LRS. */
  enabled: boolean;
  save: (settings: Pick<LrsSettings, 'endpoint' | 'key' | 'secret' | 'enabled'>) => void;
}

export const useLrsSettings = create<LrsSettings>()(
  persist(
    (set) => ({
      endpoint: '',
      key: '',
      secret: '',
      enabled: false,
      save: ({ endpoint, key, secret, enabled }) => set({ endpoint: endpoint.trim(), key: key.trim(), secret, enabled }),
    }),
    { name: 'call-trainer-lrs' },
  ),
);

/** The connection to use, or null while team records are off or incomplete. */
export function activeConnection(settings: Pick<LrsSettings, 'endpoint' | 'key' | 'secret' | 'enabled'> = useLrsSettings.getState()): LrsConnection | null {
  if (!settings.enabled || !settings.endpoint) return null;
  return { endpoint: settings.endpoint, key: settings.key, secret: settings.secret };
}

/** Says what is wrong with an endpoint as typed, or null when it will do. */
export function endpointProblem(endpoint: string): string | null {
  const trimmed = endpoint.trim();
  if (!trimmed) return 'Enter the LRS endpoint, for example https://lrs.example.org/xAPI/';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `"${trimmed}" is not a web address`;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return 'The endpoint must start with https:// (plain http:// only for an LRS on this computer), so the key and secret are never sent in the clear';
  return null;
}
