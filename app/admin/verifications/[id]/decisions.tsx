import type { ReactNode } from 'react';
import { Card, Labelled, buttonClass } from '@/components/ui';
import { verificationDocuments } from '@/db/schema';
import { pl } from '@/lib/messages/pl';
import type { availableDecisions } from '@/lib/staff/verification-decisions';
import { blockAction, unblockAction, verifyAction } from './actions';

const t = pl.admin.detail;
const dangerButtonClass = 'min-h-11 rounded-md bg-danger px-5 py-2 font-semibold text-white';

/** The forms of the decisions the account's state allows: verify, block, or (admin) unblock. */
export function DecisionForms({ accountId, allowed }: { accountId: string; allowed: ReturnType<typeof availableDecisions> }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {allowed.verify ? (
        <DecisionForm accountId={accountId} action={verifyAction} submit={t.verify}>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-bold">{t.document}</legend>
            {verificationDocuments.map((d, i) => (
              <label key={d} className="flex items-center gap-2">
                <input type="radio" name="document" value={d} required defaultChecked={i === 0} className="h-5 w-5" />
                {pl.admin.documents[d]}
              </label>
            ))}
          </fieldset>
        </DecisionForm>
      ) : null}
      {allowed.block ? (
        <DecisionForm accountId={accountId} action={blockAction} submit={t.block} buttonClassName={dangerButtonClass}>
          <Labelled id="reason" label={t.reason}>
            <textarea
              id="reason"
              name="reason"
              required
              minLength={3}
              maxLength={500}
              rows={3}
              className="rounded-md border border-slate-400 p-2"
            />
          </Labelled>
        </DecisionForm>
      ) : null}
      {allowed.unblock ? <DecisionForm accountId={accountId} action={unblockAction} submit={t.unblock} /> : null}
    </div>
  );
}

/** One decision in its card: the account it is about, what the desk fills in, and its button. */
function DecisionForm({
  accountId,
  action,
  submit,
  buttonClassName = buttonClass,
  children,
}: {
  accountId: string;
  action: (data: FormData) => Promise<void>;
  submit: string;
  buttonClassName?: string;
  children?: ReactNode;
}) {
  return (
    <Card>
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="accountId" value={accountId} />
        {children}
        <div>
          <button type="submit" className={buttonClassName}>
            {submit}
          </button>
        </div>
      </form>
    </Card>
  );
}
