// Within one page: any view can ask for the sign-in dialog (a call failed for want of a
// session), and views that failed can offer Retry once a sign-in succeeded. Events, not shared
// state: the header's session model owns the dialog.

const bus = new EventTarget();
const REQUEST = 'sign-in-request';
const SIGNED_IN = 'signed-in';

export function requestSignIn(): void {
  bus.dispatchEvent(new Event(REQUEST));
}

export function announceSignedIn(): void {
  bus.dispatchEvent(new Event(SIGNED_IN));
}

function listen(type: string, listener: () => void): () => void {
  bus.addEventListener(type, listener);
  return () => bus.removeEventListener(type, listener);
}

export const onSignInRequest = (listener: () => void) => listen(REQUEST, listener);
export const onSignedIn = (listener: () => void) => listen(SIGNED_IN, listener);

/** Codes that mean "sign in (again)": the background's, and a server's for an expired token. */
export const SIGN_IN_CODES: ReadonlySet<string> = new Set([
  'SignInRequired',
  'SessionExpired',
  'ExpiredToken',
]);
