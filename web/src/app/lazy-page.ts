import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ColdPage } from './cold-pages';

type Module<T> = { default: T };

/**
 * React.lazy for a page, which takes the page's module at once when it is already here. A page opened cold (`cold`
 * matches the address) starts loading when App.tsx runs, beside the sign-in check, so its module is in hand when the
 * router first asks for it. React.lazy alone would still wait a tick for the import's promise: it shows the fallback,
 * and React then holds the page back until 300 ms after that fallback appeared (its reveal throttle) — a third of a
 * phone's budget (issue 15 §9). A thenable that answers at once lets React.lazy take the page in the same render.
 */
/** The pages given a ColdPage: they wait for their own domain's words only, not every domain's (App.tsx, words.ts). */
export const coldPages = new WeakSet<object>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React.lazy's own
export function lazyPage<T extends ComponentType<any>>(load: () => Promise<Module<T>>, cold?: ColdPage): LazyExoticComponent<T> {
  let loaded: Module<T> | undefined;
  let loading: Promise<Module<T>> | undefined;
  const start = () =>
    (loading ??= load().then((module) => {
      loaded = module;
      return module;
    }));
  if (cold && typeof window !== 'undefined' && new RegExp(cold.pattern).test(window.location.pathname)) void start().catch(() => undefined);
  const page = lazy(() => (loaded ? (settled(loaded) as Promise<Module<T>>) : start()));
  if (cold) coldPages.add(page);
  return page;
}

/** A thenable that calls back at once (React.lazy reads the module in the same call); React uses no more of it. */
function settled<V>(value: V): PromiseLike<V> {
  return {
    then<A = V, B = never>(onFulfilled?: ((value: V) => A | PromiseLike<A>) | null): PromiseLike<A | B> {
      return settled((onFulfilled ? onFulfilled(value) : value) as A | B);
    },
  };
}
