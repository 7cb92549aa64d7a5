import type { ReadonlySignal, Signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { type MessageKey, t } from '../i18n';
import { usePanelNav } from '../panel-nav';
import { type PanelId, panels } from '../panels';
import type { ListHandle } from './resource-list';
import type { Notice } from './resource-panel';
import { SearchBox } from './search-box';

interface Props {
  list: ListHandle;
  /** Before the count: a view switcher. */
  lead?: ComponentChildren;
  /** The list's search (list-search.ts): a search field, and the count of rows it leaves. */
  search?: { query: Signal<string>; filtered: ReadonlySignal<readonly unknown[]> };
  children?: ComponentChildren;
}

/** How many rows, whether the list is polling, Refresh, then the panel's own buttons. */
export function ResourceToolbar({ list, lead, search, children }: Props) {
  return (
    <div class="toolbar">
      {lead}
      {search && <SearchBox query={search.query} />}
      <span class="count" role="status">
        {list.loading.value && !list.loaded.value
          ? t('loading')
          : search?.query.value.trim()
            ? t('countOf', String(search.filtered.value.length), String(list.rows.value.length))
            : t('itemCount', String(list.rows.value.length))}
        {list.polling.value && ` · ${t('autoRefreshingChanges')}`}
      </span>
      <button type="button" onClick={() => void list.load(true)} disabled={list.loading.value}>
        {t('refresh')}
      </button>
      {children}
    </div>
  );
}

export function NoticeLine({ notice }: { notice: Notice | null }) {
  const nav = usePanelNav();
  if (!notice) return null;
  const open = notice.open;
  return (
    <p class="notice ok" role="status">
      {t(notice.key, ...notice.args)}
      {open && (
        <>
          {' '}
          <button type="button" onClick={() => nav.open(open.panel, { select: open.select })}>
            {t('noticeShowInTab', t(panelTitle(open.panel)))}
          </button>
        </>
      )}
    </p>
  );
}

function panelTitle(id: PanelId): MessageKey {
  return panels.find((panel) => panel.id === id)?.title ?? 'tabInstances';
}
