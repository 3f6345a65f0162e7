// The app's sounds: short chimes of a few soft sine notes, synthesized with the Web Audio API
// (no audio files). Each note starts quickly and fades out, like a bell.

export type Chime = 'message' | 'online' | 'mail';

/** Each chime's notes: frequency (Hz) and when it starts (seconds after the first). */
const NOTES: Readonly<Record<Chime, readonly (readonly [number, number])[]>> = {
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
export function playChime(chime: Chime): void {
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
