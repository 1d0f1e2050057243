import { ActionButton, Card, buttonClass } from '@/components/ui';
import { verificationDocuments } from '@/db/schema';
import { pl } from '@/lib/messages/pl';
import type { availableDecisions } from '@/lib/staff/verification-decisions';
import { blockAction, unblockAction, verifyAction } from './actions';

const t = pl.admin.detail;

/** The forms of the decisions the account's state allows: verify, block, or (admin) unblock. */
export function DecisionForms({ accountId, allowed }: { accountId: string; allowed: ReturnType<typeof availableDecisions> }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {allowed.verify ? <VerifyForm accountId={accountId} /> : null}
      {allowed.block ? <BlockForm accountId={accountId} /> : null}
      {allowed.unblock ? <UnblockForm accountId={accountId} /> : null}
    </div>
  );
}

function VerifyForm({ accountId }: { accountId: string }) {
  return (
    <Card>
      <form action={verifyAction} className="flex flex-col gap-3">
        <input type="hidden" name="accountId" value={accountId} />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-bold">{t.document}</legend>
          {verificationDocuments.map((d, i) => (
            <label key={d} className="flex items-center gap-2">
              <input type="radio" name="document" value={d} required defaultChecked={i === 0} className="h-5 w-5" />
              {pl.admin.documents[d]}
            </label>
          ))}
        </fieldset>
        <div>
          <button type="submit" className={buttonClass}>
            {t.verify}
          </button>
        </div>
      </form>
    </Card>
  );
}

function BlockForm({ accountId }: { accountId: string }) {
  return (
    <Card>
      <form action={blockAction} className="flex flex-col gap-3">
        <input type="hidden" name="accountId" value={accountId} />
        <label htmlFor="reason" className="font-bold">
          {t.reason}
        </label>
        <textarea
          id="reason"
          name="reason"
          required
          minLength={3}
          maxLength={500}
          rows={3}
          className="rounded-md border border-slate-400 p-2"
        />
        <div>
          <button type="submit" className="min-h-11 rounded-md bg-danger px-5 py-2 font-semibold text-white">
            {t.block}
          </button>
        </div>
      </form>
    </Card>
  );
}

function UnblockForm({ accountId }: { accountId: string }) {
  return (
    <Card>
      <ActionButton action={unblockAction} fields={{ accountId }}>
        {t.unblock}
      </ActionButton>
    </Card>
  );
}
