/**
 * A stand-in for Trackstar Link's `TrackstarConnectButton` against the local sandbox:
 * the same props, a modal that lists the sandbox's integrations (or goes straight to
 * the one connection a reinstall link names), "credentials" any non-empty value
 * satisfies, and an auth code the host's `/store-token` exchanges exactly as it would
 * a real one. Swap it for the real button and nothing else in the host changes.
 */
import { type CSSProperties, type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';

import { LINK_TOKEN_HEADER } from '../link';

export interface SandboxConnectButtonProps {
  /** Resolves a link token from the host's `POST /get-link-token`. */
  getLinkToken: () => Promise<string>;
  /** The user connected: exchange `authCode` on the host (`POST /store-token`). */
  onSuccess: (authCode: string, integrationName: string) => void;
  /** The user dismissed the modal without connecting. */
  onClose?: () => void;
  /** Called once the button is ready to open the modal. */
  onLoad?: () => void;
  /** Only these `integration_name`s; one name skips the list. */
  integrationAllowList?: string[];
  /** All but these (ignored when `integrationAllowList` is given too, as in Trackstar's). */
  integrationBlockList?: string[];
  /** `wms` (default) or `cart`. */
  integrationType?: string;
  /** Accepted for parity with Trackstar's button: every integration here is a sandbox already. */
  sandbox?: boolean;
  buttonId?: string;
  children?: ReactNode;
  style?: CSSProperties;
  className?: string;
  /**
   * Where the browser reaches the sandbox's Link endpoints (`GET {sandboxUrl}/link/session`,
   * `POST {sandboxUrl}/link/session/authorize`): the sandbox's URL, or a route of the host's
   * dev server that forwards those two paths to it. They take the link token, never the API key.
   */
  sandboxUrl: string;
  /** Replaces the global `fetch` for the modal's calls. */
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

interface LinkIntegration {
  integration_type: string;
  integration_name: string;
  display_name: string;
}

type Step =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'choose'; linkToken: string; integrations: LinkIntegration[]; reinstall: false }
  | { kind: 'credentials'; linkToken: string; integrations: LinkIntegration[]; chosen: LinkIntegration; reinstall: boolean };

async function readError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: the status says enough.
  }
  return `The sandbox answered HTTP ${response.status}.`;
}

function visible(integrations: LinkIntegration[], props: SandboxConnectButtonProps): LinkIntegration[] {
  const type = props.integrationType ?? 'wms';
  const allow = props.integrationAllowList?.length ? new Set(props.integrationAllowList) : undefined;
  const block = new Set(allow === undefined ? (props.integrationBlockList ?? []) : []);
  return integrations.filter(
    (integration) =>
      integration.integration_type === type &&
      (allow === undefined || allow.has(integration.integration_name)) &&
      !block.has(integration.integration_name),
  );
}

const styles = {
  overlay: { position: 'fixed', inset: 0, background: 'rgba(15, 23, 42, 0.55)', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, zIndex: 1000 },
  dialog: {
    background: '#fff',
    color: '#0f172a',
    borderRadius: 12,
    boxShadow: '0 20px 50px rgba(15, 23, 42, 0.35)',
    width: 'min(420px, 100%)',
    maxHeight: 'min(640px, calc(100vh - 32px))',
    display: 'flex',
    flexDirection: 'column',
    font: '14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif',
  },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 12, padding: '18px 20px 8px' },
  title: { margin: 0, fontSize: 18, fontWeight: 650 },
  subtitle: { margin: '2px 0 0', color: '#475569', fontSize: 13 },
  close: { border: 0, background: 'transparent', fontSize: 22, lineHeight: 1, cursor: 'pointer', color: '#334155', padding: 4 },
  body: { padding: '8px 20px 20px', overflow: 'auto', display: 'flex', flexDirection: 'column', gap: 10 },
  label: { fontWeight: 600, fontSize: 13 },
  input: { font: 'inherit', padding: '8px 10px', border: '1px solid #94a3b8', borderRadius: 8, width: '100%', boxSizing: 'border-box' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 },
  choice: { font: 'inherit', width: '100%', textAlign: 'left', padding: '10px 12px', border: '1px solid #cbd5e1', borderRadius: 8, background: '#f8fafc', cursor: 'pointer' },
  primary: { font: 'inherit', fontWeight: 600, padding: '9px 14px', border: 0, borderRadius: 8, background: '#4338ca', color: '#fff', cursor: 'pointer' },
  secondary: { font: 'inherit', padding: '9px 14px', border: '1px solid #cbd5e1', borderRadius: 8, background: '#fff', color: '#0f172a', cursor: 'pointer' },
  actions: { display: 'flex', gap: 8, justifyContent: 'flex-end', marginTop: 4 },
  hint: { margin: 0, color: '#475569', fontSize: 12.5 },
  alert: { margin: 0, padding: '8px 10px', borderRadius: 8, background: '#fef2f2', color: '#991b1b', border: '1px solid #fecaca' },
} satisfies Record<string, CSSProperties>;

