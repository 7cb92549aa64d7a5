import { useMemo, useState } from 'preact/hooks';
import type { ObjectSummary } from '../../cloud/s3';
import { ErrorMessage } from '../components/error-message';
import { Checkbox, TextField } from '../components/field';
import { useSort } from '../components/use-sort';
import { type Column, VirtualTable } from '../components/virtual-table';
import { t } from '../i18n';
import type { BucketSearch, SearchProblem } from './bucket-search';
import { formatBytes } from './s3-columns';

function searchColumns(): Column<ObjectSummary>[] {
  return [
    { id: 'key', label: t('s3SearchColKey'), value: (o) => o.key },
    {
      id: 'size',
      label: t('colSize'),
      value: (o) => formatBytes(o.size),
      sortValue: (o) => o.size,
    },
    {
      id: 'modified',
      label: t('colLastModified'),
      value: (o) => new Date(o.lastModified).toLocaleString(),
      sortValue: (o) => Date.parse(o.lastModified) || 0,
    },
  ];
}

const PROBLEM_TEXT: Record<SearchProblem, () => string> = {
  minSize: () => t('s3SearchBadSize'),
  maxSize: () => t('s3SearchBadSize'),
  sizeRange: () => t('s3SearchBadSizeRange'),
  after: () => t('s3SearchBadDate'),
  before: () => t('s3SearchBadDate'),
  dateRange: () => t('s3SearchBadDateRange'),
};

function problemFor(problem: SearchProblem | null, ...fields: SearchProblem[]) {
  return problem && fields.includes(problem) ? PROBLEM_TEXT[problem]() : undefined;
}

/** The "Search the whole bucket" view: the form, a running count, and the matches. */
export function BucketSearchView({ search, prefix }: { search: BucketSearch; prefix: string }) {
  const columns = useMemo(() => searchColumns(), []);
  const { sorted, sort, onSort } = useSort(search.results.value, columns);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const problem = search.problem.value;
  const running = search.running.value;
  const finished = search.finished.value;
  const picked = [...chosen];
  const status = running
    ? t('s3SearchRunning', String(search.scanned.value), String(search.matched.value))
    : finished === 'cancelled'
      ? t('s3SearchCancelled', String(search.scanned.value), String(search.matched.value))
      : finished === 'done'
        ? t('s3SearchDone', String(search.scanned.value), String(search.matched.value))
        : '';

  return (
    <div class="bucket-search">
      <form
        class="bucket-search-form"
        aria-label={t('s3SearchBucket')}
        onSubmit={(e) => {
          e.preventDefault();
          setChosen(new Set());
          void search.run();
        }}
      >
        <TextField
          id="s3-search-pattern"
          label={t('s3SearchPattern')}
          value={search.pattern.value}
          onValue={(v) => (search.pattern.value = v)}
          hint={t('s3SearchPatternHint')}
          placeholder={t('s3SearchPatternExample')}
        />
        <div class="bucket-search-row">
          <Checkbox
            id="s3-search-case"
            label={t('s3SearchIgnoreCase')}
            checked={search.caseInsensitive.value}
            onChecked={(v) => (search.caseInsensitive.value = v)}
          />
          {prefix && (
            <Checkbox
              id="s3-search-under"
              label={t('s3SearchUnderPrefix', prefix)}
              checked={search.underPrefix.value}
              onChecked={(v) => (search.underPrefix.value = v)}
            />
          )}
        </div>
        <div class="bucket-search-row">
          <TextField
            id="s3-search-min"
            label={t('s3SearchMinSize')}
            value={search.minSize.value}
            onValue={(v) => (search.minSize.value = v)}
            placeholder={t('s3SearchSizeExample')}
            error={problemFor(problem, 'minSize', 'sizeRange')}
          />
          <TextField
            id="s3-search-max"
            label={t('s3SearchMaxSize')}
            value={search.maxSize.value}
            onValue={(v) => (search.maxSize.value = v)}
            placeholder={t('s3SearchSizeExample')}
            error={problemFor(problem, 'maxSize')}
          />
          <TextField
            id="s3-search-after"
            label={t('s3SearchAfter')}
            value={search.after.value}
            onValue={(v) => (search.after.value = v)}
            placeholder={t('s3SearchDateExample')}
            error={problemFor(problem, 'after', 'dateRange')}
          />
          <TextField
            id="s3-search-before"
            label={t('s3SearchBefore')}
            value={search.before.value}
            onValue={(v) => (search.before.value = v)}
            placeholder={t('s3SearchDateExample')}
            error={problemFor(problem, 'before')}
          />
        </div>
        <div class="bucket-search-row">
          <button type="submit" class="primary">
            {t('s3SearchStart')}
          </button>
          <button type="button" disabled={!running} onClick={() => search.cancel()}>
            {t('cancel')}
          </button>
          <button
            type="button"
            disabled={picked.length !== 1}
            onClick={() => picked[0] && search.openMatch(picked[0])}
          >
            {t('s3SearchShowInFolder')}
          </button>
          <output class="muted bucket-search-status" aria-live="polite">
            {status}
          </output>
        </div>
      </form>
      {search.error.value && <ErrorMessage error={search.error.value} />}
      <VirtualTable
        label={t('s3SearchResults')}
        rows={sorted}
        columns={columns}
        sort={sort}
        onSort={onSort}
        rowKey={(o) => o.key}
        selected={chosen}
        onSelect={setChosen}
        onOpen={(o) => search.openMatch(o.key)}
      />
    </div>
  );
}
