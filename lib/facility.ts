import type { FacilityProps } from '@/lib/mail/templates/layout';
import { env } from './env';

/** The facility patients are sent to for identity checks, from configuration. */
export function facility(): FacilityProps & { hours: string } {
  return {
    facilityName: env.FACILITY_NAME,
    deskName: env.FACILITY_DESK_NAME,
    address: env.FACILITY_ADDRESS,
    phone: env.FACILITY_PHONE,
    hours: env.FACILITY_HOURS,
  };
}
