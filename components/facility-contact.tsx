import { deskName } from '@/lib/desk-name';
import { facility } from '@/lib/facility';
import { words } from '@/lib/i18n/words';

/** The registration desk's name, address, phone and hours from configuration. */
export async function FacilityContact() {
  const f = facility();
  const t = (await words()).facility;
  return (
    <address className="not-italic">
      <strong>
        {deskName(f.deskName, t.deskTranslation)} {f.facilityName}
      </strong>
      <br />
      {f.address}
      {f.phone ? (
        <>
          <br />
          {t.phone} <a href={`tel:${f.phone.replace(/\s/g, '')}`}>{f.phone}</a>
        </>
      ) : null}
      <br />
      {t.hours} {f.hours}
    </address>
  );
}
