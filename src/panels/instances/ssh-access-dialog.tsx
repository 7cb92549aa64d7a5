import { useEffect, useState } from 'preact/hooks';
import type { Instance } from '../../cloud/ec2';
import type { CloudErrorData } from '../../cloud/errors';
import { hostCidr } from '../../cloud/ip-address';
import browser from '../../shared/browser';
import { call } from '../../shared/call';
import { tempAccessSettings } from '../../storage/items';
import { Dialog, DialogActions } from '../components/dialog';
import { Field, TextField } from '../components/field';
import { closesAt, tempAccessRegion } from '../components/temp-access-list';
import { asError } from '../errors';
import { t } from '../i18n';
import type { InstancesModel } from './instances-model';
import {
  checkIpOrigin,
  groupChoices,
  initialSshAccessForm,
  lookUpAddress,
  SSH_ACCESS_MINUTES,
  type SshAccessForm,
  type SshAccessProblems,
  sshAccessRequest,
  validateSshAccess,
} from './ssh-access-form';

/** An example service, not a default: nothing is asked until the user gives a URL. */
const CHECKIP_EXAMPLE = 'https://checkip.amazonaws.com';

const durationText = (minutes: number) =>
  minutes < 60 ? t('sshAccessMinutes', String(minutes)) : t('sshAccessHours', String(minutes / 60));

/**
 * "Open SSH for my address": the address is typed, or looked up at a URL the user gave, only on
 * the Look up click; the background adds the rule and closes it when the time is up.
 */
export function SshAccessDialog({
  model,
  instance,
}: {
  model: InstancesModel;
  instance: Instance;
}) {
  const [form, setForm] = useState<SshAccessForm>(() => initialSshAccessForm(instance, ''));
  const [problems, setProblems] = useState<SshAccessProblems>({});
  const [busy, setBusy] = useState(false);
  const [lookup, setLookup] = useState<{ busy: boolean; error: CloudErrorData | null }>({
    busy: false,
    error: null,
  });
  const groups = groupChoices(instance);

  useEffect(() => {
    void tempAccessSettings.get().then(({ checkIpUrl }) => {
      if (checkIpUrl) setForm((f) => (f.checkIpUrl ? f : { ...f, checkIpUrl }));
    });
  }, []);

  const set = (patch: Partial<SshAccessForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblems((p) => {
      const next = { ...p };
      for (const key of Object.keys(patch)) delete next[key as keyof SshAccessForm];
      return next;
    });
  };

  function lookUp() {
    const target = checkIpOrigin(form.checkIpUrl);
    if (typeof target === 'string') {
      setProblems((p) => ({ ...p, checkIpUrl: target }));
      return;
    }
    // permissions.request must be called in the click itself (Firefox refuses it later).
    const granted = browser.permissions.request({ origins: [target.origin] }).catch(() => false);
    setLookup({ busy: true, error: null });
    void (async () => {
      try {
        if (!(await granted)) {
          setLookup({
            busy: false,
            error: {
              code: 'PermissionRefused',
              message: t('sshAccessPermissionRefused', new URL(target.url).host),
            },
          });
          return;
        }
        await tempAccessSettings.set({ checkIpUrl: target.url });
        const address = await lookUpAddress(target.url);
        set({ address });
        setLookup({ busy: false, error: null });
      } catch (e) {
        setLookup({ busy: false, error: asError(e) });
      }
    })();
  }

  async function submit() {
    const found = validateSshAccess(form);
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    await model.act(async ({ profile }) => {
      const request = sshAccessRequest(form, instance, profile.id, tempAccessRegion(profile));
      const { rule, existing } = await call('tempAccessOpen', request);
      const group = groups.find((g) => g.key === form.group)?.label ?? form.group;
      const cidr = hostCidr(form.address) ?? form.address;
      if (existing || !rule)
        return { key: 'sshAccessExisting', args: [group, String(request.port), cidr] };
      return {
        key: 'sshAccessOpened',
        args: [String(rule.port), rule.cidr, group, closesAt(rule)],
      };
    });
    setBusy(false);
  }

  const message = (key: keyof SshAccessForm) => {
    const problem = problems[key];
    return problem ? t(problem) : undefined;
  };

  return (
    <Dialog
      title={t('sshAccessTitle', instance.instanceId)}
      onClose={() => model.open(null)}
      error={model.dialogError.value}
      actions={
        <DialogActions
          onCancel={() => model.open(null)}
          confirm={t('sshAccessSubmit')}
          disabled={busy || groups.length === 0}
          onConfirm={() => void submit()}
        />
      }
    >
      <p class="muted">{t('sshAccessIntro')}</p>
      <TextField
        id="ssh-access-address"
        label={t('sshAccessAddress')}
        value={form.address}
        onValue={(address) => set({ address })}
        error={message('address')}
        hint={t('sshAccessAddressHint')}
        placeholder="203.0.113.7"
      />
      <TextField
        id="ssh-access-checkip"
        label={t('sshAccessCheckIpUrl')}
        value={form.checkIpUrl}
        onValue={(checkIpUrl) => set({ checkIpUrl })}
        error={message('checkIpUrl')}
        hint={t('sshAccessCheckIpHint')}
        placeholder={CHECKIP_EXAMPLE}
      />
      <div class="field">
        <button type="button" disabled={lookup.busy} onClick={lookUp}>
          {lookup.busy ? t('sshAccessLookingUp') : t('sshAccessLookUp')}
        </button>
      </div>
      {lookup.error && (
        <p class="notice warning" role="alert">
          {lookup.error.message}
        </p>
      )}
      <TextField
        id="ssh-access-port"
        label={t('sshAccessPort')}
        value={form.port}
        onValue={(port) => set({ port })}
        error={message('port')}
        hint={t('sshAccessPortHint')}
      />
      <Field id="ssh-access-group" label={t('sshAccessGroup')} error={message('group')}>
        {groups.length === 0 ? (
          <p class="muted">{t('sshAccessNoGroups')}</p>
        ) : (
          <select
            id="ssh-access-group"
            value={form.group}
            onChange={(e) => set({ group: e.currentTarget.value })}
          >
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ssh-access-minutes" label={t('sshAccessDuration')} error={message('minutes')}>
        <select
          id="ssh-access-minutes"
          value={form.minutes}
          onChange={(e) => set({ minutes: e.currentTarget.value })}
        >
          {SSH_ACCESS_MINUTES.map((m) => (
            <option key={m} value={String(m)}>
              {durationText(m)}
            </option>
          ))}
        </select>
      </Field>
    </Dialog>
  );
}
