import { useEffect, useMemo, useState } from 'preact/hooks';
import { call } from '../shared/call';
import { lastTab } from '../storage/items';
import { AppHeader } from './components/app-header';
import { LazyPanel } from './components/lazy-panel';
import { TabBar } from './components/tab-bar';
import { t } from './i18n';
import { panels } from './panels';
import { createShellModel } from './shell-model';

export function App() {
  const model = useMemo(
    () => createShellModel({ lastTab, ping: () => call('ping', { echo: 'shell' }) }),
    [],
  );
  useEffect(() => {
    void model.init();
    return model.dispose;
  }, [model]);

  // A launch notification opens the panel with ?copy=<ssh command>: copy it and say so.
  const [copy, setCopy] = useState<{ text: string; done: boolean } | null>(null);
  useEffect(() => {
    const text = new URLSearchParams(location.search).get('copy');
    if (!text) return;
    setCopy({ text, done: false });
    void navigator.clipboard.writeText(text).then(
      () => setCopy({ text, done: true }),
      () => undefined,
    );
  }, []);

  // Wait for the remembered tab (one storage read) instead of flashing the default one.
  if (!model.ready.value) return null;
  const active = panels.find((panel) => panel.id === model.active.value) ?? panels[0];
  const problem = model.backgroundError.value;

  return (
    <div class="app">
      <AppHeader />
      {problem && (
        <p class="banner error" role="alert">
          {t('backgroundUnavailable', problem.message)}
        </p>
      )}
      {copy && (
        <p class="banner" role="status">
          {copy.done ? t('sshCopied', copy.text) : t('sshCommandIs', copy.text)}
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
