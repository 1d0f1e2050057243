// The address as the registration form and the patient's settings ask for it: the same fields,
// limits and autofill hints in both, each form bringing its own values, words and errors.
import { Field, type FieldProps } from '@/components/ui';

type AddressField = 'street' | 'houseNumber' | 'flatNumber' | 'postalCode' | 'city';

export function AddressFields({ field }: { field: (name: AddressField) => FieldProps }) {
  return (
    <>
      <Field {...field('street')} autoComplete="address-line1" maxLength={100} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field('houseNumber')} required autoComplete="off" maxLength={12} />
        <Field {...field('flatNumber')} autoComplete="off" maxLength={8} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field {...field('postalCode')} required autoComplete="postal-code" inputMode="numeric" maxLength={6} />
        <Field {...field('city')} required autoComplete="address-level2" maxLength={80} />
      </div>
    </>
  );
}
