'use client';

import { currentPasswordInput } from '@/components/password/current-password';
import { Field } from '@/components/ui';
import { useWords } from '@/components/words-provider';

/** The current password that confirms a change in the settings' forms (never typed back). */
export function CurrentPasswordField({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const t = useWords();
  return (
    <Field
      id={id}
      name="currentPassword"
      label={t.selfService.settings.currentPassword}
      hint={hint}
      {...currentPasswordInput}
      error={error}
    />
  );
}
