// A button that starts a use of login.gov.pl (SPEC §17): a plain form post, so it works without
// JavaScript; /api/wk/start answers with the page that carries the request to the node.
import type { WkPurpose } from '@/db/schema';
import { secondaryButtonClass } from '@/components/ui';

export function WkButton({ purpose, children }: { purpose: WkPurpose; children: React.ReactNode }) {
  return (
    <form method="post" action="/api/wk/start">
      <input type="hidden" name="purpose" value={purpose} />
      <button type="submit" className={secondaryButtonClass} data-wk={purpose}>
        {children}
      </button>
    </form>
  );
}
