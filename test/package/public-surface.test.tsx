/**
 * The public surface, decided name by name: what the root entry and `./core` export
 * (each a semver promise), that the helpers in `src/core/internal.ts` reach neither,
 * that the other layers import core only through its three front doors, and that the
 * write mutation's key is the one `trackstarQueryKeys.write` gives.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from '../../src/core';
import * as root from '../../src';
import { TrackstarProvider, trackstarQueryKeys, useTrackstarWrite } from '../../src';
import { createInPageTrackstar } from '../../src/sandbox';

// jsdom gives this module an http: URL, so the path comes from the module's file name.
const SRC = join(__dirname, '..', '..', 'src');

const ROOT_VALUES = [
  'MissingPathParamError',
  'SchemaError',
  'SchemaFormFields',
  'TrackstarApiError',
  'TrackstarButton',
  'TrackstarNotice',
  'TrackstarProvider',
  'TrackstarWriteForm',
  'WRITE_ACTIONS',
  'buildRegistry',
  'createInterpretedValidator',
  'defaultFormValidator',
  'describeApiError',
  'englishMessages',
  'getWriteActionDefinition',
  'humanizeKey',
  'integrationTypeOf',
  'isKnownWriteAction',
  'isSchemaError',
  'isTrackstarApiError',
  'mergeUiSchema',
  'parseOperationUrl',
  'pathParamNames',
  'stripEmpty',
  'toFormDefinition',
  'toFormSchema',
  'trackstarQueryKeys',
  'useFormDraft',
  'useIntegration',
  'useIntegrations',
  'useRecord',
  'useTrackstarClient',
  'useTrackstarWrite',
  'useWriteSchema',
];

const CORE_VALUES = [
  'MissingPathParamError',
  'SchemaError',
  'TrackstarApiError',
  'WRITE_ACTIONS',
  'applyWriteOperation',
  'createTrackstarClient',
  'createWriteFormControl',
  'describeApiError',
  'englishMessages',
  'getWriteActionDefinition',
  'humanizeKey',
  'integrationQueryOptions',
  'integrationTypeOf',
  'integrationsQueryOptions',
  'isKnownWriteAction',
  'isSchemaError',
  'isTrackstarApiError',
  'loadWriteSchema',
  'mergeUiSchema',
  'parseOperationUrl',
  'pathParamNames',
  'performWrite',
  'prepareWriteBody',
  'recordQueryOptions',
  'resolveWriteOperation',
  'stripEmpty',
  'toFormDefinition',
  'toFormSchema',
  'trackstarQueryDefaults',
  'trackstarQueryKeys',
  'writeSchemaQueryOptions',
];

/** Every name (values and types) a module exports, as TypeScript sees it. */
function exportedNames(files: string[]): Map<string, Set<string>> {
  const program = ts.createProgram(files, { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, jsx: ts.JsxEmit.ReactJSX, strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  return new Map(
    files.map((file) => {
      const symbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
      return [file, new Set(checker.getExportsOfModule(symbol).map((exported) => exported.getName()))];
    }),
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

const FRONT_DOORS = ['core/index.ts', 'core/internal.ts', 'core/validation/index.ts'].map((file) => join(SRC, file));
const names = exportedNames([join(SRC, 'index.ts'), ...FRONT_DOORS]);
const publicNames = new Set([...names.get(join(SRC, 'index.ts'))!, ...names.get(FRONT_DOORS[0]!)!]);

describe('the public surface', () => {
  it('root entry: exactly these values (every core type comes along)', () => {
    expect(Object.keys(root).sort()).toEqual(ROOT_VALUES);
  });

  it('./core: exactly these values', () => {
    expect(Object.keys(core).sort()).toEqual(CORE_VALUES);
  });

  it('keeps every internal helper out of both', () => {
    const leaked = [...names.get(FRONT_DOORS[1]!)!].filter((name) => publicNames.has(name));
    expect(leaked).toEqual([]);
  });

  it('has the other layers import from core only names its front doors export', () => {
    const available = new Set(FRONT_DOORS.flatMap((file) => [...names.get(file)!]));
    const strays: string[] = [];
    for (const file of ['react', 'server', 'sandbox'].flatMap((layer) => sourceFiles(join(SRC, layer)))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const target = resolve(file, '..', statement.moduleSpecifier.text);
        if (!relative(join(SRC, 'core'), target).startsWith('..') && statement.importClause?.namedBindings && ts.isNamedImports(statement.importClause.namedBindings)) {
          for (const element of statement.importClause.namedBindings.elements) {
            const name = (element.propertyName ?? element.name).text;
            if (!available.has(name)) strays.push(`${relative(SRC, file)}: ${name}`);
          }
        }
      }
    }
    expect(strays).toEqual([]);
  });

  it('names the write mutation with trackstarQueryKeys.write', async () => {
    const trackstar = createInPageTrackstar({ connection: { integrationType: 'wms', integrationName: 'bluefin' } });
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TrackstarProvider baseUrl={trackstar.baseUrl} fetch={trackstar.fetch} queryClient={queryClient} draftStorage={null}>
        {children}
      </TrackstarProvider>
    );
    const { result } = renderHook(
      () => useTrackstarWrite({ operation: { action: 'create_order', method: 'POST', pathTemplate: '/wms/orders', integrationType: 'wms' }, integrationName: 'bluefin' }),
      { wrapper },
    );
    await act(() => result.current.submit({ order_number: 'KEY-1' }));
    expect(queryClient.getMutationCache().getAll().map((mutation) => mutation.options.mutationKey)).toEqual([
      trackstarQueryKeys.write(trackstar.baseUrl, 'wms', 'bluefin', 'create_order'),
    ]);
  });
});
