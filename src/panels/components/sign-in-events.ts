// Within one page: any view can ask for the sign-in dialog (a call failed for want of a
// session), and views that failed can offer Retry once a sign-in succeeded. Events, not shared
// state: the header's session model owns the dialog.

const bus = new EventTarget();
const REQUEST = 'sign-in-request';
const SIGNED_IN = 'signed-in';

/**
 * Asks for the sign-in dialog. `automatic`: a view that just failed asks by itself; the dialog then
 * opens once for that failure, not again on every poll after the user closed it.
 */
export function requestSignIn(automatic = false): void {
  bus.dispatchEvent(new CustomEvent(REQUEST, { detail: { automatic } }));
}

export function announceSignedIn(): void {
  bus.dispatchEvent(new Event(SIGNED_IN));
}

export function onSignInRequest(listener: (automatic: boolean) => void): () => void {
  const handler = (event: Event) =>
    listener((event as CustomEvent<{ automatic?: boolean }>).detail?.automatic === true);
  bus.addEventListener(REQUEST, handler);
  return () => bus.removeEventListener(REQUEST, handler);
}
export function onSignedIn(listener: () => void): () => void {
  bus.addEventListener(SIGNED_IN, listener);
  return () => bus.removeEventListener(SIGNED_IN, listener);
}

/** Codes that mean "sign in (again)": the background's, and a server's for an expired token. */
export const SIGN_IN_CODES: ReadonlySet<string> = new Set([
  'SignInRequired',
  'SessionExpired',
  'ExpiredToken',
]);
