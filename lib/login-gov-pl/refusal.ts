// Every way an answer from the node can be refused, as a stable code for logs and metrics.
// Messages carry structure only (element names, algorithm URIs), never a person's data.

export type RefusalReason =
  | 'too_large'
  | 'doctype'
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'issuer'
  | 'status'
  | 'cancelled'
  | 'destination'
  | 'recipient'
  | 'in_response_to'
  | 'audience'
  | 'expired'
  | 'not_yet_valid'
  | 'loa'
  | 'decryption';

export class WkRefusal extends Error {
  readonly reason: RefusalReason;

  constructor(reason: RefusalReason, detail?: string) {
    super(detail ? `login.gov.pl answer refused (${reason}): ${detail}` : `login.gov.pl answer refused (${reason})`);
    this.name = 'WkRefusal';
    this.reason = reason;
  }
}

export function refuse(reason: RefusalReason, detail?: string): never {
  throw new WkRefusal(reason, detail);
}

export function isWkRefusal(error: unknown): error is WkRefusal {
  return error instanceof WkRefusal;
}
