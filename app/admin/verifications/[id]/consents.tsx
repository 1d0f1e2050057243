import { CardSection } from '@/components/ui';
import { CONSENTS } from '@/lib/consents';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import type { AccountDetail } from '@/lib/staff/account-detail';

const t = pl.admin.detail;

/** The consents given, each with its text version, time and address. */
export function ConsentList({ consents }: { consents: AccountDetail['consents'] }) {
  return (
    <CardSection id="consents-title" title={t.consents}>
      <ul className="flex flex-col gap-2 text-sm">
        {consents.map((c) => (
          <li key={c.id}>
            <strong>{CONSENTS[c.kind].label}</strong>
            <br />
            {t.consentLine(c.textVersion, formatDateTime(c.givenAt), c.ip ?? '—')}
          </li>
        ))}
      </ul>
    </CardSection>
  );
}
