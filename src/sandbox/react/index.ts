'use client';
/**
 * trackstar-write-form/sandbox/react: the React stand-in for Trackstar Link's modal
 * against the local sandbox. Its own entry, so `trackstar-write-form/sandbox` stays
 * free of React.
 */
export { SandboxConnectButton } from './sandbox-connect-button';
export type { SandboxConnectButtonProps } from './sandbox-connect-button';
