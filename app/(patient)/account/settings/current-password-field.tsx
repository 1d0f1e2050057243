import { Field } from '@/components/ui';
import { pl } from '@/lib/messages/pl';

/** The current password that confirms a change in the settings' forms (never typed back). */
export function CurrentPasswordField({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <Field
      id={id}
      name="currentPassword"
      label={pl.selfService.settings.currentPassword}
      hint={hint}
      type="password"
      autoComplete="current-password"
      required
      maxLength={1024}
      error={error}
    />
  );
}
