import { useState } from 'preact/hooks';
import type { ImportProblemCode } from '../../cloud/import/types';
import type { Profile } from '../../cloud/profile';
import { Field } from '../components/field';
import { type MessageKey, t } from '../i18n';
import type { ImportModel } from './import-model';
import { endpointSummary, KIND_KEYS } from './profile-summary';

const camel = (code: string) => code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const problemText = (code: ImportProblemCode) =>
  t(`importProblem${camel(code).replace(/^\w/, (c) => c.toUpperCase())}` as MessageKey);

export function ImportSection({ model }: { model: ImportModel }) {
  const [dragging, setDragging] = useState(false);
  const results = model.results.value;
  const found = model.found();
  const count = model.selected.value.filter(Boolean).length;

  function drop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) void model.readFiles(files);
  }

  return (
    <section class="import-section" aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <fieldset
        class={dragging ? 'drop-zone active' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <legend>{t('importDropHint')}</legend>
        <Field id="import-files" label={t('importChooseFiles')}>
          <input
            id="import-files"
            type="file"
            multiple
            onChange={(e) => void model.readFiles([...(e.currentTarget.files ?? [])])}
          />
        </Field>
      </fieldset>
      <Field id="import-text" label={t('importPasteLabel')}>
        <textarea
          id="import-text"
          rows={6}
          spellcheck={false}
          value={model.text.value}
          onInput={(e) => {
            model.text.value = e.currentTarget.value;
          }}
        />
      </Field>
      <button type="button" disabled={!model.text.value.trim()} onClick={() => model.readText()}>
        {t('importRead')}
      </button>

      {results.length > 0 && (
        <div class="import-results" aria-live="polite">
          <h3>{t('importFoundTitle', String(found.length))}</h3>
          {found.length > 0 && (
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('importColumnSave')}</th>
                  <th scope="col">{t('columnName')}</th>
                  <th scope="col">{t('columnKind')}</th>
                  <th scope="col">{t('columnEndpoint')}</th>
                  <th scope="col">{t('columnAccessKey')}</th>
                  <th scope="col">{t('importColumnSecret')}</th>
                </tr>
              </thead>
              <tbody>
                {found.map((item, i) => (
                  <tr key={`${item.source}-${item.draft.name}`}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={t('importSelectProfile', item.draft.name)}
                        checked={model.selected.value[i]}
                        onChange={() => model.toggle(i)}
                      />
                    </td>
                    <td>{item.draft.name}</td>
                    <td>{t(KIND_KEYS[item.draft.kind])}</td>
                    <td>{endpointSummary({ ...item.draft, id: '' } as Profile)}</td>
                    <td class="mono">{item.draft.accessKeyId}</td>
                    <td>{t(item.secret ? 'yes' : 'no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {results.some((r) => r.problems.length > 0) && (
            <ul class="import-problems">
              {results.flatMap((r) =>
                r.problems.map((p) => (
                  <li key={`${p.file ?? ''}-${p.line}-${p.code}`}>
                    {p.line > 0
                      ? t('importProblemLine', String(p.line), problemText(p.code))
                      : problemText(p.code)}
                    {p.file && ` (${p.file})`}
                    {p.text && <code>{p.text}</code>}
                  </li>
                )),
              )}
            </ul>
          )}
          {model.error.value && (
            <p class="field-error" role="alert">
              {model.error.value.message}
            </p>
          )}
          <button
            type="button"
            class="primary"
            disabled={count === 0 || model.saving.value}
            onClick={() => void model.save()}
          >
            {t('importSave', String(count))}
          </button>
        </div>
      )}
    </section>
  );
}
