import { describe, expect, it } from 'vitest';
import { TypedEmitter } from './emitter';

interface DoorEvents {
  opened: { by: string };
  closed: undefined;
}

class Door extends TypedEmitter<DoorEvents> {
  open(by: string): void {
    this.emit('opened', { by });
  }
}

describe('TypedEmitter', () => {
  it('delivers each payload to the listeners of its event, in order, until they unsubscribe', () => {
    const door = new Door();
    const seen: string[] = [];
    const off = door.on('opened', ({ by }) => seen.push(`first ${by}`));
    door.on('opened', ({ by }) => seen.push(`second ${by}`));
    door.open('Alice');
    off();
    door.open('Bob');
    expect(seen).toEqual(['first Alice', 'second Alice', 'second Bob']);
  });

  it('calls the listeners an emit began with: one added during it hears the next, one removed during it hears this one', () => {
    const door = new Door();
    const seen: string[] = [];
    const late = ({ by }: { by: string }): number => seen.push(`late ${by}`);
    let offSecond = (): void => undefined;
    door.on('opened', ({ by }) => {
      seen.push(`first ${by}`);
      door.on('opened', late);
      offSecond();
    });
    offSecond = door.on('opened', ({ by }) => seen.push(`second ${by}`));
    door.open('Alice');
    door.open('Bob');
    expect(seen).toEqual(['first Alice', 'second Alice', 'first Bob', 'late Bob']);
  });

  it('subscribes a listener once however often it is added', () => {
    const door = new Door();
    const seen: string[] = [];
    const listener = ({ by }: { by: string }): number => seen.push(by);
    door.on('opened', listener);
    const off = door.on('opened', listener);
    door.open('Alice');
    off();
    door.open('Bob');
    expect(seen).toEqual(['Alice']);
  });

  it('resolves next() with the next payload only', async () => {
    const door = new Door();
    const next = door.next('opened');
    door.open('Carol');
    door.open('Dave');
    expect(await next).toEqual({ by: 'Carol' });
  });

  it('rejects an event name the map does not declare, at compile time', () => {
    const door = new Door();
    // @ts-expect-error: 'opend' is not an event of DoorEvents (type-checked by `npm run typecheck`).
    const off = door.on('opend', () => {});
    off();
    // @ts-expect-error: the payload of 'opened' has no `who`.
    door.on('opened', ({ who }) => who);
    expect(typeof off).toBe('function');
  });
});
