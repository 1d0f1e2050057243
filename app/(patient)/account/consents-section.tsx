import Link from 'next/link';
import { ActionButton, CardSection, Notice, linkClass, secondaryButtonClass } from '@/components/ui';
import { getDb } from '@/db/client';
import { consentHistory, consentStates, toggleableConsents } from '@/lib/account/consent-history';
import { formatDateTime } from '@/lib/format';
import { requestLocale } from '@/lib/i18n/request-locale';
import { wordsFor } from '@/lib/messages';
import { setConsentAction } from './consent-actions';
import { ConsentHistoryTable } from './consent-history-table';

/** The account's consents: each one's state, text version and origin, with its history. */
/** `textablePhone`: the account's phone is a mobile (only that can take the SMS consent, SPEC §18). */
export async function ConsentsSection({ accountId, textablePhone, flash }: { accountId: string; textablePhone: boolean; flash?: string }) {
  const locale = await requestLocale();
  const w = wordsFor(locale);
  const t = w.selfService.consents;
  const history = await consentHistory(await getDb(), accountId);
  const states = consentStates(history);
  const flashText = flash === 'given' || flash === 'withdrawn' ? t.recorded[flash] : flash === 'no_phone' ? t.needsPhone : null;
  const describe = (kind: keyof typeof states) => {
    const latest = states[kind].latest;
    if (!latest) return t.none;
    return `${t.version(latest.textVersion)}; ${t.when(t.actions[latest.action], formatDateTime(latest.givenAt, locale), t.channels[latest.channel])}`;
  };
  return (
    <CardSection id="consents-title" title={t.title}>
      <Notice tone="success" className="mb-3" message={flashText} />
      <p className="mb-4">{t.intro}</p>
      <ul className="flex flex-col gap-4">
        <li data-consent="data_processing" className="flex flex-col gap-1">
          <p className="font-medium">
            {t.kinds.data_processing}: <span data-consent-state>{states.data_processing.given ? t.given : t.none}</span>
          </p>
          <p className="text-sm">{w.consentTexts.data_processing}</p>
          <p className="text-sm text-slate-700">{describe('data_processing')}</p>
          <p className="text-sm">{t.dataProcessing}</p>
          <p>
            <Link prefetch={false} href="/account/delete" className={linkClass}>
              {t.dataProcessingLink}
            </Link>
          </p>
        </li>
        {toggleableConsents.map((kind) => {
          const given = states[kind].given;
          const name = t.kinds[kind];
          return (
            <li key={kind} data-consent={kind} className="flex flex-col gap-1">
              <p className="font-medium">
                {name}: <span data-consent-state>{given ? t.given : states[kind].latest ? t.withdrawn : t.none}</span>
              </p>
              <p className="text-sm">{w.consentTexts[kind]}</p>
              <p className="text-sm text-slate-700">{describe(kind)}</p>
              {kind === 'email' ? <p className="text-sm">{t.securityNote}</p> : null}
              {kind === 'sms' && !given && !textablePhone ? (
                <p className="text-sm">{t.needsPhone}</p>
              ) : (
                <ActionButton
                  action={setConsentAction}
                  fields={{ kind, action: given ? 'withdrawn' : 'given' }}
                  className={secondaryButtonClass}
                >
                  {given ? t.withdraw(name) : t.give(name)}
                </ActionButton>
              )}
            </li>
          );
        })}
      </ul>
      <details className="mt-4">
        <summary className="cursor-pointer font-medium">{t.history}</summary>
        <ConsentHistoryTable
          className="mt-2 overflow-x-auto"
          rows={history.map((c) => ({ ...c, at: formatDateTime(c.givenAt, locale) }))}
        />
      </details>
    </CardSection>
  );
}
