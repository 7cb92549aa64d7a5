import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PanelDef } from '../panels';

// A panel's module is fetched once per page; switching back to a tab is immediate.
const loaded = new Map<string, Promise<ComponentType>>();

function load(def: PanelDef): Promise<ComponentType> {
  let pending = loaded.get(def.id);
  if (!pending) {
    pending = def.load().then((module) => module.default);
    pending.catch(() => loaded.delete(def.id));
    loaded.set(def.id, pending);
  }
  return pending;
}

export function LazyPanel({ def }: { def: PanelDef }) {
  const [state, setState] = useState<{ id: string; component?: ComponentType; error?: string }>({
    id: def.id,
  });

  useEffect(() => {
    let live = true;
    load(def).then(
      (component) => live && setState({ id: def.id, component }),
      (error: unknown) => live && setState({ id: def.id, error: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [def]);

  if (state.id !== def.id || (!state.component && !state.error)) {
    return <p class="panel-status">{t('panelLoading')}</p>;
  }
  if (state.error !== undefined) {
    return (
      <p class="panel-status error" role="alert">
        {t('panelLoadFailed', state.error)}
      </p>
    );
  }
  const Component = state.component as ComponentType;
  return <Component />;
}
