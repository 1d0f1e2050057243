'use client';

import { useEffect, useState } from 'react';

/** Prints the page; shown only with JavaScript (without it, the browser's own print works). */
export function PrintButton({ label }: { label: string }) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  if (!enhanced) return null;
  return (
    <button type="button" onClick={() => window.print()} className="min-h-11 rounded-md border border-slate-400 bg-white px-4 font-medium print:hidden">
      {label}
    </button>
  );
}
