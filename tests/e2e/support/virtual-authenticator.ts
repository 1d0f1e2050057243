// Chromium's virtual authenticator (the DevTools protocol's WebAuthn domain) for passkey tests:
// a CTAP2 authenticator with resident keys and user verification that says yes by itself — a
// security key on USB (staff) or the device's own (a patient's phone or laptop). It belongs to the
// page's target, so one page keeps it across sign-out and sign-in; its credentials can be read,
// removed and put back (with a counter of the test's choosing, to play a cloned key).
import type { CDPSession, Page } from '@playwright/test';

async function readCredentials(cdp: CDPSession, authenticatorId: string) {
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  return credentials;
}

/** A credential as the protocol gives it (base64 binaries; `signCount` the last counter it reported). */
export type VirtualCredential = Awaited<ReturnType<typeof readCredentials>>[number];

export class VirtualAuthenticator {
  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    readonly id: string,
  ) {}

  /** `usb`: a roaming security key (cross-platform); `internal`: the device's own (platform). */
  static async attach(page: Page, transport: 'usb' | 'internal'): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport,
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return new VirtualAuthenticator(page, cdp, authenticatorId);
  }

  async credentials(): Promise<VirtualCredential[]> {
    return readCredentials(this.cdp, this.id);
  }

  /** The one credential this authenticator holds (the tests give each authenticator one). */
  async only(): Promise<VirtualCredential> {
    const credentials = await this.credentials();
    if (credentials.length !== 1) throw new Error(`expected one credential, found ${credentials.length}`);
    return credentials[0]!;
  }

  async add(credential: VirtualCredential): Promise<void> {
    await this.cdp.send('WebAuthn.addCredential', { authenticatorId: this.id, credential });
  }

  /** Puts the credential back with `signCount` (its next assertion reports signCount + 1). */
  async setCounter(credential: VirtualCredential, signCount: number): Promise<void> {
    await this.cdp.send('WebAuthn.removeCredential', { authenticatorId: this.id, credentialId: credential.credentialId });
    await this.add({ ...credential, signCount });
  }
}
