// The browser's answers (RegistrationResponseJSON, AuthenticationResponseJSON) as they arrive:
// untrusted JSON. Checked here for shape and size before the WebAuthn library reads them, so
// junk is refused as `invalid` and never reaches a decoder with an unbounded input.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';

// Limits generous for every real authenticator: a credential ID is at most 1023 bytes, a user
// handle 64; attestation with certificate chains (TPM, Android) stays within a few kilobytes.
const b64url = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/);
const credentialId = b64url(1400);
const transports = z.array(z.string().regex(/^[a-z-]{1,32}$/)).max(10);

/** A credential as the browser sends it: its id twice (text and raw, which must agree) and its response. */
const credential = <Response extends z.ZodRawShape>(response: Response) =>
  z
    .object({ id: credentialId, rawId: credentialId, type: z.literal('public-key'), response: z.object(response) })
    .refine((r) => r.id === r.rawId);

const registrationSchema = credential({
  clientDataJSON: b64url(8192),
  attestationObject: b64url(65_536),
  transports: transports.optional(),
});

const authenticationSchema = credential({
  clientDataJSON: b64url(8192),
  authenticatorData: b64url(8192),
  signature: b64url(8192),
  userHandle: b64url(128).optional(),
});

/** The parts of a registration the server verifies, or null when the shape is wrong. */
export function parseRegistrationResponse(input: unknown): RegistrationResponseJSON | null {
  const parsed = registrationSchema.safeParse(input);
  return parsed.success ? { ...parsed.data, clientExtensionResults: {} } : null;
}

/** The parts of an assertion the server verifies, or null when the shape is wrong. */
export function parseAuthenticationResponse(input: unknown): AuthenticationResponseJSON | null {
  const parsed = authenticationSchema.safeParse(input);
  return parsed.success ? { ...parsed.data, clientExtensionResults: {} } : null;
}
