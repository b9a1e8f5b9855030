import { useEffect, useLayoutEffect } from 'react';

/** `useLayoutEffect` in the browser (no flash of wrong state), `useEffect` on a server, where React 18 warns about the former. */
export const useIsomorphicLayoutEffect = typeof document !== 'undefined' ? useLayoutEffect : useEffect;
