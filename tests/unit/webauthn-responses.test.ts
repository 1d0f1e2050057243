import { describe, expect, it } from 'vitest';
import { parseAuthenticationResponse, parseRegistrationResponse } from '@/lib/webauthn/responses';

const registration = {
  id: 'AQID',
  rawId: 'AQID',
  type: 'public-key',
  response: { clientDataJSON: 'eyJ9', attestationObject: 'o2Nm', transports: ['usb', 'hybrid'] },
};
const assertion = {
  id: 'AQID',
  rawId: 'AQID',
  type: 'public-key',
  response: { clientDataJSON: 'eyJ9', authenticatorData: 'SZYN', signature: 'MEUC', userHandle: 'AgAB' },
};

describe('the browser’s WebAuthn answers, checked for shape before the library reads them', () => {
  it('keeps a well-formed registration and assertion, with no client extensions', () => {
    expect(parseRegistrationResponse(registration)).toEqual({ ...registration, clientExtensionResults: {} });
    expect(parseAuthenticationResponse(assertion)).toEqual({ ...assertion, clientExtensionResults: {} });
  });

  it('refuses an id that is not its raw id', () => {
    expect(parseRegistrationResponse({ ...registration, rawId: 'BAUG' })).toBeNull();
    expect(parseAuthenticationResponse({ ...assertion, rawId: 'BAUG' })).toBeNull();
  });

  it('refuses one answer in the shape of the other, and junk', () => {
    expect(parseRegistrationResponse(assertion)).toBeNull();
    expect(parseAuthenticationResponse(registration)).toBeNull();
    for (const junk of [
      null,
      'x',
      {},
      { ...assertion, type: 'password' },
      { ...assertion, response: { ...assertion.response, signature: 'a b' } },
    ]) {
      expect(parseAuthenticationResponse(junk)).toBeNull();
    }
  });
});
