import { useEffect, useMemo } from 'preact/hooks';
import { call } from '../shared/call';
import { lastTab } from '../storage/items';
import { AppHeader } from './components/app-header';
import { LaunchSsh } from './components/launch-ssh';
import { LazyPanel } from './components/lazy-panel';
import { TabBar } from './components/tab-bar';
import { t } from './i18n';
import { requestFromAddress } from './open-target';
import { type PanelNav, PanelNavContext } from './panel-nav';
import { panels } from './panels';
import { createShellModel } from './shell-model';

export function App() {
  const model = useMemo(
    () =>
      createShellModel({
        lastTab,
        ping: () => call('ping', { echo: 'shell' }),
        requested: requestFromAddress(),
      }),
    [],
  );
  const nav = useMemo<PanelNav>(
    () => ({ open: model.openPanel, take: model.takeRequest }),
    [model],
  );
  useEffect(() => {
    void model.init();
    return model.dispose;
  }, [model]);

  // A launch notification opens the panel with ?launch=<outcome id> (see LaunchSsh).
  const launchId = useMemo(() => new URLSearchParams(location.search).get('launch'), []);

  // Wait for the remembered tab (one storage read) instead of flashing the default one.
  if (!model.ready.value) return null;
  const active = panels.find((panel) => panel.id === model.active.value) ?? panels[0];
  const problem = model.backgroundError.value;

  return (
    <PanelNavContext.Provider value={nav}>
      <div class="app">
        <AppHeader />
        {problem && (
          <p class="banner error" role="alert">
            {t('backgroundUnavailable', problem.message)}
          </p>
        )}
        {launchId && <LaunchSsh id={launchId} />}
        <TabBar active={active.id} onSelect={model.select} />
        <main class="tab-panel">
          <div role="tabpanel" id={`tabpanel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
            {/* A panel opened by another one starts afresh, so its model sees the request. */}
            <LazyPanel key={model.visit.value} def={active} />
          </div>
        </main>
      </div>
    </PanelNavContext.Provider>
  );
}
