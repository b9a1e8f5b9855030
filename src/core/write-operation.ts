import {
  type IntegrationType,
  type WriteMethod,
  getWriteActionDefinition,
  parseOperationUrl,
} from './actions';
import type { IntegrationInfo, WriteOperation } from './types';

/** Everything needed to render and submit one action for one integration. */
export interface ResolvedWriteOperation {
  action: string;
  integrationType: IntegrationType;
  method: WriteMethod;
  /** Path template, e.g. `/wms/orders/{order_id}`. */
  pathTemplate: string;
  /** `/meta` resource, or `null` when the body is described by write-info only. */
  metaResource: string | null;
  /** What is written, for messages ("order"). */
  noun: string;
  label: string;
  /** The integration's `write_operations` entry, when known. */
  writeOperation: WriteOperation | undefined;
}

export type WriteOperationResolution =
  | { supported: true; operation: ResolvedWriteOperation }
  | { supported: false; reason: string; availableActions: string[] };

function humanAction(action: string): string {
  return action.replace(/_/g, ' ');
}

/**
 * Decides what an action means for an integration. The integration's own
 * `write_operations` win: they say whether the action exists there and at which
 * URL. Without them (not loaded, or the request failed) the compiled catalogue
 * is the fallback, and a 501 from the schema request settles support later.
 */
export function resolveWriteOperation(
  action: string,
  integrationType: IntegrationType,
  integration?: IntegrationInfo,
): WriteOperationResolution {
  const definition = getWriteActionDefinition(action);
  const fromApi = integration?.write_operations?.find((operation) => operation.action === action);

  if (integration && !fromApi) {
    const availableActions = (integration.write_operations ?? []).map((operation) => operation.action);
    return {
      supported: false,
      reason: `${integration.display_name || integration.integration_name} does not support ${humanAction(action)}.`,
      availableActions,
    };
  }
  const parsed = fromApi ? parseOperationUrl(fromApi.url) : undefined;
  if (!definition && !parsed) {
    return { supported: false, reason: `Unknown write action "${action}".`, availableActions: [] };
  }
  return {
    supported: true,
    operation: {
      action,
      integrationType: definition?.integrationType ?? integrationType,
      method: parsed?.method ?? definition!.method,
      pathTemplate: parsed?.path ?? definition!.path,
      metaResource: definition?.metaResource ?? null,
      noun: definition?.noun ?? humanAction(action).replace(/^(create|update) /, ''),
      label: definition?.label ?? humanAction(action).replace(/^./, (first) => first.toUpperCase()),
      writeOperation: fromApi,
    },
  };
}
