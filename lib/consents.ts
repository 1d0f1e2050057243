// Consent texts (RODO). A changed text must get a new version: stored consents cite it. The
// Polish words (lib/messages/pl.ts `consentTexts`) are the text of record; pages show the
// request's language (`t.consentTexts`).
import type { ConsentKind } from '@/db/schema';
import { pl } from '@/lib/messages/pl';

export interface ConsentText {
  kind: ConsentKind;
  field: 'consentDataProcessing' | 'consentEmail' | 'consentSms';
  version: string;
  label: string;
}

export const CONSENTS: Record<ConsentKind, ConsentText> = {
  data_processing: {
    kind: 'data_processing',
    field: 'consentDataProcessing',
    version: '2026-11-01',
    label: pl.consentTexts.data_processing,
  },
  email: {
    kind: 'email',
    field: 'consentEmail',
    version: '2026-11-01',
    label: pl.consentTexts.email,
  },
  sms: {
    kind: 'sms',
    field: 'consentSms',
    version: '2026-11-01',
    label: pl.consentTexts.sms,
  },
};
