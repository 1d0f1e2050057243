'use client';

import { useHydrated } from '@/components/use-hydrated';

/** Prints the page; shown only with JavaScript (without it, the browser's own print works). */
export function PrintButton({ label }: { label: string }) {
  const enhanced = useHydrated();
  if (!enhanced) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium print:hidden"
    >
      {label}
    </button>
  );
}
