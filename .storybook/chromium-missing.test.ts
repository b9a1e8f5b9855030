/** Stands in for the `storybook` Vitest project where Chromium is missing, so the run says what it skipped. */
import { it } from 'vitest';
import { CHROMIUM_PATH } from '../test/browser/chromium';

const reason = `the storybook project is skipped: Chromium was not found at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`;
console.warn(`.storybook/chromium-missing.test.ts: ${reason}`);

it.skip(`renders every story in Chromium (${reason})`, () => {});
