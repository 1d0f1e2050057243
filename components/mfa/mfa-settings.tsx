import type { ReactNode } from 'react';
import { Card, PageTitle } from '@/components/ui';
import { words } from '@/lib/i18n/words';
import { EnrolmentForm, type EnrolmentProps } from './enrolment-form';

/**
 * The page of one's own second factor: what it means when it is on, or its enrolment when it is
 * off. In the request's words: the patient's language, Polish on the staff's pages.
 */
export async function MfaSettings({
  enabled,
  enabledGap,
  whenEnabled,
  intro,
  children,
  ...enrolment
}: EnrolmentProps & {
  enabled: boolean;
  /** The patient's "on" state holds a form, the staff's only a note. */
  enabledGap: 'gap-2' | 'gap-4';
  whenEnabled: ReactNode;
  intro: ReactNode;
  children?: ReactNode;
}) {
  const t = (await words()).mfa;
  return (
    <>
      <PageTitle>{t.manage}</PageTitle>
      <Card>
        {enabled ? (
          <div className={`flex flex-col ${enabledGap}`}>
            <p role="status" className="font-semibold text-green-800">
              {t.enabled}
            </p>
            {whenEnabled}
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            {intro}
            <EnrolmentForm {...enrolment} />
          </div>
        )}
        {children}
      </Card>
    </>
  );
}
