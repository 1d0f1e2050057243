// Consent texts (RODO). A changed text must get a new version: stored consents cite it.
import type { ConsentKind } from '@/db/schema';

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
    label: 'Wyrażam zgodę na przetwarzanie moich danych osobowych w celu założenia i prowadzenia konta w portalu E-Rejestracja.',
  },
  email: {
    kind: 'email',
    field: 'consentEmail',
    version: '2026-11-01',
    label: 'Wyrażam zgodę na otrzymywanie powiadomień na podany adres email.',
  },
  sms: {
    kind: 'sms',
    field: 'consentSms',
    version: '2026-11-01',
    label: 'Wyrażam zgodę na otrzymywanie powiadomień SMS na podany numer telefonu.',
  },
};
