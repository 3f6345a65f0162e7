// The app's sounds: short chimes of a few soft sine notes, synthesized with the Web Audio API
// (no audio files). Each note starts quickly and fades out, like a bell.

import type { ContactSound } from '../../../../shared/preferences';

export type Chime = 'message' | 'online' | 'mail';
/** The sounds a contact can have as their own (Properties). */
type OwnSound = Exclude<ContactSound, 'default' | 'none'>;

/** Each chime's notes: frequency (Hz) and when it starts (seconds after the first). */
const NOTES: Readonly<Record<Chime | OwnSound, readonly (readonly [number, number])[]>> = {
  // A rising pair, A5 then E6.
  message: [
    [880, 0],
    [1318.51, 0.09],
  ],
  // A rising C major arpeggio, C5 E5 G5: someone arrived.
  online: [
    [523.25, 0],
    [659.25, 0.08],
    [783.99, 0.16],
  ],
  // A falling pair, B5 then G5.
  mail: [
    [987.77, 0],
    [783.99, 0.12],
  ],
  // A high pair a fifth apart, E6 then B6.
  chime: [
    [1318.51, 0],
    [1975.53, 0.07],
  ],
  // One struck note with its octave ringing over it, D5.
  bell: [
    [587.33, 0],
    [1174.66, 0],
  ],
  // Two low taps, G3 twice.
  knock: [
    [196, 0],
    [196, 0.14],
  ],
  // A quick fall down a pentatonic scale, A6 G6 E6 D6.
  ripple: [
    [1760, 0],
    [1567.98, 0.05],
    [1318.51, 0.1],
    [1174.66, 0.15],
  ],
};

const NOTE_SECONDS = 0.4;
const ATTACK_SECONDS = 0.01;
const PEAK_GAIN = 0.15;
/** Exponential ramps cannot reach zero. */
const SILENT_GAIN = 0.0001;

let context: AudioContext | undefined;

function playNote(audio: AudioContext, frequency: number, at: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.setValueAtTime(frequency, at);
  gain.gain.setValueAtTime(SILENT_GAIN, at);
  gain.gain.exponentialRampToValueAtTime(PEAK_GAIN, at + ATTACK_SECONDS);
  gain.gain.exponentialRampToValueAtTime(SILENT_GAIN, at + NOTE_SECONDS);
  oscillator.connect(gain);
  gain.connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + NOTE_SECONDS);
}

/** Plays a chime. A page without sound (no Web Audio, or not allowed yet) stays silent. */
export function playChime(chime: Chime | OwnSound): void {
  try {
    context ??= new AudioContext();
    // A browser suspends audio until the page has had a click; by then it may resume.
    if (context.state === 'suspended') context.resume().catch(() => undefined);
    const start = context.currentTime;
    for (const [frequency, offset] of NOTES[chime]) playNote(context, frequency, start + offset);
  } catch (error) {
    console.warn('Could not play a sound:', error);
  }
}

/** A contact's own sound for something they did: their chosen one, the usual `chime`, or none. */
export function playContactSound(sound: ContactSound, usual: Chime): void {
  if (sound === 'none') return;
  playChime(sound === 'default' ? usual : sound);
}
