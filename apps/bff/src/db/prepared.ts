import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database';

/** Stands for the query's `index`th argument while Kysely compiles it. */
class Slot {
  constructor(readonly index: number) {}
}

/**
 * A query Kysely builds and compiles once, run with new arguments on every call: building the
 * tree and compiling it again costs more CPU per request than PostgreSQL takes to answer a
 * prepared statement (the card's reads). `build` must use each argument as a plain value
 * (`where(col, '=', arg)`), not inspect it: it sees markers, not the values.
 */
export function preparedQuery<Args extends unknown[], Row>(
  db: Db,
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => Promise<Row[]> {
  const slots = Array.from({ length: build.length }, (_, index) => new Slot(index));
  const compiled: CompiledQuery<Row> = build(...(slots as Args)).compile();
  const used = new Set(compiled.parameters.filter((value) => value instanceof Slot));
  if (used.size !== slots.length) throw new Error(`preparedQuery: the query uses ${used.size} of its ${slots.length} arguments`);
  const fill = (args: Args) => compiled.parameters.map((value) => (value instanceof Slot ? args[value.index] : value));
  return async (...args) => (await db.executeQuery<Row>({ ...compiled, parameters: fill(args) })).rows;
}
