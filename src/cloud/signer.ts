import type { Service } from './endpoints';
import type { HttpRequest } from './request';

/**
 * Signs requests for one profile. In the browser it is a message to the background (which holds
 * the secret); in Node tests it calls the same signing code directly.
 */
export interface Signer {
  sign(request: HttpRequest, service: Service): Promise<HttpRequest>;
  /**
   * URLs that work without headers for `expiresSeconds` (S3 presigned GET/PUT), one per request,
   * in order. A batch, because an upload presigns its parts together (1,000 for 10 GB).
   */
  presign(requests: HttpRequest[], service: Service, expiresSeconds: number): Promise<string[]>;
  /**
   * Reports the server's clock, from a response Date header, so later signatures use server time.
   * Returns the new offset (server minus local) in milliseconds.
   */
  observeServerTime(serverTime: Date, localTime: Date): Promise<number>;
}
