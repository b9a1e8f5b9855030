import { TrackstarConnectButton } from '@trackstar/react-trackstar-link';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  type IntegrationInfo,
  type IntegrationType,
  type TrackstarApiError,
  type TrackstarWriteSuccess,
  TrackstarProvider,
  TrackstarWriteForm,
  WRITE_ACTIONS,
  getWriteActionDefinition,
  humanizeKey,
  parseOperationUrl,
  pathParamNames,
  useIntegration,
  useIntegrations,
} from '../src/index';
// The seeds alone, not the sandbox itself (which runs on the server): records.ts only needs the action catalogue.
import { SANDBOX_SEED_PATH_PARAMS } from '../src/sandbox/records';
import { SandboxConnectButton } from '../src/sandbox/react';
import type { ConnectionWithHealth } from '../src/server/trackstar-connections';
import type { DemoCustomer } from './customers';
import { ErrorPanel, type Outcome, RequestPanel, ResultPanel, type SentRequest } from './panels';

type DemoMode = 'sandbox' | 'real';

interface DemoConfig {
  mode: DemoMode;
  customers: DemoCustomer[];
  customerId: string | null;
  sandboxLinkUrl: string | null;
}

const API_BASE_URL = '/api/trackstar';
/** The page names its connection; the server checks it is the signed-in customer's and adds its token. */
const CONNECTION_HEADER = 'x-trackstar-connection-id';

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON.
  }
  return `HTTP ${response.status}`;
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
}

export function App() {
  const [config, setConfig] = useState<DemoConfig | undefined>();
  const [configError, setConfigError] = useState<string | undefined>();
  useEffect(() => {
    let active = true;
    fetch('/__demo/config')
      .then(async (response) => {
        if (!response.ok) throw new Error(`GET /__demo/config answered ${response.status}.`);
        const loaded = (await response.json()) as DemoConfig;
        if (active) setConfig(loaded);
      })
      .catch((error: unknown) => {
        if (active) setConfigError(error instanceof Error ? error.message : String(error));
      });
    return () => {
      active = false;
    };
  }, []);

  return (
    <div className="demo">
      <header className="demo-header">
        <div className="demo-header__inner">
          <div className="demo-brand">
            <span className="demo-brand__mark" aria-hidden="true">
              ★
            </span>
            <div>
              <h1 className="demo-brand__title">Write console</h1>
              <p className="demo-brand__subtitle">Connect your customers' systems and send orders, returns and shipments through Trackstar</p>
            </div>
          </div>
          {config && (
            <span className={`demo-badge demo-badge--${config.mode}`}>
              <span className="demo-badge__dot" aria-hidden="true" />
              {config.mode === 'sandbox' ? 'Sandbox' : 'Live API'}
            </span>
          )}
        </div>
      </header>
      {/* This page has no dark look of its own, so the form keeps to the light scheme (README, "Light and dark"). */}
      <main className="demo-main" data-tswf-theme="light">
        {configError ? (
          <div role="alert" className="demo-card demo-notice demo-notice--error">
            The demo server could not be reached: {configError}
          </div>
        ) : config ? (
          // Integration names for the connection list come from one shared, cached /integrations call.
          <TrackstarProvider baseUrl={API_BASE_URL}>
            <AdminPage config={config} />
          </TrackstarProvider>
        ) : (
          <p role="status" className="demo-card demo-notice">
            Loading…
          </p>
        )}
      </main>
    </div>
  );
}

/** `bluefin` → `Bluefin WMS`, from the shared `/integrations` answers. */
function useDisplayNames(): (integrationName: string) => string {
  const wms = useIntegrations('wms');
  const cart = useIntegrations('cart');
  return (integrationName) =>
    [...(wms.data ?? []), ...(cart.data ?? [])].find((integration) => integration.integration_name === integrationName)?.display_name ??
    humanizeKey(integrationName);
}

type ConnectionsState =
  | { status: 'loading' }
  | { status: 'ready'; connections: ConnectionWithHealth[] }
  | { status: 'error'; message: string };

