/**
 * The phone's sounds, through howler: ring, line click, hold music, hang-up
 * tone. Volume and mute come from the trainee's preferences. Browsers keep
 * audio locked until a user gesture, so nothing here plays before a click.
 */
import { Howl, Howler } from 'howler';
import ringUrl from '../../assets/sounds/ring.ogg?url';
import clickUrl from '../../assets/sounds/line-click.ogg?url';
import holdUrl from '../../assets/sounds/hold-music.ogg?url';
import hangUpUrl from '../../assets/sounds/hang-up.ogg?url';

type SoundName = 'ring' | 'click' | 'hold' | 'hangUp';

const sources: Record<SoundName, { src: string; loop: boolean }> = {
  ring: { src: ringUrl, loop: true },
  click: { src: clickUrl, loop: false },
  hold: { src: holdUrl, loop: true },
  hangUp: { src: hangUpUrl, loop: false },
};

const loaded = new Map<SoundName, Howl>();

function sound(name: SoundName): Howl {
  let howl = loaded.get(name);
  if (!howl) {
    howl = new Howl({ src: [sources[name].src], loop: sources[name].loop, format: ['ogg'] });
    loaded.set(name, howl);
  }
  return howl;
}

export function play(name: SoundName) {
  const howl = sound(name);
  if (sources[name].loop && howl.playing()) return;
  howl.play();
}

export function stop(name: SoundName) {
  loaded.get(name)?.stop();
}

export function stopAll() {
  for (const howl of loaded.values()) howl.stop();
}

export function applyVolume(volume: number, muted: boolean) {
  Howler.volume(volume);
  Howler.mute(muted);
}
