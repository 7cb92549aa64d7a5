// A user's other credentials that block DeleteUser: X.509 signing certificates (Eucalyptus users
// bundle images with them) and MFA devices.

import { path, text } from '../xml';
import { iamAction, iamList } from './operation';

export const listSigningCertificates = iamList({
  action: 'ListSigningCertificates',
  list: 'Certificates',
  params: ({ userName }: { userName: string }) => ({ UserName: userName }),
  read: (member) => text(path(member, 'CertificateId')),
});

export const deleteSigningCertificate = iamAction({
  action: 'DeleteSigningCertificate',
  params: ({ userName, certificateId }: { userName: string; certificateId: string }) => ({
    UserName: userName,
    CertificateId: certificateId,
  }),
});

export const listMfaDevices = iamList({
  action: 'ListMFADevices',
  list: 'MFADevices',
  params: ({ userName }: { userName: string }) => ({ UserName: userName }),
  read: (member) => text(path(member, 'SerialNumber')),
});

export const deactivateMfaDevice = iamAction({
  action: 'DeactivateMFADevice',
  params: ({ userName, serialNumber }: { userName: string; serialNumber: string }) => ({
    UserName: userName,
    SerialNumber: serialNumber,
  }),
});
