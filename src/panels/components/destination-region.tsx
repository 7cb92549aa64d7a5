// The destination region of a copy (image, snapshot): the profile's regions, read when the dialog
// opens, with the region the copy goes to by default; a cloud without regions says why.

import { useEffect, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { asError } from '../errors';
import { t } from '../i18n';
import { FeatureError } from './feature-error';

export function DestinationRegion({
  id,
  load,
  initial,
  value,
  onValue,
  feature,
}: {
  id: string;
  load: () => Promise<string[]>;
  /** The region chosen once the list is known. */
  initial: (regions: string[]) => string;
  value: string;
  onValue: (region: string) => void;
  /** What the copy is, for the "not supported" message. */
  feature: string;
}) {
  const [regions, setRegions] = useState<string[] | null>(null);
  const [error, setError] = useState<CloudErrorData | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (found) => {
        if (!live) return;
        setRegions(found);
        onValue(initial(found));
      },
      (e: unknown) => live && setError(asError(e)),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <>
      <div class="field">
        <label for={id}>{t('imgDestination')}</label>
        <select
          id={id}
          value={value}
          disabled={!regions}
          onChange={(e) => onValue(e.currentTarget.value)}
        >
          {!regions && <option value="">{t('loading')}</option>}
          {regions?.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      {error && <FeatureError error={error} feature={feature} />}
    </>
  );
}
