import { useRef } from 'preact/hooks';
import { t } from '../i18n';
import { type PanelId, panels } from '../panels';

interface Props {
  active: PanelId;
  onSelect: (id: PanelId) => void;
}

/** WAI-ARIA tabs with automatic activation: arrows, Home and End move and select. */
export function TabBar({ active, onSelect }: Props) {
  const list = useRef<HTMLDivElement>(null);

  function move(event: KeyboardEvent) {
    const index = panels.findIndex((panel) => panel.id === active);
    const last = panels.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    const panel = panels[next];
    if (!panel) return;
    event.preventDefault();
    onSelect(panel.id);
    list.current?.querySelector<HTMLElement>(`#tab-${panel.id}`)?.focus();
  }

  return (
    <div class="tab-bar" role="tablist" aria-label={t('tabListLabel')} ref={list} onKeyDown={move}>
      {panels.map((panel) => {
        const selected = panel.id === active;
        return (
          <button
            type="button"
            role="tab"
            id={`tab-${panel.id}`}
            key={panel.id}
            aria-selected={selected}
            aria-controls={`tabpanel-${panel.id}`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onSelect(panel.id)}
          >
            {t(panel.title)}
          </button>
        );
      })}
    </div>
  );
}
