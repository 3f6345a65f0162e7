// Work deferred to the end of the code running now, before any timer or I/O.

const settled = Promise.resolve();

/**
 * Runs `task` once the code running now has finished, as a microtask. Node's `queueMicrotask`
 * makes an async resource for each call, five times what a resolved promise's reaction costs; this
 * runs where every read and every message sent schedules one. A task that throws is reported as
 * an unhandled rejection, which ends the process the same way an uncaught exception would.
 */
export function afterThisTurn(task: () => void): void {
  void settled.then(task);
}
