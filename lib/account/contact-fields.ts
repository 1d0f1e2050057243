// The fields of a patient's contact data that the patient edits in the settings: the contact form
// validates them, the catalogues word each one. A module of its own so the catalogues need not
// import the form (which imports the registration rules, which import the catalogue's type).

export const contactFields = ['phone', 'street', 'houseNumber', 'flatNumber', 'postalCode', 'city'] as const;
export type ContactField = (typeof contactFields)[number];
