/**
 * Success chime and error buzz, synthesised with Web Audio (no audio files to ship or load).
 * They differ in every dimension that survives a noisy entrance: rising vs. low, sine vs. square.
 * Browsers start audio only after a user gesture; the first touch anywhere unlocks it (Electron
 * and a kiosk Chromium can allow it outright with --autoplay-policy=no-user-gesture-required).
 */
export type SoundKind = 'success' | 'error';

const STORAGE_KEY = 'ciao.sound';

interface Note {
  freq: number;
  start: number;
  length: number;
  type: OscillatorType;
  gain: number;
}

const SOUNDS: Record<SoundKind, Note[]> = {
  // C6 – E6 – G6, bright and rising.
  success: [
    { freq: 1046.5, start: 0, length: 0.14, type: 'sine', gain: 0.35 },
    { freq: 1318.5, start: 0.12, length: 0.14, type: 'sine', gain: 0.35 },
    { freq: 1568, start: 0.24, length: 0.32, type: 'sine', gain: 0.35 },
  ],
  // Two low, rough pulses.
  error: [
    { freq: 160, start: 0, length: 0.22, type: 'square', gain: 0.18 },
    { freq: 160, start: 0.3, length: 0.34, type: 'square', gain: 0.18 },
  ],
};

export interface SoundPlayer {
  enabled(): boolean;
  setEnabled(on: boolean): void;
  play(kind: SoundKind): void;
  unlock(): void;
}

export function createSoundPlayer(storage: Storage | null): SoundPlayer {
  let on = storage?.getItem(STORAGE_KEY) !== 'off';
  let context: AudioContext | null = null;

  function audio(): AudioContext | null {
    if (typeof AudioContext === 'undefined') return null;
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    return context;
  }

  return {
    enabled: () => on,
    setEnabled(next) {
      on = next;
      storage?.setItem(STORAGE_KEY, next ? 'on' : 'off');
    },
    unlock() {
      audio();
    },
    play(kind) {
      if (!on) return;
      const ctx = audio();
      if (!ctx) return;
      const t0 = ctx.currentTime + 0.02;
      for (const note of SOUNDS[kind]) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = note.type;
        osc.frequency.value = note.freq;
        // Short attack and decay: no clicks.
        gain.gain.setValueAtTime(0, t0 + note.start);
        gain.gain.linearRampToValueAtTime(note.gain, t0 + note.start + 0.01);
        gain.gain.exponentialRampToValueAtTime(0.001, t0 + note.start + note.length);
        osc.connect(gain).connect(ctx.destination);
        osc.start(t0 + note.start);
        osc.stop(t0 + note.start + note.length + 0.02);
      }
    },
  };
}
