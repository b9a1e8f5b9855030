/**
 * A connection's health from `GET /connections/{id}`. The guide shows errors as
 * `{ error_type, resource, message }`; the OpenAPI spec as `{ error_message,
 * affected_endpoints: [{ endpoint, preventing_sync }] }`. Both are read.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type ConnectionHealthStatus = 'healthy' | 'degraded' | 'blocked' | 'unknown';

export interface ConnectionIssue {
  /** `invalid_credentials`, `missing_permission`, or whatever Trackstar names. */
  readonly type: string;
  /** The one resource affected (`returns`), or `null` for the whole connection. */
  readonly resource: string | null;
  readonly message: string;
  /** Nothing syncs or writes until the connection is reinstalled. */
  readonly blocking: boolean;
}

export interface ConnectionHealth {
  /** `blocked`: reinstall; `degraded`: only `issues[].resource` is affected; `unknown`: Trackstar could not say. */
  readonly status: ConnectionHealthStatus;
  /** Offer "Reinstall" (`POST /link/token` with the connection's id). */
  readonly reinstall: boolean;
  readonly issues: readonly ConnectionIssue[];
  /** Why the status is `unknown`. */
  readonly message?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function toIssue(error: unknown): ConnectionIssue | undefined {
  if (!isPlainObject(error)) return undefined;
  const type = text(error.error_type) ?? 'unknown';
  const endpoints = Array.isArray(error.affected_endpoints) ? error.affected_endpoints.filter(isPlainObject) : [];
  const preventsSync = endpoints.some((endpoint) => endpoint.preventing_sync === true);
  const endpointNames = endpoints.map((endpoint) => text(endpoint.endpoint)).filter((name): name is string => name !== undefined);
  return {
    type,
    // The guide's `resource: null` means the whole connection; only the spec's shape lacks the field.
    resource: 'resource' in error ? (text(error.resource) ?? null) : endpointNames.length === 1 ? endpointNames[0]! : null,
    message: text(error.message) ?? text(error.error_message) ?? type.replace(/_/g, ' '),
    blocking: type === 'invalid_credentials' || (type === 'unknown' && preventsSync),
  };
}

/** The connection object in a `GET /connections/{id}` answer: `data` as an object, or as a list. */
function connectionOf(answer: unknown, connectionId: string): Record<string, unknown> | undefined {
  if (!isPlainObject(answer)) return undefined;
  const { data } = answer;
  if (isPlainObject(data)) return data;
  if (Array.isArray(data)) {
    const objects = data.filter(isPlainObject);
    return objects.find((candidate) => candidate.connection_id === connectionId) ?? (objects.length === 1 ? objects[0] : undefined);
  }
  return undefined;
}

export function connectionHealthFrom(answer: unknown, connectionId: string): ConnectionHealth {
  const connection = connectionOf(answer, connectionId);
  if (connection === undefined) return unknownHealth('Trackstar answered without this connection.');
  const issues = (Array.isArray(connection.errors) ? connection.errors : []).map(toIssue).filter((issue): issue is ConnectionIssue => issue !== undefined);
  const blocked = issues.some((issue) => issue.blocking);
  return { status: blocked ? 'blocked' : issues.length > 0 ? 'degraded' : 'healthy', reinstall: blocked, issues };
}

export function unknownHealth(message: string): ConnectionHealth {
  return { status: 'unknown', reinstall: false, issues: [], message };
}
