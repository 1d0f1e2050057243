import { facility } from '@/lib/facility';
import { pl } from '@/lib/messages/pl';

/** The registration desk's name, address, phone and hours from configuration. */
export function FacilityContact() {
  const f = facility();
  return (
    <address className="not-italic">
      <strong>
        {f.deskName} {f.facilityName}
      </strong>
      <br />
      {f.address}
      {f.phone ? (
        <>
          <br />
          {pl.facility.phone} <a href={`tel:${f.phone.replace(/\s/g, '')}`}>{f.phone}</a>
        </>
      ) : null}
      <br />
      {pl.facility.hours} {f.hours}
    </address>
  );
}
