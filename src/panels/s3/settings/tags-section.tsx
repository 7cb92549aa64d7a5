// The bucket's tags: rows of key and value, checked like every tag editor's (tag-changes.ts),
// saved as one whole set (?tagging replaces them all).

import { useEffect, useState } from 'preact/hooks';
import { type BucketTag, getBucketTags, putBucketTags } from '../../../cloud/s3/bucket-tagging';
import {
  planTagChanges,
  startRows,
  type TagProblem,
  type TagRow,
} from '../../components/tag-changes';
import { type MessageKey, t } from '../../i18n';
import { SectionStatus } from './section-status';
import type { SectionProps } from './setting-section';
import { useSettingSection } from './use-setting-section';

const PROBLEM: Record<TagProblem['code'], MessageKey> = {
  keyRequired: 's3TagKeyRequired',
  keyTooLong: 's3TagKeyTooLong',
  keyReserved: 's3TagKeyReserved',
  keyDuplicate: 's3TagKeyDuplicate',
  valueTooLong: 's3TagValueTooLong',
  tooMany: 's3TagTooMany',
};

/** The set the rows describe: blank new rows dropped, keys trimmed. */
export function tagsFromRows(rows: readonly TagRow[]): BucketTag[] {
  return rows
    .filter((r) => !(r.original === null && r.key.trim() === '' && r.value === ''))
    .map((r) => ({ key: r.key.trim(), value: r.value }));
}

export function TagsSection({ bucket, at }: SectionProps) {
  const section = useSettingSection<BucketTag[]>(bucket, at, ({ profile, signer }, name) =>
    getBucketTags(profile, signer, name),
  );
  const saved = section.value.value;
  const [rows, setRows] = useState<TagRow[]>([]);
  const [nextId, setNextId] = useState(1000);
  const [problems, setProblems] = useState<TagProblem[]>([]);

  useEffect(() => {
    if (saved) setRows(startRows([{ id: bucket, tags: saved }]));
  }, [saved]);

  const readOnly = section.state.value !== 'ready';
  const busy = section.saving.value;
  const problemOf = (row: number, field: 'key' | 'value') =>
    problems.find((p) => p.row === row && 'field' in p && p.field === field);
  const update = (id: number, change: Partial<TagRow>) => {
    setRows(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
    setProblems([]);
  };

  function save() {
    const { problems: found } = planTagChanges([{ id: bucket, tags: saved ?? [] }], rows);
    setProblems(found);
    if (found.length) return;
    const tags = tagsFromRows(rows);
    void section.change(({ profile, signer }) => putBucketTags(profile, signer, bucket, tags));
  }

  const tooMany = problems.find((p) => p.row === null);
  return (
    <div class="tags-section">
      <SectionStatus section={section} what={t('s3TagsWhat')} />
      <fieldset disabled={readOnly}>
        <table class="tag-rows">
          <thead>
            <tr>
              <th>{t('s3TagKey')}</th>
              <th>{t('s3TagValue')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, n) => {
              const keyProblem = problemOf(row.id, 'key');
              const valueProblem = problemOf(row.id, 'value');
              return (
                <tr key={row.id}>
                  <td>
                    <input
                      type="text"
                      aria-label={t('s3TagKeyOf', String(n + 1))}
                      value={row.key}
                      aria-invalid={keyProblem !== undefined}
                      onInput={(e) => update(row.id, { key: e.currentTarget.value })}
                    />
                    {keyProblem && <p class="field-error">{t(PROBLEM[keyProblem.code])}</p>}
                  </td>
                  <td>
                    <input
                      type="text"
                      aria-label={t('s3TagValueOf', String(n + 1))}
                      value={row.value}
                      aria-invalid={valueProblem !== undefined}
                      onInput={(e) =>
                        update(row.id, { value: e.currentTarget.value, mixed: false })
                      }
                    />
                    {valueProblem && <p class="field-error">{t(PROBLEM[valueProblem.code])}</p>}
                  </td>
                  <td>
                    <button
                      type="button"
                      onClick={() => setRows(rows.filter((r) => r.id !== row.id))}
                    >
                      {t('s3TagRemove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {tooMany && <p class="field-error">{t('s3TagTooMany')}</p>}
        <div class="toolbar">
          <button
            type="button"
            onClick={() => {
              setRows([
                ...rows,
                { id: nextId, key: '', value: '', original: null, mixed: false, reserved: false },
              ]);
              setNextId(nextId + 1);
            }}
          >
            {t('s3TagAdd')}
          </button>
          <button type="button" disabled={busy} onClick={save}>
            {t('s3TagsSave')}
          </button>
        </div>
      </fieldset>
    </div>
  );
}
