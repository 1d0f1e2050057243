import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadEnv } from '@/lib/env';
import { legalConfig } from '@/lib/legal/config';

const configure = (vars: Record<string, string> = {}) => legalConfig(loadEnv({ NODE_ENV: 'test', ...vars }));

describe('legal pages configuration', () => {
  it('defaults to the first deployment with example contacts and the retention actually applied', () => {
    const config = configure();
    expect(config.controller).toEqual({
      name: 'Samodzielny Publiczny Zakład Opieki Zdrowotnej w Łęcznej',
      address: 'ul. Krasnystawska 52, 21-010 Łęczna',
    });
    expect(config.dpoEmail).toMatch(/^iod@.+\.example$/);
    expect(config.mailProcessor).toBeNull();
    expect(config.accessibility).toMatchObject({
      contact: { name: 'Koordynator do spraw dostępności', phone: null },
      sitePublished: '2026-11-01',
      siteUpdated: '2026-11-01',
      statementDate: '2026-11-01',
      lastCheck: '2026-11-01',
      status: 'partial',
      nonCompliant: null,
      deskAccess: null,
      signLanguage: null,
    });
    expect(config.accessibility.contact.email).toMatch(/\.example$/);
    expect(config.retention).toEqual({ unactivatedDays: 30, blockedAttemptsDays: 30, expiredLinkDays: 7, outboxBodyDays: 90 });
  });

  it('reuses the facility address and phone unless the legal keys say otherwise', () => {
    const facility = configure({ FACILITY_ADDRESS: 'ul. Szpitalna 1, 00-001 Warszawa', FACILITY_PHONE: '81 752 10 00' });
    expect(facility.controller.address).toBe('ul. Szpitalna 1, 00-001 Warszawa');
    expect(facility.accessibility.contact.phone).toBe('81 752 10 00');
    const own = configure({
      FACILITY_PHONE: '81 752 10 00',
      LEGAL_CONTROLLER_ADDRESS: 'ul. Inna 2, 21-010 Łęczna',
      A11Y_CONTACT_PHONE: '81 752 10 01',
    });
    expect(own.controller.address).toBe('ul. Inna 2, 21-010 Łęczna');
    expect(own.accessibility.contact.phone).toBe('81 752 10 01');
  });

  it('lets each later date default to the one before it', () => {
    const a = configure({ A11Y_SITE_PUBLISHED: '2026-01-15', A11Y_SITE_UPDATED: '2026-10-01' }).accessibility;
    expect(a).toMatchObject({
      sitePublished: '2026-01-15',
      siteUpdated: '2026-10-01',
      statementDate: '2026-10-01',
      lastCheck: '2026-10-01',
    });
    const b = configure({ A11Y_STATEMENT_DATE: '2026-11-20', A11Y_LAST_CHECK: '2026-11-25' }).accessibility;
    expect(b).toMatchObject({ statementDate: '2026-11-20', lastCheck: '2026-11-25' });
  });

  it('splits the facility’s own list of non-accessible content on "|"', () => {
    const a = configure({ A11Y_NONCOMPLIANT: ' Filmy bez napisów | | Pliki PDF ', A11Y_STATUS: 'partial' }).accessibility;
    expect(a.nonCompliant).toEqual(['Filmy bez napisów', 'Pliki PDF']);
    expect(configure({ A11Y_STATUS: 'full' }).accessibility.status).toBe('full');
  });

  it.each([
    ['A11Y_LAST_CHECK', '26.11.2026'],
    ['A11Y_LAST_CHECK', '2026-11-31'],
    ['A11Y_SITE_PUBLISHED', '2026-13-01'],
    ['A11Y_STATEMENT_DATE', '2026-02-29'],
    ['A11Y_SITE_UPDATED', 'yesterday'],
  ])('refuses %s=%s, which is not a real YYYY-MM-DD day', (key, value) => {
    expect(() => configure({ [key]: value })).toThrow(ConfigurationError);
    expect(() => configure({ [key]: value })).toThrow(new RegExp(key));
  });

  it('refuses a last update before the publication, an unknown status and malformed emails', () => {
    expect(() => configure({ A11Y_SITE_PUBLISHED: '2026-11-01', A11Y_SITE_UPDATED: '2026-10-31' })).toThrow(/A11Y_SITE_UPDATED/);
    expect(() => configure({ A11Y_STATUS: 'mostly' })).toThrow(/A11Y_STATUS/);
    expect(() => configure({ LEGAL_DPO_EMAIL: 'iod at example' })).toThrow(/LEGAL_DPO_EMAIL/);
    expect(() => configure({ A11Y_CONTACT_EMAIL: 'nobody' })).toThrow(/A11Y_CONTACT_EMAIL/);
  });

  it('treats empty optional values as unset', () => {
    const config = configure({ A11Y_LAST_CHECK: '', LEGAL_CONTROLLER_ADDRESS: '', A11Y_CONTACT_PHONE: '', A11Y_DESK_ACCESS: '  ' });
    expect(config.accessibility.lastCheck).toBe('2026-11-01');
    expect(config.controller.address).toBe('ul. Krasnystawska 52, 21-010 Łęczna');
    expect(config.accessibility.deskAccess).toBeNull();
  });
});
