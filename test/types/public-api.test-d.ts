/**
 * The public types, pinned. Checked by `tsc --noEmit` (npm test's first step), not run:
 * each `expectTypeOf` is a compile-time assertion and each `@ts-expect-error` must be an
 * error. The packaging test checks the same kind of assertions against the published
 * declarations under node16, nodenext and bundler.
 */
import type { FormProps } from '@rjsf/core';
import { Theme } from '@rjsf/mui';
import type { FormContextType, RJSFSchema, ValidatorType } from '@rjsf/utils';
import ajvValidator, { customizeValidator } from '@rjsf/validator-ajv8';
import type { QueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { expectTypeOf } from 'vitest';
import {
  type ErrorOrigin,
  type FormSchema,
  type IntegrationInfo,
  type PerformWriteOptions,
  type TrackstarClient,
  type TrackstarProviderProps,
  type TrackstarWriteFormProps,
  type TrackstarWriteSuccess,
  type UseTrackstarWriteResult,
  type WriteAction,
  type WriteOutcome,
  type WriteSchemaState,
  TrackstarApiError,
  TrackstarWriteForm,
  createInterpretedValidator,
  defaultFormValidator,
  stripEmpty,
  toFormSchema,
  trackstarQueryKeys,
  useTrackstarWrite,
  useWriteSchema,
} from '../../src';
// @ts-expect-error internals stay internal
import { getIn } from '../../src';
// @ts-expect-error React stays out of the core
import { TrackstarProvider as NotInCore } from '../../src/core';

void getIn;
void NotInCore;

// Provider props.
expectTypeOf<TrackstarProviderProps['baseUrl']>().toEqualTypeOf<string>();
expectTypeOf<TrackstarProviderProps['queryClient']>().toEqualTypeOf<QueryClient | undefined>();
expectTypeOf<TrackstarProviderProps['draftStorage']>().toEqualTypeOf<Storage | null | undefined>();

// Form props: rjsf's own types for what passes through to rjsf.
expectTypeOf<TrackstarWriteFormProps['action']>().toEqualTypeOf<WriteAction>();
expectTypeOf<TrackstarWriteFormProps['templates']>().toEqualTypeOf<FormProps<unknown, RJSFSchema, FormContextType>['templates']>();
expectTypeOf<TrackstarWriteFormProps['validator']>().toEqualTypeOf<ValidatorType | undefined>();
expectTypeOf<TrackstarWriteFormProps['onSuccess']>().toEqualTypeOf<((result: TrackstarWriteSuccess) => void) | undefined>();
expectTypeOf<TrackstarWriteFormProps['onError']>().toEqualTypeOf<((error: TrackstarApiError | Error) => void) | undefined>();

// A theme's templates and any rjsf validator are accepted, as rjsf's Form accepts them.
createElement(TrackstarWriteForm, { action: 'create_order', integrationName: 'shiphero', templates: Theme.templates, widgets: Theme.widgets });
for (const validator of [ajvValidator, customizeValidator(), createInterpretedValidator(), defaultFormValidator]) {
  createElement(TrackstarWriteForm, { action: 'create_order', integrationName: 'shiphero', validator });
}
// @ts-expect-error a validator is an rjsf ValidatorType
createElement(TrackstarWriteForm, { action: 'create_order', integrationName: 'shiphero', validator: { validate: () => true } });

// Hook results.
expectTypeOf(useWriteSchema).returns.toEqualTypeOf<WriteSchemaState>();
expectTypeOf<WriteSchemaState['status']>().toEqualTypeOf<'loading' | 'unsupported' | 'error' | 'invalid-schema' | 'ready'>();
expectTypeOf<Extract<WriteSchemaState, { status: 'ready' }>['schema']>().toEqualTypeOf<FormSchema>();
expectTypeOf(useTrackstarWrite).returns.toEqualTypeOf<UseTrackstarWriteResult>();
expectTypeOf<UseTrackstarWriteResult['submit']>().returns.toEqualTypeOf<Promise<WriteOutcome>>();
expectTypeOf<TrackstarWriteSuccess['unusedFields']>().toEqualTypeOf<string[]>();

// Errors.
expectTypeOf<TrackstarApiError['status']>().toEqualTypeOf<number>();
expectTypeOf<TrackstarApiError['origin']>().toEqualTypeOf<ErrorOrigin>();
expectTypeOf<TrackstarApiError['fieldErrors']>().toEqualTypeOf<Readonly<Record<string, string[]>>>();

// Schema helpers and keys.
expectTypeOf(toFormSchema).returns.toEqualTypeOf<FormSchema>();
expectTypeOf(stripEmpty<{ sku: string }>).returns.toEqualTypeOf<{ sku: string } | undefined>();
expectTypeOf(trackstarQueryKeys.write('/api', 'wms', 'shiphero', 'create_order')).toEqualTypeOf<
  readonly ['trackstar-write-form', string, 'write', 'wms' | 'cart', string, string]
>();

// Every core type comes with the root entry.
expectTypeOf<IntegrationInfo['write_operations']>().not.toBeAny();
expectTypeOf<PerformWriteOptions['client']>().toEqualTypeOf<TrackstarClient>();
