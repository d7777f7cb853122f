/**
 * The one error type of the HTTP gateway: each carries the HTTP status it maps to, so
 * parsing, the Kafka request/reply path and the producer can fail without knowing HTTP.
 */
export type GatewayStatus = 400 | 401 | 413 | 429 | 500 | 502 | 503 | 504;

export interface GatewayErrorDetails {
  /** The request field at fault (`limit`, `body[2].msListened`); only for client errors. */
  readonly field?: string;
  /** Sent as the Retry-After header, in whole seconds. */
  readonly retryAfterSeconds?: number;
}

export class GatewayError extends Error {
  /** Client errors will fail the same way again; throttling, timeouts and outages may not. */
  readonly retriable: boolean;

  constructor(
    readonly status: GatewayStatus,
    message: string,
    readonly details: GatewayErrorDetails = {},
  ) {
    super(message);
    this.name = 'GatewayError';
    this.retriable = status === 429 || status >= 500;
  }
}

/** Bad client input; `field` names what to fix. */
export function invalidInput(field: string, message: string): GatewayError {
  return new GatewayError(400, message, { field });
}