export function SandboxConnectButton(props: SandboxConnectButtonProps) {
  const { children, style, className, buttonId, onLoad } = props;
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [search, setSearch] = useState('');
  const [credential, setCredential] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const latest = useRef(props);
  latest.current = props;
  const request = (path: string, init: RequestInit) => {
    const url = `${latest.current.sandboxUrl.replace(/\/+$/, '')}${path}`;
    const custom = latest.current.fetch;
    // Called on its own, never detached from `window`: browsers refuse a detached `fetch`.
    return custom ? custom(url, init) : fetch(url, init);
  };

  // Once, like the real button's script load.
  const loaded = useRef(false);
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    onLoad?.();
  }, [onLoad]);

  // Focus moves into the modal on every step, and back to the button when it closes.
  const open = step.kind !== 'closed';
  useEffect(() => {
    if (!open) return;
    const dialog = dialogRef.current;
    const target = ['input', 'ul button', '[data-primary]', '[data-close]'].map((selector) => dialog?.querySelector<HTMLElement>(selector)).find(Boolean);
    target?.focus();
  }, [open, step.kind]);

  const close = (dismissed: boolean) => {
    setStep({ kind: 'closed' });
    setSearch('');
    setCredential('');
    setError(undefined);
    buttonRef.current?.focus();
    if (dismissed) latest.current.onClose?.();
  };

  const start = async () => {
    setStep({ kind: 'loading' });
    setError(undefined);
    try {
      const linkToken = await latest.current.getLinkToken();
      const response = await request('/link/session', { headers: { [LINK_TOKEN_HEADER]: linkToken } });
      if (!response.ok) throw new Error(await readError(response));
      const session = (await response.json()) as { integrations: LinkIntegration[]; reinstall_connection_id: string | null };
      const reinstalling = session.reinstall_connection_id !== null;
      const integrations = reinstalling ? session.integrations : visible(session.integrations, latest.current);
      const [only] = integrations;
      if (only !== undefined && (reinstalling || integrations.length === 1)) {
        setStep({ kind: 'credentials', linkToken, integrations, chosen: only, reinstall: reinstalling });
      } else {
        setStep({ kind: 'choose', linkToken, integrations, reinstall: false });
      }
    } catch (failure) {
      setStep({ kind: 'failed', message: `Could not start Trackstar Link: ${failure instanceof Error ? failure.message : String(failure)}` });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (step.kind !== 'credentials' || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const response = await request('/link/session/authorize', {
        method: 'POST',
        headers: { [LINK_TOKEN_HEADER]: step.linkToken, 'content-type': 'application/json' },
        body: JSON.stringify({ integration_type: step.chosen.integration_type, integration_name: step.chosen.integration_name, credential }),
      });
      if (!response.ok) {
        setError(await readError(response));
        return;
      }
      const { auth_code: authCode } = (await response.json()) as { auth_code: string };
      const integrationName = step.chosen.integration_name;
      close(false);
      latest.current.onSuccess(authCode, integrationName);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close(true);
    }
  };

  const typeLabel = (props.integrationType ?? 'wms').toUpperCase();
  const title =
    step.kind === 'credentials' ? (step.reinstall ? `Reinstall ${step.chosen.display_name}` : `Connect ${step.chosen.display_name}`) : `Connect your ${typeLabel}`;
  const query = search.trim().toLowerCase();

  return (
    <>
      <button ref={buttonRef} type="button" id={buttonId} className={className} style={style} onClick={() => void start()} disabled={step.kind === 'loading'}>
        {children ?? 'Connect'}
      </button>
      {open && (
        <div style={styles.overlay} onMouseDown={(event) => event.target === event.currentTarget && close(true)}>
          <div ref={dialogRef} role="dialog" aria-modal="true" aria-labelledby={`${ids}-title`} style={styles.dialog} onKeyDown={onKeyDown}>
            <div style={styles.header}>
              <div>
                <h2 id={`${ids}-title`} style={styles.title}>
                  {title}
                </h2>
                <p style={styles.subtitle}>Trackstar Link · local sandbox</p>
              </div>
              <button type="button" data-close style={styles.close} aria-label="Close" onClick={() => close(true)}>
                ×
              </button>
            </div>
            <div style={styles.body}>
              {step.kind === 'loading' && <p role="status">Opening Trackstar Link…</p>}
              {step.kind === 'failed' && (
                <p role="alert" style={styles.alert}>
                  {step.message}
                </p>
              )}
              {step.kind === 'choose' && (
                <>
                  <label style={styles.label} htmlFor={`${ids}-search`}>
                    Search integrations
                  </label>
                  <input id={`${ids}-search`} type="search" style={styles.input} value={search} onChange={(event) => setSearch(event.target.value)} autoComplete="off" />
                  <ul style={styles.list} aria-label="Integrations">
                    {step.integrations
                      .filter((integration) => query === '' || `${integration.display_name} ${integration.integration_name}`.toLowerCase().includes(query))
                      .map((integration) => (
                        <li key={integration.integration_name}>
                          <button
                            type="button"
                            style={styles.choice}
                            onClick={() => setStep({ kind: 'credentials', linkToken: step.linkToken, integrations: step.integrations, chosen: integration, reinstall: false })}
                          >
                            {integration.display_name}
                          </button>
                        </li>
                      ))}
                  </ul>
                  {step.integrations.length === 0 && <p style={styles.hint}>No {typeLabel} integration matches this button's lists.</p>}
                </>
              )}
              {step.kind === 'credentials' && (
                <form onSubmit={(event) => void submit(event)} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
                  <label style={styles.label} htmlFor={`${ids}-credential`}>
                    {step.chosen.display_name} API key
                  </label>
                  <input
                    id={`${ids}-credential`}
                    type="password"
                    style={styles.input}
                    value={credential}
                    onChange={(event) => setCredential(event.target.value)}
                    required
                    aria-describedby={`${ids}-credential-hint`}
                    autoComplete="off"
                  />
                  <p id={`${ids}-credential-hint`} style={styles.hint}>
                    Sandbox: any value connects; one starting with “invalid” is rejected.
                  </p>
                  {error !== undefined && (
                    <p role="alert" style={styles.alert}>
                      {error}
                    </p>
                  )}
                  <div style={styles.actions}>
                    {!step.reinstall && step.integrations.length > 1 && (
                      <button type="button" style={styles.secondary} onClick={() => setStep({ kind: 'choose', linkToken: step.linkToken, integrations: step.integrations, reinstall: false })}>
                        Back
                      </button>
                    )}
                    <button type="submit" data-primary style={styles.primary} disabled={busy}>
                      {busy ? 'Connecting…' : step.reinstall ? 'Reinstall' : 'Connect'}
                    </button>
                  </div>
                </form>
              )}
            </div>
          </div>
        </div>
      )}
    </>
  );
}
