// The IAM (Euare) client: operation descriptions run with iamClient (the Query client, 'iam').

export * from './access-keys';
export * from './accounts';
export * from './client';
export * from './delete-plan';
export * from './groups';
export * from './inline-policies';
export * from './instance-profiles';
export * from './login-profile';
export * from './managed-policies';
export * from './needs';
export { decodeDocument } from './read';
export * from './roles';
export * from './types';
export * from './user-credentials';
export * from './users';
export * from './version-rotation';
