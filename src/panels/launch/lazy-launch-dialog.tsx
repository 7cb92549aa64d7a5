import type { ComponentProps, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { LaunchDialog as Dialog } from './launch-dialog';

type Props = ComponentProps<typeof Dialog>;
let loaded: Promise<ComponentType<Props>> | undefined;

/** The launch dialog, fetched on first open: the Instances tab shows without its code. */
export function LaunchDialog(props: Props) {
  const [component, setComponent] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    loaded ??= import('./launch-dialog').then((m) => m.LaunchDialog);
    let live = true;
    void loaded.then((c) => live && setComponent(() => c));
    return () => {
      live = false;
    };
  }, []);
  const Component = component;
  return Component ? <Component {...props} /> : null;
}
