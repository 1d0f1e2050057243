import { CardSection } from '@/components/ui';
import { signInWayOf } from '@/lib/auth/assurance';
import { formatDateTime } from '@/lib/format';
import { pl } from '@/lib/messages/pl';
import type { AccountDetail } from '@/lib/staff/account-detail';

const t = pl.admin.detail;
const a = pl.account.assurance;

/** The account's latest sign-ins: how each signed in and how the person was identified then (SPEC §19). */
export function SignIns({ sessions }: { sessions: AccountDetail['sessions'] }) {
  return (
    <CardSection id="sign-ins-title" title={t.signIns}>
      {sessions.length === 0 ? (
        <p className="text-sm">{t.signInsNone}</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm" data-sign-ins>
          {sessions.map((s) => (
            <li key={s.id} data-sign-in-way={signInWayOf(s.amr)}>
              {t.signInLine(
                formatDateTime(s.createdAt),
                a.ways[signInWayOf(s.amr)],
                [a.identities[s.identity ?? 'none'], s.identityLoa ? a.level(a.levels[s.identityLoa]) : null].filter(Boolean).join(', '),
              )}
            </li>
          ))}
        </ul>
      )}
    </CardSection>
  );
}
