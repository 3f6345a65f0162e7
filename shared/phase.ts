// A phase machine: one discriminated-union value instead of state spread over flags, with the legal
// moves written as a table. A move the table does not allow is a bug, so it throws at once rather
// than leaving the object half in one phase and half in another. Async work captures the phase it
// started in and checks `isCurrent(phase)` when it resumes: a stale callback is recognised by the
// identity of its phase, with no counters to keep in step.

export interface Phase {
  readonly name: string;
}

/** For every phase, the phases it may move to. */
export type PhaseTable<P extends Phase> = { readonly [N in P['name']]: readonly P['name'][] };

export class IllegalTransition extends Error {
  constructor(machine: string, from: string, to: string) {
    super(`${machine}: cannot go from ${from} to ${to}`);
    this.name = 'IllegalTransition';
  }
}

export class PhaseMachine<P extends Phase> {
  private phase: P;

  constructor(
    private readonly machine: string,
    initial: P,
    private readonly table: PhaseTable<P>,
  ) {
    this.phase = initial;
  }

  get current(): P {
    return this.phase;
  }

  is<N extends P['name']>(...names: N[]): boolean {
    return names.includes(this.phase.name as N);
  }

  /** The phase if it is one of `names`, else undefined (a typed view of the current phase). */
  when<N extends P['name']>(...names: N[]): Extract<P, { name: N }> | undefined {
    return this.is(...names) ? (this.phase as Extract<P, { name: N }>) : undefined;
  }

  /** Whether `phase` is still the current one (the same object, not just the same name). */
  isCurrent(phase: P): boolean {
    return this.phase === phase;
  }

  /** Moves to `next`; throws IllegalTransition when the table does not allow it. */
  go<Next extends P>(next: Next): Next {
    const allowed = this.table[this.phase.name as P['name']];
    if (!allowed.includes(next.name)) throw new IllegalTransition(this.machine, this.phase.name, next.name);
    this.phase = next;
    return next;
  }
}
