/**
 * A host app's use of the published types, type-checked once as an ES module and once
 * as CommonJS under each moduleResolution (see test/package.test.ts). Every
 * `@ts-expect-error` must be an error: were a declaration to resolve to nothing, the
 * props would be `any` and the directive itself would be the error.
 */
import {
  type TrackstarApiError,
  type TrackstarWriteFormProps,
  type TrackstarWriteSuccess,
  type WriteSchemaState,
  TrackstarProvider,
  TrackstarWriteForm,
  WRITE_ACTIONS,
  createInterpretedValidator,
  describeApiError,
  stripEmpty,
  toFormSchema,
  trackstarQueryKeys,
  useWriteSchema,
} from 'trackstar-write-form';
import { type FormSchema, createTrackstarClient, writeSchemaQueryOptions } from 'trackstar-write-form/core';

export function CreateOrder() {
  const onSuccess = (result: TrackstarWriteSuccess) => console.log(result.id, result.idempotencyKey);
  return (
    <TrackstarProvider baseUrl="/api/trackstar">
      <TrackstarWriteForm action="create_order" integrationName="shiphero" onSuccess={onSuccess} validator={createInterpretedValidator()} />
    </TrackstarProvider>
  );
}

export function WrongProps() {
  return (
    <>
      {/* @ts-expect-error baseUrl is a string */}
      <TrackstarProvider baseUrl={42}>{null}</TrackstarProvider>
      {/* @ts-expect-error integrationName is required */}
      <TrackstarWriteForm action="create_order" />
      {/* @ts-expect-error pathParams values are strings or numbers */}
      <TrackstarWriteForm action="update_order" integrationName="shiphero" pathParams={{ order_id: true }} />
      {/* @ts-expect-error no such prop */}
      <TrackstarWriteForm action="create_order" integrationName="shiphero" colour="red" />
    </>
  );
}

export function Status() {
  const state: WriteSchemaState = useWriteSchema({ action: 'create_order', integrationName: 'shiphero' });
  // @ts-expect-error `schema` exists only once the state is ready
  void state.schema;
  return state.status === 'ready' ? <p>{Object.keys(state.schema).length}</p> : <p>{state.status}</p>;
}

const method: 'POST' | 'PUT' = WRITE_ACTIONS.create_order.method;
// @ts-expect-error not an action
void WRITE_ACTIONS.create_spaceship;
const cleaned: { sku: string } | undefined = stripEmpty({ sku: 'A' });
// @ts-expect-error the options are an object
stripEmpty({ sku: 'A' }, 42);
const schema: FormSchema = toFormSchema({ type: 'object', properties: {} });
const key: readonly unknown[] = trackstarQueryKeys.write('/api/trackstar', 'wms', 'shiphero', 'create_order');
// @ts-expect-error the integration type is "wms" or "cart"
trackstarQueryKeys.write('/api/trackstar', 'erp', 'shiphero', 'create_order');
const describe = (error: TrackstarApiError): string => describeApiError(error, { integrationName: 'ShipHero' }).title;
const props: TrackstarWriteFormProps = { action: 'create_order', integrationName: 'shiphero' };
const client = createTrackstarClient({ baseUrl: '/api/trackstar' });
const queryKey: readonly unknown[] = writeSchemaQueryOptions(client, { action: 'create_order', integrationType: 'wms', integrationName: 'shiphero', scope: 'connection' }).queryKey;
export const used = [method, cleaned, schema, key, describe, props, queryKey];
