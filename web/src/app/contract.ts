import type { z } from 'zod';
import type { countedPageOf, totalOut } from '../../../src/platform/http/page.shared';

// The console's wire types come from the server's contracts (issue 20 §1), imported type-only: the zod schemas
// are erased from the bundle, and a contract that changes breaks the console's type check instead of its pages.

/** What JSON makes of a value: a Date arrives as its ISO string; everything else as it is. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The answer of a route whose response schema is `S`, as the console receives it. */
export type Out<S extends z.ZodType> = Wire<z.output<S>>;
/** The body or query of a route whose schema is `S`, as the console sends it (before defaults and coercion). */
export type In<S extends z.ZodType> = z.input<S>;

/** The first page of a counted list carries its filter's total (at most 10,000, then `capped`). */
export type ListTotal = Out<typeof totalOut>;
/** A cursor page of `T` (pageOf / countedPageOf). */
export type Page<T> = Omit<Out<ReturnType<typeof countedPageOf<z.ZodNever>>>, 'items'> & { items: T[] };
