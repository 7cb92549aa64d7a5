import { ConfirmListDialog } from '../components/confirm-list-dialog';
import { t } from '../i18n';
import type { InstancesModel } from './instances-model';

/** Force stop, confirmed by name: the instances get no clean shutdown. */
export function ForceStopDialog({ model, ids }: { model: InstancesModel; ids: string[] }) {
  const names = ids.map((id) => {
    const instance = model.list.rows.value.find((i) => i.instanceId === id);
    const name = instance ? model.nameOf(instance) : '';
    return name ? `${name} (${id})` : id;
  });
  return (
    <ConfirmListDialog
      title={t('attrForceStop')}
      confirm={t('attrForceStopYes', String(ids.length))}
      onConfirm={() => model.forceStop(ids)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      question={t('attrForceStopConfirm')}
      items={names}
    />
  );
}
