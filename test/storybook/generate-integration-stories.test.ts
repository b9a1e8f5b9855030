// @vitest-environment node
/**
 * The generator behind Storybook's integration stories: one CSF file per integration,
 * one story per action, titles from the spec, and the spec chosen from the environment.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateIntegrationStories } from '../../.storybook/generate-integration-stories';
import { type StorySpecSource, storySpecSource } from '../../.storybook/story-spec';
import { FIXTURE_SPEC } from '../../src/sandbox';

const temporary: string[] = [];
function outputRoot(): URL {
  const path = mkdtempSync(join(tmpdir(), 'tswf-stories-'));
  temporary.push(path);
  return pathToFileURL(`${path}/`);
}
afterEach(() => {
  for (const path of temporary.splice(0)) rmSync(path, { recursive: true, force: true });
});

const FIXTURE: StorySpecSource = { kind: 'fixture', label: 'the fixture spec' };

function filesIn(root: URL, folder: string): Record<string, string> {
  const directory = new URL(`${folder}/`, root);
  return Object.fromEntries(readdirSync(directory).map((name) => [name, readFileSync(new URL(name, directory), 'utf8')]));
}

/** The fixture with every schema of the given integrations retitled, as a spec file would give them. */
function retitled(suffixes: string[], title: string): unknown {
  const spec = structuredClone(FIXTURE_SPEC) as { components: { schemas: Record<string, { title?: string }> } };
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    if (suffixes.some((suffix) => name.endsWith(`--${suffix}--`))) schema.title = title;
  }
  return spec;
}

describe('generateIntegrationStories', () => {
  it('writes one file per integration and one story per action of the fixture', () => {
    const root = outputRoot();
    const report = generateIntegrationStories(FIXTURE, { root });
    expect(report).toMatchObject({ integrations: 7, stories: 31 });
    const files = filesIn(root, 'fixture');
    expect(Object.keys(files).sort()).toEqual([
      'cart-marketmint.stories.ts',
      'cart-shopwave.stories.ts',
      'wms-bluefin.stories.ts',
      'wms-cratewise.stories.ts',
      'wms-dockhand.stories.ts',
      'wms-marketmint.stories.ts',
      'wms-palletly.stories.ts',
    ]);
    const bluefin = files['wms-bluefin.stories.ts']!;
    expect(bluefin).toContain('title: "Integrations/WMS/Bluefin WMS"');
    expect(bluefin).toContain('export const CreateOrder = { ...integrationStory("create_order"), name: "Create order" };');
    expect(bluefin.match(/^export const /gm)).toHaveLength(13);
    expect(files['cart-shopwave.stories.ts']).toContain('export const CreateCartOrderShipment = { ...integrationStory("create_cart_order_shipment"), name: "Ship cart order" };');
  });

  it('keeps titles one level deep per integration and tells apart integrations that share a display name', () => {
    const root = outputRoot();
    const source: StorySpecSource = { kind: 'file', label: '/specs/shared.json', path: '/specs/shared.json', document: retitled(['Cratewise', 'Dockhand'], 'Acme/Fulfil') };
    generateIntegrationStories(source, { root });
    const [folder] = readdirSync(root);
    expect(folder).toMatch(/^spec-shared-[0-9a-f]{6}$/);
    const files = filesIn(root, folder!);
    expect(files['wms-cratewise.stories.ts']).toContain('title: "Integrations/WMS/Acme∕Fulfil (cratewise)"');
    expect(files['wms-dockhand.stories.ts']).toContain('title: "Integrations/WMS/Acme∕Fulfil (dockhand)"');
    expect(files['wms-dockhand.stories.ts']).toContain('"spec":"file"');
  });

  it('removes stories of integrations the spec no longer has and leaves unchanged files alone', () => {
    const root = outputRoot();
    generateIntegrationStories(FIXTURE, { root });
    const stale = new URL('fixture/wms-gone.stories.ts', root);
    writeFileSync(stale, 'export default {};');
    const bluefin = new URL('fixture/wms-bluefin.stories.ts', root);
    const before = statSync(bluefin).mtimeMs;
    generateIntegrationStories(FIXTURE, { root });
    expect(readdirSync(new URL('fixture/', root))).not.toContain('wms-gone.stories.ts');
    expect(statSync(bluefin).mtimeMs).toBe(before);
  });
});

describe('storySpecSource', () => {
  it('uses TRACKSTAR_OPENAPI_SPEC for Storybook but the fixture under Vitest, unless asked for the real spec', () => {
    const directory = mkdtempSync(join(tmpdir(), 'tswf-spec-'));
    temporary.push(directory);
    const path = join(directory, 'openapi.json');
    writeFileSync(path, JSON.stringify({ openapi: '3.0.3' }));
    expect(storySpecSource({ TRACKSTAR_OPENAPI_SPEC: path })).toMatchObject({ kind: 'file', path, document: { openapi: '3.0.3' } });
    expect(storySpecSource({ TRACKSTAR_OPENAPI_SPEC: path, VITEST: 'true' })).toEqual({ kind: 'fixture', label: 'the fixture spec' });
    expect(storySpecSource({ TRACKSTAR_OPENAPI_SPEC: path, VITEST: 'true', STORYBOOK_TEST_REAL_SPEC: '1' })).toMatchObject({ kind: 'file', path });
    expect(storySpecSource({})).toEqual({ kind: 'fixture', label: 'the fixture spec' });
  });

  it('says which file could not be read or parsed', () => {
    const directory = mkdtempSync(join(tmpdir(), 'tswf-spec-'));
    temporary.push(directory);
    const missing = join(directory, 'missing.json');
    expect(() => storySpecSource({ TRACKSTAR_OPENAPI_SPEC: missing })).toThrow(`TRACKSTAR_OPENAPI_SPEC names ${missing}, which could not be read`);
    const broken = join(directory, 'broken.json');
    writeFileSync(broken, '{ "openapi": ');
    expect(() => storySpecSource({ TRACKSTAR_OPENAPI_SPEC: broken })).toThrow(`TRACKSTAR_OPENAPI_SPEC names ${broken}, which is not JSON`);
  });
});
