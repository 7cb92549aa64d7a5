// When a signed-in session asks to be renewed, and how its end is shown.

/** The sign-in dialog's choices: Eucalyptus issues 15 minutes to 12 hours. */
export const SIGN_IN_MINUTES = [15, 30, 60, 120, 240, 480, 720] as const;
export const DEFAULT_SIGN_IN_MINUTES = 60;
export const MIN_SIGN_IN_SECONDS = 15 * 60;
export const MAX_SIGN_IN_SECONDS = 12 * 60 * 60;
/** How long before the end Cirrus asks to sign in again. */
export const RENEW_LEAD_MS = 5 * 60_000;

/** The background's gate for the duration a page asks for. */
export function isSignInDuration(seconds: number): boolean {
  return (
    Number.isInteger(seconds) && seconds >= MIN_SIGN_IN_SECONDS && seconds <= MAX_SIGN_IN_SECONDS
  );
}

/**
 * When to ask for a new sign-in: 5 minutes before the end, or a third of the session's life
 * before it when the session is shorter than 15 minutes (a cloud may grant less than asked), so a
 * short session is still usable for a while before it asks.
 */
export function renewAt(expiration: string, issued?: string): number {
  const end = Date.parse(expiration);
  const start = issued === undefined ? Number.NaN : Date.parse(issued);
  const lead = Number.isNaN(start) ? RENEW_LEAD_MS : Math.min(RENEW_LEAD_MS, (end - start) / 3);
  return end - Math.max(0, lead);
}

export type SessionPhase = 'active' | 'renew' | 'expired';

export function sessionPhase(expiration: string, now: number, issued?: string): SessionPhase {
  const end = Date.parse(expiration);
  if (Number.isNaN(end) || now >= end) return 'expired';
  return now >= renewAt(expiration, issued) ? 'renew' : 'active';
}

/** Milliseconds until the phase changes; undefined once expired. */
export function nextPhaseIn(expiration: string, now: number, issued?: string): number | undefined {
  const end = Date.parse(expiration);
  if (Number.isNaN(end) || now >= end) return undefined;
  const renew = renewAt(expiration, issued);
  return (now < renew ? renew : end) - now;
}

/** The end as the header shows it: local 24-hour HH:MM. */
export function formatClockTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '--:--';
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** The label a session carries: USER@ACCOUNT. */
export function sessionLabel(user: string, account: string): string {
  return `${user.trim()}@${account.trim()}`;
}
