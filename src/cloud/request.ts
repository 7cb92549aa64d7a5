// A request as the cloud clients build it, before and after signing. Plain data, so it
// can cross the message channel between a page and the background.

import type { Service } from './service';

export interface HttpRequest {
  method: string;
  /** Absolute URL, service path and query included, exactly as it will be sent. */
  url: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Only small textual bodies (EC2 Query forms, S3 XML documents) are signed by value. */
  body?: string;
}

export type SignedRequest = HttpRequest;

/** The signing context that a profile resolves to for one service. */
export interface SigningScope {
  service: Service;
  region: string;
  signatureVersion: 2 | 4;
}
