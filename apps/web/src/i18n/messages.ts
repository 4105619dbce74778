import type { et } from './et/index';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Every language has exactly the Estonian keys; a missing key is a type error. */
export type Messages = Widen<typeof et>;
