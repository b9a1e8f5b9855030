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
  useIntegrations,
} from '../src/index';
// The seeds alone, not the sandbox itself (which runs on the server): records.ts only needs the action catalogue.
import { SANDBOX_SEED_PATH_PARAMS } from '../src/sandbox/records';
import { ErrorPanel, type Outcome, RequestPanel, ResultPanel, type SentRequest } from './panels';

type DemoMode = 'sandbox' | 'real';

const API_BASE_URL = '/api/trackstar';

const INTEGRATION_TYPES: ReadonlyArray<{ value: IntegrationType; label: string }> = [
  { value: 'wms', label: 'WMS' },
  { value: 'cart', label: 'Cart' },
];

export function App() {
  const [mode, setMode] = useState<DemoMode | undefined>();
  const [configError, setConfigError] = useState<string | undefined>();
  useEffect(() => {
    let active = true;
    fetch('/__demo/config')
      .then(async (response) => {
        if (!response.ok) throw new Error(`GET /__demo/config answered ${response.status}.`);
        const config = (await response.json()) as { mode?: unknown };
        if (active) setMode(config.mode === 'real' ? 'real' : 'sandbox');
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
              <p className="demo-brand__subtitle">Send orders, returns and shipments to connected systems through Trackstar</p>
            </div>
          </div>
          {mode && (
            <span className={`demo-badge demo-badge--${mode}`}>
              <span className="demo-badge__dot" aria-hidden="true" />
              {mode === 'sandbox' ? 'Sandbox' : 'Live API'}
            </span>
          )}
        </div>
      </header>
      <main className="demo-main">
        {configError ? (
          <div role="alert" className="demo-card demo-notice demo-notice--error">
            The demo server could not be reached: {configError}
          </div>
        ) : mode ? (
          <Console mode={mode} />
        ) : (
          <p role="status" className="demo-card demo-notice">
            Loading…
          </p>
        )}
      </main>
    </div>
  );
}

function Console({ mode }: { mode: DemoMode }) {
  const [integrationType, setIntegrationType] = useState<IntegrationType>('wms');
  const [integrationName, setIntegrationName] = useState('');
  const [action, setAction] = useState('');
  const [paramValues, setParamValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Outcome<TrackstarWriteSuccess> | undefined>();
  const [error, setError] = useState<Outcome<TrackstarApiError | Error> | undefined>();
  const [sent, setSent] = useState<SentRequest | undefined>();

  // Sandbox mode: the page names its connection; the demo server turns that into the sandbox's access token.
  const connection = useRef('');
  connection.current = `${integrationType}:${integrationName}`;
  const headers = useCallback(
    (): Record<string, string> => (mode === 'sandbox' && integrationName !== '' ? { 'x-demo-connection': connection.current } : {}),
    [mode, integrationName],
  );

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
    <TrackstarProvider baseUrl={API_BASE_URL} headers={headers} fetch={capturingFetch}>
      <Workbench
        mode={mode}
        integrationType={integrationType}
        onIntegrationType={(type) => {
          setIntegrationType(type);
          setIntegrationName('');
          setAction('');
        }}
        integrationName={integrationName}
        onIntegrationName={setIntegrationName}
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

interface WorkbenchProps {
  mode: DemoMode;
  integrationType: IntegrationType;
  onIntegrationType: (type: IntegrationType) => void;
  integrationName: string;
  onIntegrationName: (name: string) => void;
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
  const { mode, integrationType, integrationName, action, onIntegrationName, onAction } = props;
  const integrations = useIntegrations(integrationType);
  const list = integrations.data ?? [];
  const integration = list.find((candidate) => candidate.integration_name === integrationName);
  const choices = useMemo(() => actionChoices(integration).sort(byCatalogueOrder), [integration]);
  const choice = choices.find((candidate) => candidate.action === action);

  // Keep the selection valid: the first integration of the type, and its first action.
  useEffect(() => {
    if (!integration && list.length > 0) onIntegrationName(list[0]!.integration_name);
  }, [integration, list, onIntegrationName]);
  useEffect(() => {
    if (!choice && choices.length > 0) onAction(choices[0]!.action);
  }, [choice, choices, onAction]);

  const paramNames = choice ? pathParamNames(choice.pathTemplate) : [];
  const paramValue = (name: string) => props.paramValues[name] ?? (mode === 'sandbox' ? (SANDBOX_SEED_PATH_PARAMS[name] ?? '') : '');
  const pathParams = Object.fromEntries(paramNames.map((name) => [name, paramValue(name).trim()]));

  const ids = useId();
  const typeGroupId = `${ids}-type`;
  const integrationSelectId = `${ids}-integration`;
  const actionSelectId = `${ids}-action`;

  return (
    <>
      <section className="demo-card demo-target" aria-labelledby={`${ids}-target-title`}>
        <div className="demo-card__header">
          <h2 id={`${ids}-target-title`} className="demo-card__title">
            What to send
          </h2>
          {choice && (
            <p className="demo-endpoint">
              <span className={`demo-method demo-method--${choice.method.toLowerCase()}`}>{choice.method}</span>
              <code>{choice.pathTemplate}</code>
            </p>
          )}
        </div>
        <div className="demo-target__grid">
          <fieldset className="demo-field demo-segmented">
            <legend className="demo-label" id={typeGroupId}>
              Integration type
            </legend>
            <div className="demo-segmented__options">
              {INTEGRATION_TYPES.map((type) => (
                <label key={type.value} className="demo-segmented__option">
                  <input
                    type="radio"
                    name={typeGroupId}
                    value={type.value}
                    checked={integrationType === type.value}
                    onChange={() => props.onIntegrationType(type.value)}
                  />
                  <span>{type.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <ChoiceField
            id={integrationSelectId}
            label="Integration"
            value={integration ? integrationName : ''}
            options={list.map((candidate) => ({ value: candidate.integration_name, label: candidate.display_name }))}
            emptyLabel={integrations.isError ? 'Could not load integrations' : 'Loading…'}
            onChange={onIntegrationName}
          />
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
        {integrations.isError && (
          <p role="alert" className="demo-notice demo-notice--error">
            The integrations could not be loaded: {integrations.error.message}
          </p>
        )}
        {mode === 'real' && (
          <p className="demo-hint demo-target__note">
            Live API: every write goes to the connection of <code>TRACKSTAR_ACCESS_TOKEN</code>; pick its integration.
          </p>
        )}
      </section>

      <div className="demo-layout">
        <div className="demo-card demo-form-card">
          {integration && choice ? (
            <TrackstarWriteForm
              key={`${integrationType}:${integrationName}:${action}`}
              action={action}
              integrationName={integrationName}
              integrationType={integrationType}
              pathParams={pathParams}
              onSuccess={props.onSuccess}
              onError={props.onError}
            />
          ) : (
            <p className="demo-empty">{integrations.isError ? 'No integration to show.' : 'Loading integrations…'}</p>
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
