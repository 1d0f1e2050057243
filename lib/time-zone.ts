// The hospital's clock: its days, the times the desk and patients read, and the SMS quiet hours
// are Polish time whatever the server's own time zone is.
export const HOSPITAL_TIME_ZONE = 'Europe/Warsaw';
