// The Show graphs switch of a details pane. The graphs (their model, the CloudWatch reads and the
// uPlot chart) are fetched only once they are shown; whether they are is remembered.

import { useEffect, useState } from 'preact/hooks';
import { graphPrefs } from '../../storage/items';
import { lazyComponent } from '../components/lazy-component';
import { t } from '../i18n';
import type { GraphTarget } from './graph-specs';

const GraphsSection = lazyComponent(() => import('./graphs-section').then((m) => m.GraphsSection));

export function DetailsGraphs({ target }: { target: GraphTarget }) {
  const [open, setOpen] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void graphPrefs
      .get()
      .then((prefs) => live && setOpen((now) => now ?? prefs.open))
      .catch(() => live && setOpen((now) => now ?? false));
    return () => {
      live = false;
    };
  }, []);
  function toggle() {
    const next = !open;
    setOpen(next);
    void graphPrefs.update((prefs) => ({ ...prefs, open: next }));
  }
  return (
    <div class="details-graphs">
      <button type="button" class="graphs-toggle" aria-expanded={!!open} onClick={toggle}>
        {open ? t('cwgHide') : t('cwgShow')}
      </button>
      {open && <GraphsSection target={target} />}
    </div>
  );
}
