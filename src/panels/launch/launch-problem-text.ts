import { t } from '../i18n';
import { type LaunchProblem, USER_DATA_LIMIT } from './launch-form';

/** A field's problem in words, for under the field. */
export function problemText(problem: LaunchProblem | undefined): string | undefined {
  if (!problem) return undefined;
  switch (problem.kind) {
    case 'required':
      return t('fieldRequired');
    case 'count':
      return t('launchBadCount');
    case 'min-over-max':
      return t('launchMinOverMax');
    case 'user-data-too-large':
      return t('launchUserDataTooLarge', String(problem.bytes), String(USER_DATA_LIMIT));
    case 'bad-tag':
      return t('launchBadTag', String(problem.line));
    case 'subnet-required':
      return t('launchNetSubnetRequired');
    case 'size':
      return t('launchDiskBadSize', String(problem.min), String(problem.max));
    case 'iops':
      return t('launchDiskBadIops', String(problem.min), String(problem.max));
    case 'size-or-snapshot':
      return t('launchDiskSizeOrSnapshot');
    case 'device':
      return t('launchDiskBadDevice');
    case 'device-taken':
      return t('launchDiskDeviceTaken');
    case 'not-bootable':
      return t('launchDiskNotBootable');
    case 'root-unknown':
      return t('launchDiskRootUnknown');
  }
}
