import { CardSection, Facts } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import type { AccountDetail } from '@/lib/staff/account-detail';

const labels = pl.register.labels;

/** The registration form as the patient filled it in. */
export function SubmittedData({ account }: { account: AccountDetail['account'] }) {
  const s = account.submitted;
  return (
    <CardSection id="submitted-title" title={pl.admin.detail.submitted}>
      <Facts
        labelWidth="wide"
        rows={[
          [labels.pesel, s.pesel ?? pl.none],
          [labels.birthDate, s.birthDate],
          [labels.firstName, s.firstName],
          [labels.lastName, s.lastName],
          [labels.login, account.login],
          [labels.email, account.email],
          [labels.phone, account.phone ?? pl.none],
          [labels.street, s.street],
          [labels.houseNumber, [s.houseNumber, s.flatNumber].filter(Boolean).join(' / ')],
          [labels.postalCode, s.postalCode],
          [labels.city, s.city],
          [pl.admin.queue.columns.created, formatDateTime(account.createdAt)],
          [pl.admin.detail.locale, pl.admin.locales[account.locale]],
        ]}
      />
    </CardSection>
  );
}
