// A small typed event emitter usable in every process (no node:events, no DOM).
// Event names and payload types are declared once, in the type parameter: an interface with one
// property per event and no index signature, so a misspelt event name does not compile.

/** An interface of event name → payload. Deliberately not `Record<string, …>`: that would accept any name. */
export type EventMap = object;
type Listener<T> = (payload: T) => void;

export class TypedEmitter<Events extends EventMap> {
  /**
   * Each event's listeners, an array replaced (never changed) when one is added or removed: an
   * emit, which happens for every message and every state change, walks the array it finds
   * without copying it, and a listener added or removed meanwhile takes effect from the next.
   */
  private readonly listeners = new Map<keyof Events, ReadonlyArray<Listener<never>>>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const current = this.listeners.get(event) ?? [];
    if (!current.includes(listener as Listener<never>)) this.listeners.set(event, [...current, listener as Listener<never>]);
    return () => this.off(event, listener);
  }

  once<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const off = this.on(event, (payload) => {
      off();
      listener(payload);
    });
    return off;
  }

  off<K extends keyof Events>(event: K, listener: Listener<Events[K]>): void {
    const current = this.listeners.get(event);
    if (!current?.includes(listener as Listener<never>)) return;
    const rest = current.filter((candidate) => candidate !== listener);
    if (rest.length > 0) this.listeners.set(event, rest);
    else this.listeners.delete(event);
  }

  /** Resolves with the next payload of `event`. */
  next<K extends keyof Events>(event: K): Promise<Events[K]> {
    return new Promise((resolve) => this.once(event, resolve));
  }

  protected emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    const listeners = this.listeners.get(event);
    if (!listeners) return;
    // By index: an emit often runs before V8 has optimised it, where for…of would walk an iterator.
    for (let index = 0; index < listeners.length; index++) (listeners[index] as Listener<Events[K]>)(payload);
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
