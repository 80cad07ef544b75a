/**
 * Settings, one section per concern. Add a section as its own component
 * file in this folder and list it here.
 */
import { LrsSettingsSection } from './lrs-settings-section';
import { StorageSection } from './storage-section';

export function SettingsPage() {
  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <StorageSection />
      <LrsSettingsSection />
    </section>
  );
}
