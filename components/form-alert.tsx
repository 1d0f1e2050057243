'use client';

import { useEffect, useRef } from 'react';

/**
 * A form's one problem (a refusal's message), announced and focused with every answer that
 * carries one, so a screen reader hears the new refusal even when the words did not change.
 */
export function FormAlert({ message, answer, id, autoFocus }: { message?: string; answer: unknown; id?: string; autoFocus?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [answer, message]);
  if (!message) return null;
  return (
    <p
      ref={ref}
      id={id}
      tabIndex={-1}
      autoFocus={autoFocus}
      role="alert"
      className="rounded-md border-2 border-danger bg-red-50 p-3 text-danger"
    >
      {message}
    </p>
  );
}
