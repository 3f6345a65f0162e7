// What a bench process of its own can be asked to run (fresh-process.ts). Each task's module is
// loaded only in the process that runs it.

export const TASKS = {
  /** One process's sign-in rounds (sign-in.ts runs them in several). */
  'sign-in-rounds': async () => (await import('./sign-in')).measureSignInRounds(),
};

export type TaskName = keyof typeof TASKS;
export type TaskResult<Name extends TaskName> = Awaited<ReturnType<(typeof TASKS)[Name]>>;

export function isTaskName(name: string): name is TaskName {
  return Object.hasOwn(TASKS, name);
}
