import { lazy, useState, type ComponentType } from 'react';

/** A page whose code loads on demand, and can be fetched ahead of its first render. */
export interface LazyPage<P extends object> {
  Component: ComponentType<P>;
  preload: () => Promise<unknown>;
}

/**
 * Like React.lazy, but once the code is here the page renders at once. A
 * page opened by address is fetched before the app's first render (see
 * main.tsx), so it never suspends: React holds back content that replaces
 * a Suspense fallback for up to 300 ms, which a page opened directly would
 * otherwise always pay.
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  function Page(props: P) {
    // Chosen once per mount: switching from the suspending wrapper to the page itself would remount it and lose its state.
    const [Chosen] = useState<ComponentType<P>>(() => loaded ?? Suspending);
    return <Chosen {...props} />;
  }
  return { Component: Page, preload };
}
