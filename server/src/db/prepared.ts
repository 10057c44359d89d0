import type { Executor } from './client.js';

/**
 * A statement of a hot path, prepared once per database handle: no query building per call,
 * and PostgreSQL plans the named statement once instead of on every call (measured: the
 * planning of an unprepared source lookup cost more than its execution).
 */
export function preparedStatement<T>(prepare: (executor: Executor) => T): (executor: Executor) => T {
  const statements = new WeakMap<Executor, T>();
  return (executor) => {
    let statement = statements.get(executor);
    if (!statement) statements.set(executor, (statement = prepare(executor)));
    return statement;
  };
}
