// Ids as the database makes them. Checked before a query, so that anything else (a typo in an
// address, a forged form field) never reaches PostgreSQL, which would fail on the cast.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
