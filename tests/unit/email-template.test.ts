// Emails filled into a per-process template must be exactly what a full render gives.
import { describe, expect, it, vi } from 'vitest';
import { renderActivationEmail } from '@/lib/account/emails';
import { templatedEmail } from '@/lib/mail/email-template';
import { renderEmail } from '@/lib/mail/outbox';
import { ActivationEmail } from '@/lib/mail/templates/activation-email';
import { defaultFacility } from '@/lib/mail/templates/layout';

const full = (settings: { locale: 'pl' | 'en' }, values: { firstName: string; token: string }) =>
  renderEmail(
    'activation',
    'Temat',
    ActivationEmail({
      firstName: values.firstName,
      activationUrl: `http://localhost:3000/activate/${values.token}`,
      validHours: 24,
      login: null,
      facility: defaultFacility,
      locale: settings.locale,
    }),
  );

describe('templated emails', () => {
  it('renders once per setting and fills in values exactly as a full render would', async () => {
    const render = vi.fn(full);
    const email = templatedEmail(render, { firstName: "Zo'ś-ja Ąn", token: 'Ab0_-probe' });
    for (const firstName of ['Jan', "D'Artagnan", 'Anna Maria', 'Łucja-Ewa', 'Zoë']) {
      expect(await email({ locale: 'pl' }, { firstName, token: 'T0k_en-1' })).toEqual(
        await full({ locale: 'pl' }, { firstName, token: 'T0k_en-1' }),
      );
    }
    // The placeholder rendering and its probe, then nothing more for five recipients.
    expect(render).toHaveBeenCalledTimes(2);
    expect(await email({ locale: 'en' }, { firstName: 'Jan', token: 'x' })).toEqual(
      await full({ locale: 'en' }, { firstName: 'Jan', token: 'x' }),
    );
    expect(render).toHaveBeenCalledTimes(4);
  });

  it('renders in full any value the template could not stand for', async () => {
    const render = vi.fn(full);
    const email = templatedEmail(render, { firstName: 'Jan', token: 'x' });
    for (const firstName of ['<b>Jan</b>', 'Jan  Kowalski', ' Jan', 'A & B', 'a"b', '']) {
      expect(await email({ locale: 'pl' }, { firstName, token: 'x' })).toEqual(await full({ locale: 'pl' }, { firstName, token: 'x' }));
    }
    expect(render).toHaveBeenCalledTimes(6);
  });

  it('falls back to full renders when filling in does not reproduce the probe', async () => {
    const render = vi.fn((settings: { locale: 'pl' }, values: { firstName: string; token: string }) =>
      full(settings, { ...values, firstName: values.firstName.toUpperCase() }),
    );
    const email = templatedEmail(render, { firstName: 'Jan', token: 'x' });
    expect((await email({ locale: 'pl' }, { firstName: 'Ewa', token: 'x' })).text).toContain('EWA');
    // The placeholder rendering, its probe, then the full render the failed probe asks for.
    expect(render).toHaveBeenCalledTimes(3);
  });

  it('puts the recipient’s own token into the activation link', async () => {
    const email = await renderActivationEmail({ firstName: 'Jan', login: 'jan', token: 'abc', locale: 'pl' });
    expect(email.text).toContain('/activate/abc');
  });
});
