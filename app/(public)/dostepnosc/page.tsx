// The accessibility statement (deklaracja dostępności) in the structure of the ministry's template
// for the act of 4 April 2019 on digital accessibility, with its `a11y-…` ids; in the reader's
// language, the facility's details from configuration (lib/legal/config.ts).
import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';
import { requestLocale } from '@/lib/i18n/request-locale';
import { legalConfig } from '@/lib/legal/config';
import { legalWordsFor } from '@/lib/messages/legal';
import { Day, LegalArticle, LegalSection, TextLink, fill } from '../_legal/legal-markup';

export async function generateMetadata(): Promise<Metadata> {
  return { title: legalWordsFor(await requestLocale()).accessibility.title };
}

export default async function AccessibilityStatementPage() {
  const locale = await requestLocale();
  const t = legalWordsFor(locale).accessibility;
  const config = legalConfig();
  const a = config.accessibility;
  const nonCompliant = a.nonCompliant ?? t.status.nonCompliant;
  return (
    <LegalArticle>
      <div className="flex flex-col gap-3">
        <PageTitle>{t.title}</PageTitle>
        <p id="a11y-wstep">
          {fill(t.intro, {
            entity: <span id="a11y-podmiot">{config.controller.name}</span>,
            site: (
              <TextLink id="a11y-url" href={config.siteUrl}>
                {config.siteUrl}
              </TextLink>
            ),
          })}
        </p>
        <ul className="flex flex-col gap-1">
          <li>
            {t.sitePublished} <Day id="a11y-data-publikacja" iso={a.sitePublished} locale={locale} />
          </li>
          <li>
            {t.siteUpdated} <Day id="a11y-data-aktualizacja" iso={a.siteUpdated} locale={locale} />
          </li>
        </ul>
      </div>

      <LegalSection id="a11y-stan" title={t.status.title}>
        <p id="a11y-status">{a.status === 'full' ? t.status.full : t.status.partial}</p>
        {a.status === 'partial' ? (
          <>
            <h3 className="text-lg font-bold">{t.status.nonCompliantTitle}</h3>
            {a.nonCompliant && locale !== 'pl' ? <p className="text-sm">{t.status.configuredNote}</p> : null}
            <ul className="list-disc pl-6" lang={a.nonCompliant ? 'pl' : undefined}>
              {nonCompliant.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        ) : null}
      </LegalSection>

      <LegalSection id="a11y-przygotowanie" title={t.preparation.title}>
        <p>{fill(t.preparation.prepared, { date: <Day id="a11y-data-sporzadzenie" iso={a.statementDate} locale={locale} /> })}</p>
        <p id="a11y-ocena">{t.preparation.method}</p>
        <p>{fill(t.preparation.lastCheck, { date: <Day id="a11y-data-test" iso={a.lastCheck} locale={locale} /> })}</p>
      </LegalSection>

      <LegalSection id="a11y-kontakt" title={t.contact.title}>
        <p>{t.contact.intro}</p>
        <ul className="flex flex-col gap-1">
          <li>
            {t.contact.person} <span id="a11y-osoba">{a.contact.name}</span>
          </li>
          <li>
            {t.contact.email}{' '}
            <TextLink id="a11y-email" href={`mailto:${a.contact.email}`}>
              {a.contact.email}
            </TextLink>
          </li>
          <li>
            {t.contact.phone}{' '}
            <span id="a11y-telefon">
              {a.contact.phone ? (
                <TextLink href={`tel:${a.contact.phone.replace(/[\s-]/g, '')}`}>{a.contact.phone}</TextLink>
              ) : (
                t.contact.noPhone
              )}
            </span>
          </li>
        </ul>
      </LegalSection>

      <LegalSection id="a11y-procedura" title={t.procedure.title}>
        {t.procedure.paragraphs.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
        <p>
          {fill(t.procedure.ombudsman, {
            ombudsman: <TextLink href="https://bip.brpo.gov.pl/">{t.procedure.ombudsmanName}</TextLink>,
          })}
        </p>
      </LegalSection>

      <LegalSection id="a11y-architektura" title={t.architecture.title}>
        {a.deskAccess ? (
          <>
            {locale !== 'pl' ? <p className="text-sm">{t.architecture.configuredNote}</p> : null}
            {a.deskAccess.split(/\n+|\\n/).map((paragraph, index) => (
              <p key={index} lang="pl">
                {paragraph}
              </p>
            ))}
          </>
        ) : (
          <>
            <p>{t.architecture.desk(config.desk.name, config.desk.facility, config.desk.address, config.desk.hours)}</p>
            <p>{t.architecture.help}</p>
            <p>{t.architecture.assistanceDog}</p>
          </>
        )}
      </LegalSection>

      {a.signLanguage ? (
        <LegalSection id="a11y-jezyk-migowy" title={t.signLanguage.title}>
          {locale !== 'pl' ? <p className="text-sm">{t.architecture.configuredNote}</p> : null}
          <p lang="pl">{a.signLanguage}</p>
        </LegalSection>
      ) : null}
    </LegalArticle>
  );
}
