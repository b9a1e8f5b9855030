import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Users run their component tests in plain jsdom: the library must not lean on anything jsdom lacks in
// their version, so the suite removes what some jsdom versions have and older ones do not.
if (typeof window !== 'undefined' && window.CSS && 'escape' in window.CSS) {
  Reflect.deleteProperty(window.CSS, 'escape');
}

afterEach(() => {
  // Files that run in the node environment (sandbox, proxy) have no DOM to clean.
  if (typeof window === 'undefined') return;
  cleanup();
  window.sessionStorage.clear();
});
