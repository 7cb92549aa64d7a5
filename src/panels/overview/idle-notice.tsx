import type { IdleAddress, IdleVolume } from '../../cloud/overview';
import { t } from '../i18n';
import type { PanelId } from '../panels';
import type { IdleRow } from './overview-model';

interface Props {
  addresses: readonly IdleRow<IdleAddress>[];
  volumes: readonly IdleRow<IdleVolume>[];
  /** Opens the item's own tab with it selected (after switching profile and region). */
  onOpen: (panel: PanelId, row: IdleRow<unknown>, select: string) => void;
}

/** Items listed of each kind; the rest are counted (their tabs list them all). */
const SHOWN = 10;

/** What costs money while unused (AWS bills both by the hour), each item a way to its tab. */
export function IdleNotice({ addresses, volumes, onOpen }: Props) {
  if (addresses.length === 0 && volumes.length === 0) return null;
  const parts: string[] = [];
  if (addresses.length > 0) {
    parts.push(
      addresses.length === 1
        ? t('ovIdleAddressOne')
        : t('ovIdleAddressMany', String(addresses.length)),
    );
  }
  if (volumes.length > 0) {
    parts.push(
      volumes.length === 1 ? t('ovIdleVolumeOne') : t('ovIdleVolumeMany', String(volumes.length)),
    );
  }
  const said = parts.length === 2 ? t('ovIdleJoin', parts[0] ?? '', parts[1] ?? '') : parts[0];
  return (
    <div class="notice warning overview-idle" role="status">
      <p>{t('ovIdleBilled', said ?? '')}</p>
      {addresses.length > 0 && (
        <>
          <h3>{t('ovIdleAddressesTitle')}</h3>
          <ul>
            {addresses.slice(0, SHOWN).map((row) => (
              <li key={row.key}>
                <button
                  type="button"
                  class="link-button"
                  // The Elastic IPs tab's row key (addressKey): allocation id, else the address.
                  onClick={() =>
                    onOpen('addresses', row, row.item.allocationId || row.item.publicIp)
                  }
                >
                  {row.item.publicIp}
                </button>{' '}
                <span class="muted">{t('ovWhere', row.profileName, row.region)}</span>
              </li>
            ))}
            {addresses.length > SHOWN && (
              <li class="muted">{t('ovIdleMore', String(addresses.length - SHOWN))}</li>
            )}
          </ul>
        </>
      )}
      {volumes.length > 0 && (
        <>
          <h3>{t('ovIdleVolumesTitle')}</h3>
          <ul>
            {volumes.slice(0, SHOWN).map((row) => (
              <li key={row.key}>
                <button
                  type="button"
                  class="link-button"
                  onClick={() => onOpen('volumes', row, row.item.volumeId)}
                >
                  {row.item.volumeId}
                </button>{' '}
                {row.item.name && <span>{row.item.name} </span>}
                <span class="muted">
                  {t('ovVolumeSize', row.item.size)} · {t('ovWhere', row.profileName, row.region)}
                </span>
              </li>
            ))}
            {volumes.length > SHOWN && (
              <li class="muted">{t('ovIdleMore', String(volumes.length - SHOWN))}</li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