function AdminPage({ config }: { config: DemoConfig }) {
  const [customerId, setCustomerId] = useState(config.customerId ?? config.customers[0]!.id);
  const [signedIn, setSignedIn] = useState<string | undefined>(config.customerId ?? undefined);
  const [state, setState] = useState<ConnectionsState>({ status: 'loading' });
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  const ids = useId();
  const displayName = useDisplayNames();

  // The picker stands for the host's sign-in: the server keeps the customer in a session cookie.
  useEffect(() => {
    if (signedIn === customerId) return;
    let active = true;
    setState({ status: 'loading' });
    postJson('/__demo/session', { customer_id: customerId })
      .then(async (response) => {
        if (!response.ok) throw new Error(await errorMessage(response));
        if (active) setSignedIn(customerId);
      })
      .catch((error: unknown) => active && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      active = false;
    };
  }, [customerId, signedIn]);

  const refresh = useCallback(async () => {
    try {
      const response = await fetch('/api/connections', { credentials: 'same-origin' });
      if (!response.ok) throw new Error(await errorMessage(response));
      const { connections } = (await response.json()) as { connections: ConnectionWithHealth[] };
      setState({ status: 'ready', connections });
      return connections;
    } catch (error) {
      setState({ status: 'error', message: `The connections could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
  }, []);

  useEffect(() => {
    if (signedIn !== customerId) return;
    setSelectedId(undefined);
    setNotice(undefined);
    void refresh();
  }, [signedIn, customerId, refresh]);

  const connected = async (authCode: string, integrationName: string, verb: 'Connected' | 'Reinstalled' = 'Connected') => {
    const response = await postJson('/store-token', { customer_id: customerId, auth_code: authCode, integration_name: integrationName });
    if (!response.ok) {
      setNotice({ tone: 'error', text: `The connection could not be stored: ${await errorMessage(response)}` });
      return;
    }
    const { connection } = (await response.json()) as { connection: { connection_id: string; integration_name: string } };
    setNotice({ tone: 'success', text: `${verb} ${displayName(integrationName)}: its forms are open below.` });
    await refresh();
    setSelectedId(connection.connection_id);
  };

  const connections = state.status === 'ready' ? state.connections : [];
  const selected = connections.find((connection) => connection.connection_id === selectedId);
  const customer = config.customers.find((candidate) => candidate.id === customerId)!;

  return (
    <>
      <section className="demo-card demo-customer" aria-labelledby={`${ids}-customer-title`}>
        <div className="demo-card__header">
          <h2 id={`${ids}-customer-title`} className="demo-card__title">
            Customer
          </h2>
        </div>
        <div className="demo-customer__row">
          <ChoiceField
            id={`${ids}-customer`}
            label="Signed in as"
            value={customerId}
            options={config.customers.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            emptyLabel="No customers"
            onChange={setCustomerId}
          />
          <ConnectButton config={config} customerId={customerId} onConnected={(authCode, integrationName) => connected(authCode, integrationName)} className="demo-button demo-button--primary">
            Connect your WMS
          </ConnectButton>
        </div>
        {notice && (
          <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`demo-notice${notice.tone === 'error' ? ' demo-notice--error' : ' demo-notice--success'}`}>
            {notice.text}
          </p>
        )}
      </section>

      <ConnectionList
        customer={customer}
        config={config}
        state={state}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onReinstalled={(authCode, integrationName) => connected(authCode, integrationName, 'Reinstalled')}
      />

      {selected ? (
        <ConnectionConsole key={selected.connection_id} mode={config.mode} connection={selected} />
      ) : (
        state.status === 'ready' &&
        connections.length > 0 && <p className="demo-card demo-empty demo-pick-hint">Pick a connection to open its forms.</p>
      )}
    </>
  );
}

interface ConnectButtonProps {
  config: DemoConfig;
  customerId: string;
  /** Set to reinstall that connection: Link then skips the integration list. */
  connectionId?: string;
  onConnected: (authCode: string, integrationName: string) => void;
  className: string;
  children: string;
}

/** Trackstar's own button against the real API; the sandbox's stand-in, with the same props, otherwise. */
function ConnectButton({ config, customerId, connectionId, onConnected, className, children }: ConnectButtonProps) {
  const getLinkToken = async () => {
    const response = await postJson('/get-link-token', connectionId === undefined ? {} : { connection_id: connectionId });
    if (!response.ok) throw new Error(await errorMessage(response));
    return ((await response.json()) as { linkToken: string }).linkToken;
  };
  const buttonId = `connect-${customerId}-${connectionId ?? 'new'}`;
  if (config.mode === 'real') {
    return (
      <TrackstarConnectButton getLinkToken={getLinkToken} onSuccess={onConnected} buttonId={buttonId} className={className}>
        {children}
      </TrackstarConnectButton>
    );
  }
  return (
    <SandboxConnectButton sandboxUrl={config.sandboxLinkUrl ?? ''} getLinkToken={getLinkToken} onSuccess={onConnected} buttonId={buttonId} className={className}>
      {children}
    </SandboxConnectButton>
  );
}

const HEALTH_LABELS: Record<ConnectionWithHealth['health']['status'], string> = {
  healthy: 'Healthy',
  degraded: 'Limited',
  blocked: 'Needs reinstall',
  unknown: 'Health unknown',
};

interface ConnectionListProps {
  customer: DemoCustomer;
  config: DemoConfig;
  state: ConnectionsState;
  selectedId: string | undefined;
  onSelect: (connectionId: string) => void;
  onReinstalled: (authCode: string, integrationName: string) => void;
}

function ConnectionList({ customer, config, state, selectedId, onSelect, onReinstalled }: ConnectionListProps) {
  const titleId = useId();
  const displayNameOf = useDisplayNames();
  const displayName = (connection: ConnectionWithHealth) => displayNameOf(connection.integration_name);

  return (
    <section className="demo-card demo-connections" aria-labelledby={titleId}>
      <div className="demo-card__header">
        <h2 id={titleId} className="demo-card__title">
          Connections of {customer.name}
        </h2>
      </div>
      {state.status === 'loading' && <p role="status" className="demo-empty">Loading connections…</p>}
      {state.status === 'error' && (
        <p role="alert" className="demo-notice demo-notice--error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.connections.length === 0 && <p className="demo-empty">No connections yet. Connect this customer's WMS to start.</p>}
      {state.status === 'ready' && state.connections.length > 0 && (
        <ul className="demo-connection-list" aria-label="Connections">
          {state.connections.map((connection) => {
            const name = displayName(connection);
            const { health } = connection;
            const selected = connection.connection_id === selectedId;
            return (
              <li key={connection.connection_id} className={`demo-connection${selected ? ' demo-connection--selected' : ''}`}>
                <div className="demo-connection__summary">
                  <span className="demo-connection__name">{name}</span>
                  <span className={`demo-pill demo-pill--health-${health.status}`}>{HEALTH_LABELS[health.status]}</span>
                </div>
                <p className="demo-connection__meta">
                  <code>{connection.connection_id}</code> · {connection.integration_type.toUpperCase()} · connected {new Date(connection.created_at).toLocaleDateString()}
                </p>
                {health.issues.length > 0 && (
                  <ul className="demo-connection__issues">
                    {health.issues.map((issue, index) => (
                      <li key={index}>
                        {issue.resource ? <strong>{humanizeKey(issue.resource)}: </strong> : null}
                        {issue.message}
                      </li>
                    ))}
                  </ul>
                )}
                {health.status === 'unknown' && health.message && <p className="demo-connection__issues">{health.message}</p>}
                <div className="demo-connection__actions">
                  <button
                    type="button"
                    className="demo-button"
                    aria-pressed={selected}
                    aria-label={`Open forms for ${name} (${connection.connection_id})`}
                    onClick={() => onSelect(connection.connection_id)}
                  >
                    Open forms
                  </button>
                  {health.reinstall && (
                    <ConnectButton config={config} customerId={customer.id} connectionId={connection.connection_id} onConnected={onReinstalled} className="demo-button demo-button--warning">
                      Reinstall
                    </ConnectButton>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ConnectionConsole({ mode, connection }: { mode: DemoMode; connection: ConnectionWithHealth }) {
  const [action, setAction] = useState('');
  const [paramValues, setParamValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Outcome<TrackstarWriteSuccess> | undefined>();
  const [error, setError] = useState<Outcome<TrackstarApiError | Error> | undefined>();
  const [sent, setSent] = useState<SentRequest | undefined>();

  const requestCounter = useRef(0);
  const capturingFetch = useCallback(async (input: string, init: RequestInit): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method === 'GET') return fetch(input, init);
    const serial = ++requestCounter.current;
    const requestHeaders = new Headers(init.headers);
    const request: SentRequest = {
      serial,
      method,
      path: input.startsWith(API_BASE_URL) ? input.slice(API_BASE_URL.length) : input,
      idempotencyKey: requestHeaders.get('idempotency-key') ?? undefined,
      body: parseBody(init.body),
      sentAt: new Date(),
      status: undefined,
    };
    setSent(request);
    try {
      const response = await fetch(input, init);
      setSent((current) =>
        current?.serial === serial ? { ...current, status: response.status, requestId: response.headers.get('x-request-id') ?? undefined } : current,
      );
      return response;
    } catch (failure) {
      setSent((current) => (current?.serial === serial ? { ...current, status: 0 } : current));
      throw failure;
    }
  }, []);

  return (
    // One provider (and query cache) per connection: connection-scoped schemas never mix between connections.
    <TrackstarProvider baseUrl={API_BASE_URL} headers={{ [CONNECTION_HEADER]: connection.connection_id }} fetch={capturingFetch} schemaScope="connection">
      <Workbench
        mode={mode}
        connection={connection}
        action={action}
        onAction={setAction}
        paramValues={paramValues}
        onParamValue={(name, value) => setParamValues((current) => ({ ...current, [name]: value }))}
        onSuccess={(success) => setResult({ value: success, at: new Date() })}
        onError={(failure) => setError({ value: failure, at: new Date() })}
        result={result}
        error={error}
        sent={sent}
      />
    </TrackstarProvider>
  );
}

interface WorkbenchProps {
  mode: DemoMode;
  connection: ConnectionWithHealth;
  action: string;
  onAction: (action: string) => void;
  paramValues: Record<string, string>;
  onParamValue: (name: string, value: string) => void;
  onSuccess: (result: TrackstarWriteSuccess) => void;
  onError: (error: TrackstarApiError | Error) => void;
  result: Outcome<TrackstarWriteSuccess> | undefined;
  error: Outcome<TrackstarApiError | Error> | undefined;
  sent: SentRequest | undefined;
}

/** Whether `outcome` happened before `other`, so a newer request has replaced it. */
function isOlder(outcome: Outcome<unknown> | undefined, other: Outcome<unknown> | undefined): boolean {
  return outcome !== undefined && other !== undefined && outcome.at < other.at;
}

function parseBody(body: RequestInit['body']): unknown {
  if (typeof body !== 'string') return body ?? undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

interface ActionChoice {
  action: string;
  label: string;
  method: string;
  pathTemplate: string;
}

function actionChoices(integration: IntegrationInfo | undefined): ActionChoice[] {
  if (!integration) return [];
  return integration.write_operations.map((operation) => {
    const definition = getWriteActionDefinition(operation.action);
    const parsed = parseOperationUrl(operation.url);
    return {
      action: operation.action,
      label: definition?.label ?? humanizeKey(operation.action),
      method: parsed?.method ?? definition?.method ?? 'POST',
      pathTemplate: parsed?.path ?? definition?.path ?? '',
    };
  });
}

/** The catalogue's order (create before update, orders before returns), whatever order the integration lists them in. */
const CATALOGUE_ORDER = Object.keys(WRITE_ACTIONS);
function byCatalogueOrder(a: ActionChoice, b: ActionChoice): number {
  const rank = (choice: ActionChoice) => {
    const index = CATALOGUE_ORDER.indexOf(choice.action);
    return index === -1 ? CATALOGUE_ORDER.length : index;
  };
  return rank(a) - rank(b);
}

interface ChoiceFieldProps {
  id: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** Shown (and the select disabled) while there is nothing to choose. */
  emptyLabel: string;
  onChange: (value: string) => void;
}

function ChoiceField({ id, label, value, options, emptyLabel, onChange }: ChoiceFieldProps) {
  return (
    <div className="demo-field">
      <label className="demo-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="demo-input" value={value} disabled={options.length === 0} onChange={(event) => onChange(event.target.value)}>
        {options.length === 0 && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Workbench(props: WorkbenchProps) {
  const { mode, connection, action, onAction } = props;
  const integrationType = connection.integration_type as IntegrationType;
  const integrationName = connection.integration_name;
  const integrationQuery = useIntegration(integrationType, integrationName);
  const integration = integrationQuery.data;
  const choices = useMemo(() => actionChoices(integration).sort(byCatalogueOrder), [integration]);
  const choice = choices.find((candidate) => candidate.action === action);

  // Keep the selection valid: the integration's first action.
  useEffect(() => {
    if (!choice && choices.length > 0) onAction(choices[0]!.action);
  }, [choice, choices, onAction]);

  const paramNames = choice ? pathParamNames(choice.pathTemplate) : [];
  const paramValue = (name: string) => props.paramValues[name] ?? (mode === 'sandbox' ? (SANDBOX_SEED_PATH_PARAMS[name] ?? '') : '');
  const pathParams = Object.fromEntries(paramNames.map((name) => [name, paramValue(name).trim()]));

  const ids = useId();
  const actionSelectId = `${ids}-action`;
  const displayName = integration?.display_name ?? humanizeKey(integrationName);

  return (
    <>
      <section className="demo-card demo-target" aria-labelledby={`${ids}-target-title`}>
        <div className="demo-card__header">
          <h2 id={`${ids}-target-title`} className="demo-card__title">
            Send to {displayName}
          </h2>
          {choice && (
            <p className="demo-endpoint">
              <span className={`demo-method demo-method--${choice.method.toLowerCase()}`}>{choice.method}</span>
              <code>{choice.pathTemplate}</code>
            </p>
          )}
        </div>
        <div className="demo-target__grid">
          <ChoiceField
            id={actionSelectId}
            label="Action"
            value={choice ? action : ''}
            options={choices.map((candidate) => ({ value: candidate.action, label: candidate.label }))}
            emptyLabel={integration ? 'No write actions' : 'Loading…'}
            onChange={onAction}
          />
          {paramNames.map((name) => {
            const inputId = `${ids}-param-${name}`;
            return (
              <div className="demo-field" key={name}>
                <label className="demo-label" htmlFor={inputId}>
                  {humanizeKey(name)} <span className="demo-label__code">{`{${name}}`}</span>
                </label>
                <input
                  id={inputId}
                  className="demo-input demo-input--mono"
                  value={paramValue(name)}
                  required
                  aria-describedby={mode === 'sandbox' ? `${inputId}-hint` : undefined}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(event) => props.onParamValue(name, event.target.value)}
                />
                {mode === 'sandbox' && (
                  <p id={`${inputId}-hint`} className="demo-hint">
                    Sandbox record: <code>{SANDBOX_SEED_PATH_PARAMS[name] ?? 'none seeded'}</code>
                  </p>
                )}
              </div>
            );
          })}
        </div>
        {integrationQuery.isError && (
          <p role="alert" className="demo-notice demo-notice--error">
            {displayName} could not be loaded: {integrationQuery.error.message}
          </p>
        )}
        <p className="demo-hint demo-target__note">
          Forms use connection <code>{connection.connection_id}</code>: its own warehouses, shipping methods and other options.
        </p>
      </section>

      <div className="demo-layout">
        <div className="demo-card demo-form-card">
          {integration && choice ? (
            <TrackstarWriteForm
              key={`${connection.connection_id}:${action}`}
              action={action}
              integrationName={integrationName}
              integrationType={integrationType}
              pathParams={pathParams}
              onSuccess={props.onSuccess}
              onError={props.onError}
            />
          ) : (
            <p className="demo-empty">{integrationQuery.isError ? 'No form to show.' : 'Loading the integration…'}</p>
          )}
        </div>
        <div className="demo-panels">
          <ResultPanel result={props.result} stale={isOlder(props.result, props.error)} />
          <RequestPanel request={props.sent} />
          <ErrorPanel error={props.error} stale={isOlder(props.error, props.result)} />
        </div>
      </div>
    </>
  );
}
