// The RODO (GDPR) art. 13 information clause for the data the portal collects: the account, the
// email and SMS consents. Controller and contacts come from configuration, the retention periods
// from the ones lib/retention/retention.ts applies (lib/legal/config.ts).
import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';
import { requestLocale } from '@/lib/i18n/request-locale';
import { legalConfig } from '@/lib/legal/config';
import { legalWordsFor } from '@/lib/messages/legal';
import { LegalArticle, LegalSection, TextLink, fill } from '../_legal/legal-markup';

export async function generateMetadata(): Promise<Metadata> {
  return { title: legalWordsFor(await requestLocale()).privacy.title };
}

export default async function PrivacyNoticePage() {
  const t = legalWordsFor(await requestLocale()).privacy;
  const config = legalConfig();
  const r = config.retention;
  const deleteLink = <TextLink href="/account/delete">{t.retention.deleteLink}</TextLink>;
  return (
    <LegalArticle>
      <div className="flex flex-col gap-3">
        <PageTitle>{t.title}</PageTitle>
        <p>{t.intro}</p>
      </div>

      <LegalSection id="rodo-administrator" title={t.controller.title}>
        <p>{t.controller.text(config.controller.name, config.controller.address)}</p>
      </LegalSection>

      <LegalSection id="rodo-iod" title={t.dpo.title}>
        <p>{fill(t.dpo.text, { email: <TextLink href={`mailto:${config.dpoEmail}`}>{config.dpoEmail}</TextLink> })}</p>
      </LegalSection>

      <LegalSection id="rodo-cele" title={t.purposes.title}>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li data-purpose="account">{t.purposes.account(config.desk.name)}</li>
          <li data-purpose="email">{t.purposes.email}</li>
          <li data-purpose="sms">{t.purposes.sms}</li>
          <li data-purpose="security">{t.purposes.security}</li>
        </ul>
        <p>{fill(t.purposes.withdraw, { account: <TextLink href="/account">{t.purposes.accountLink}</TextLink> })}</p>
      </LegalSection>

      <LegalSection id="rodo-odbiorcy" title={t.recipients.title}>
        <p>{t.recipients.text(config.desk.name, config.mailProcessor)}</p>
      </LegalSection>

      <LegalSection id="rodo-okres" title={t.retention.title}>
        <ul className="flex list-disc flex-col gap-2 pl-6">
          <li>{fill(t.retention.account, { delete: deleteLink })}</li>
          <li>{t.retention.unactivated(r.unactivatedDays)}</li>
          <li>{t.retention.record}</li>
          <li>{t.retention.history}</li>
          <li>{t.retention.emails(r.outboxBodyDays)}</li>
          <li>{t.retention.links(r.expiredLinkDays)}</li>
          <li>{t.retention.blocked(r.blockedAttemptsDays)}</li>
        </ul>
      </LegalSection>

      <LegalSection id="rodo-prawa" title={t.rights.title}>
        <p>{t.rights.intro}</p>
        <ul className="list-disc pl-6">
          {t.rights.list.map((right) => (
            <li key={right}>{right}</li>
          ))}
        </ul>
        <p>{t.rights.limits}</p>
        <p>
          {fill(t.rights.portal, {
            data: <TextLink href="/account/data">{t.rights.dataLink}</TextLink>,
            settings: <TextLink href="/account/settings">{t.rights.settingsLink}</TextLink>,
            delete: deleteLink,
          })}
        </p>
      </LegalSection>

      <LegalSection id="rodo-skarga" title={t.complaint.title}>
        <p>{fill(t.complaint.text, { uodo: <TextLink href="https://uodo.gov.pl/">uodo.gov.pl</TextLink> })}</p>
      </LegalSection>

      <LegalSection id="rodo-wymog" title={t.requirement.title}>
        <p>{t.requirement.text}</p>
      </LegalSection>

      <LegalSection id="rodo-decyzje" title={t.automated.title}>
        <p>{t.automated.text}</p>
      </LegalSection>
    </LegalArticle>
  );
}
