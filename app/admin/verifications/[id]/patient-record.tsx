import { CardSection, Facts } from '@/components/ui';
import { pl } from '@/lib/messages/pl';
import type { AccountDetail } from '@/lib/staff/account-detail';

const t = pl.admin.detail;
const labels = pl.register.labels;

/** The patient record the account belongs to, and whether it existed before the registration. */
export function PatientRecord({ patient, attached }: { patient: AccountDetail['patient']; attached: boolean }) {
  return (
    <CardSection id="patient-title" title={t.patient}>
      <p className="mb-2 text-sm">{attached ? t.attached : t.created}</p>
      <Facts
        labelWidth="wide"
        rows={[
          [labels.pesel, patient.pesel ?? pl.none],
          [labels.birthDate, patient.birthDate],
          [t.nameLabel, `${patient.firstName} ${patient.lastName}`],
          [
            t.addressLabel,
            [patient.street, patient.houseNumber, patient.flatNumber && `/ ${patient.flatNumber}`, patient.postalCode, patient.city]
              .filter(Boolean)
              .join(' '),
          ],
          [labels.phone, patient.phone],
          [labels.email, patient.email],
        ]}
      />
    </CardSection>
  );
}
