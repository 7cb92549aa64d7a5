// The background's long-lived pieces, bound to the browser's storage areas.
import { browserArea } from '../storage/browser-areas';
import { createKeychain } from './keychain';

export const keychain = createKeychain({
  local: browserArea('local'),
  session: browserArea('session'),
});
