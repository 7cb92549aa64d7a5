import { useEffect, useState } from 'preact/hooks';
import type { CloudErrorData } from '../../cloud/errors';
import { asError } from '../errors';
import { t } from '../i18n';
import { ErrorMessage } from './error-message';
import { Field } from './field';
import type { InstanceChoice } from './instance-choices';

interface Props {
  id: string;
  label: string;
  /** Loads the instances to offer; called once when the select appears. */
  load: () => Promise<InstanceChoice[]>;
  value: string;
  onValue: (instanceId: string) => void;
  /** Said when there is nothing to choose. */
  none: string;
  error?: string | undefined;
}

/** A select of instances, "name (id)", loaded when it opens; the first one is chosen. */
export function InstanceSelect({ id, label, load, value, onValue, none, error }: Props) {
  const [choices, setChoices] = useState<InstanceChoice[] | null>(null);
  const [failure, setFailure] = useState<CloudErrorData | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (list) => {
        if (!live) return;
        setChoices(list);
        if (!value && list[0]) onValue(list[0].instanceId);
      },
      (e) => live && setFailure(asError(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failure) return <ErrorMessage error={failure} />;
  if (!choices) return <p class="muted">{t('loading')}</p>;
  if (choices.length === 0) return <p class="muted">{none}</p>;
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {choices.map((c) => (
          <option key={c.instanceId} value={c.instanceId}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
