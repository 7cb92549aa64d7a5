import { useEffect, useMemo } from 'preact/hooks';
import { call } from '../shared/call';
import { lastTab } from '../storage/items';
import { AppHeader } from './components/app-header';
import { LazyPanel } from './components/lazy-panel';
import { TabBar } from './components/tab-bar';
import { t } from './i18n';
import { panels } from './panels';
import { createShellModel } from './shell-model';

export function App({ compact = false }: { compact?: boolean }) {
  const model = useMemo(
    () => createShellModel({ lastTab, ping: () => call('ping', { echo: 'shell' }) }),
    [],
  );
  useEffect(() => {
    void model.init();
    return model.dispose;
  }, [model]);

  async function openInTab() {
    await call('openPanel', {});
    window.close();
  }

  // Wait for the remembered tab (one storage read) instead of flashing the default one.
  if (!model.ready.value) return null;
  const active = panels.find((panel) => panel.id === model.active.value) ?? panels[0];
  const problem = model.backgroundError.value;

  return (
    <div class={compact ? 'app compact' : 'app'}>
      <AppHeader compact={compact} onOpenInTab={() => void openInTab()} />
      {problem && (
        <p class="banner error" role="alert">
          {t('backgroundUnavailable', problem.message)}
        </p>
      )}
      <TabBar active={active.id} onSelect={model.select} />
      <main class="tab-panel">
        <div role="tabpanel" id={`tabpanel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
          <LazyPanel def={active} />
        </div>
      </main>
    </div>
  );
}
