// A component whose code is fetched the first time it is drawn: dialogs a tab rarely opens stay
// out of the code the tab needs to show (the panel's size budget, bench/bundle-size.mjs).

import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// biome-ignore lint/suspicious/noExplicitAny: any component's props; each use site is typed by P
export function lazyComponent<P extends Record<string, any>>(
  load: () => Promise<ComponentType<P>>,
): (props: P) => JSX.Element | null {
  let loaded: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(null);
    useEffect(() => {
      loaded ??= load();
      // A failed fetch (the extension was updated under the page) may be tried again.
      loaded.catch(() => {
        loaded = undefined;
      });
      let live = true;
      void loaded.then((c) => live && setComponent(() => c));
      return () => {
        live = false;
      };
    }, []);
    const Component = component;
    return Component ? <Component {...props} /> : null;
  };
}
