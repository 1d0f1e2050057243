'use client';

// Whether React has taken over the page: false on the server and while hydrating, true after.
// Pages render every conditional field until then, so forms work without JavaScript.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
