import type { OpenApiDocument } from '../core/types';
import fixture from './fixture-spec.json';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * A small Trackstar-style OpenAPI 3.0.3 document with fictional integrations
 * (Bluefin WMS, Cratewise, Palletly 3PL, Dockhand, Marketmint Fulfillment, and the
 * carts Shopwave and Marketmint). It covers every write action and every quirk of the
 * real spec, and is the sandbox's default spec.
 *
 * Frozen because every test shares it: `structuredClone` it to make a variant.
 */
export const FIXTURE_SPEC: OpenApiDocument = deepFreeze(fixture as OpenApiDocument);
