import { describe, expect, it } from 'vitest';
import { DISPLAY_FRAME_MS, inDisplayFrames, longestFrame } from './page-probe';

describe('longestFrame', () => {
  it('reads a gap within the page clock’s 0.1 ms of whole display frames as those frames', () => {
    // Three frames are 50 ms exactly, within the budget of no frame over 50 ms.
    for (const gap of [49.9, 50, 50.1]) expect(inDisplayFrames(gap)).toBe(50);
    expect(inDisplayFrames(16.8)).toBeCloseTo(DISPLAY_FRAME_MS, 9);
    expect(inDisplayFrames(33.4)).toBeCloseTo(2 * DISPLAY_FRAME_MS, 9);
  });

  it('keeps a gap that is not whole display frames as it was measured', () => {
    expect(inDisplayFrames(50.4)).toBe(50.4);
    expect(inDisplayFrames(58)).toBe(58);
    expect(inDisplayFrames(25)).toBe(25);
  });

  it('finds the longest gap between frames in the window, frames just outside bounding it', () => {
    const frames = [0, 16.7, 33.4, 83.4, 100.1, 150.2];
    expect(longestFrame(frames, 20, 90)).toBeCloseTo(3 * DISPLAY_FRAME_MS, 9);
    expect(longestFrame(frames, 101, 140)).toBeCloseTo(3 * DISPLAY_FRAME_MS, 9);
    expect(longestFrame(frames, 0, 17)).toBeCloseTo(DISPLAY_FRAME_MS, 9);
    // A long gap that starts after the window is not the window's.
    expect(longestFrame([0, 16.7, 33.4, 100.2], 0, 30)).toBeCloseTo(DISPLAY_FRAME_MS, 9);
    expect(longestFrame([0, 16.7, 33.4, 100.2], 0, 40)).toBeCloseTo(4 * DISPLAY_FRAME_MS, 9);
  });
});
