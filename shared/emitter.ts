// A small typed event emitter usable in every process (no node:events, no DOM).
// Event names and payload types are declared once, in the type parameter: an interface with one
// property per event and no index signature, so a misspelt event name does not compile.

/** An interface of event name → payload. Deliberately not `Record<string, …>`: that would accept any name. */
export type EventMap = object;
type Listener<T> = (payload: T) => void;

export class TypedEmitter<Events extends EventMap> {
  /**
   * Each event's listeners, in the order they subscribed, each once. The array is replaced, never
   * changed, when one subscribes or leaves: an emit walks the array it found, so a listener added
   * during an emit hears the next one and a listener removed during it still hears this one, and
   * an emit (thousands for a sign-in's list dump) copies nothing.
   */
  private readonly listeners = new Map<keyof Events, readonly Listener<never>[]>();

  on<K extends keyof Events>(event: K, listener: Listener<Events[K]>): () => void {
    const listeners = this.listeners.get(event) ?? [];
    if (!listeners.includes(listener as Listener<never>)) this.listeners.set(event, [...listeners, listener as Listener<never>]);
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
    const listeners = this.listeners.get(event);
    if (!listeners?.includes(listener as Listener<never>)) return;
    const rest = listeners.filter((known) => known !== listener);
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
    for (let index = 0; index < listeners.length; index++) (listeners[index] as Listener<Events[K]>)(payload);
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}
