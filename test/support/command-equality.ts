// The framer hands out FramedCommands, whose params and payload are read through getters; toEqual
// compares own properties, so a framed command would never equal the plain `{ name, params,
// payload }` a test expects. Registered for the node tests: equal means same name, params, payload.

import { expect } from 'vitest';
import { FramedCommand } from '../../protocol/framed-command';

type Tester = Parameters<typeof expect.addEqualityTesters>[0][number];

function plain(value: unknown): unknown {
  if (!(value instanceof FramedCommand)) return value;
  const { name, params, payload } = value;
  return payload === undefined ? { name, params } : { name, params, payload };
}

const framedCommandEquality: Tester = function (a, b, customTesters) {
  if (!(a instanceof FramedCommand) && !(b instanceof FramedCommand)) return undefined;
  return this.equals(plain(a), plain(b), customTesters);
};

expect.addEqualityTesters([framedCommandEquality]);
