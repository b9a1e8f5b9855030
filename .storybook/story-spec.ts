/**
 * Which Trackstar spec the generated integration stories describe. Storybook (dev and
 * build) follows `TRACKSTAR_OPENAPI_SPEC`; the `storybook` Vitest project always uses the
 * fixture so `npm test` stays fast, unless `STORYBOOK_TEST_REAL_SPEC=1` asks for the
 * real spec's stories too.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type StorySpecSource =
  | { kind: 'fixture'; label: string }
  | { kind: 'file'; label: string; path: string; document: unknown };

let cached: { key: string; source: StorySpecSource } | undefined;

export function storySpecSource(env: NodeJS.ProcessEnv = process.env): StorySpecSource {
  const underVitest = env.VITEST !== undefined && env.VITEST !== '' && env.VITEST !== 'false';
  const requested = env.TRACKSTAR_OPENAPI_SPEC?.trim();
  const path = requested && (!underVitest || env.STORYBOOK_TEST_REAL_SPEC === '1') ? resolve(requested) : undefined;
  const key = path ?? 'fixture';
  if (cached?.key === key) return cached.source;
  const source: StorySpecSource = path === undefined ? { kind: 'fixture', label: 'the fixture spec' } : readSpecFile(path);
  cached = { key, source };
  return source;
}

function readSpecFile(path: string): StorySpecSource {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`TRACKSTAR_OPENAPI_SPEC names ${path}, which could not be read (${(error as Error).message}). Unset it to use the fixture spec.`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`TRACKSTAR_OPENAPI_SPEC names ${path}, which is not JSON (${(error as Error).message}).`);
  }
  return { kind: 'file', label: path, path, document };
}
