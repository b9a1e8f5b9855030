// @vitest-environment node
/**
 * The CSP-safe validator against `@rjsf/validator-ajv8` on the same schemas and data:
 * the same errors (name, property, message, params, stack, title, in the same order),
 * the same error schema, the same `isValid` answers for sub-schemas that `$ref` the root,
 * and the same defaults. Then the choice between them: a Node that forbids code
 * generation (`--disallow-code-generation-from-strings`) gets the interpreter, and the
 * sandbox keeps validating there.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type RJSFSchema, type RJSFValidationError, getDefaultFormState } from '@rjsf/utils';
import ajvValidator from '@rjsf/validator-ajv8';
import { describe, expect, it, vi } from 'vitest';
import { toFormSchema } from '../../../src/core/schema/to-form-schema';
import type { OpenApiDocument } from '../../../src/core/types';
import { createAutoValidator, createInterpretedValidator } from '../../../src/core/validation';
import { FIXTURE_SPEC, createSandbox, sampleBody } from '../../../src/sandbox';
import { componentRef } from '../../../src/sandbox/spec';
import { REAL_SPEC_PATH, describeRealSpec, loadRealSpec } from '../../sandbox/helpers';

const interpreted = createInterpretedValidator();

const shape = (errors: RJSFValidationError[]) =>
  errors.map(({ name, property, message, params, stack, title }) => ({ name, property, message, params, stack, title }));

function expectSameValidation(schema: RJSFSchema, data: unknown, label: string): void {
  const expected = ajvValidator.validateFormData(data, schema);
  const actual = interpreted.validateFormData(data, schema);
  expect(shape(actual.errors), label).toEqual(shape(expected.errors));
  expect(actual.errorSchema, label).toEqual(expected.errorSchema);
}

/** Every string leaf a number and every number a string: type errors everywhere. */
function mistyped(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(mistyped);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, mistyped(child)]));
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'forty-two';
  return value;
}

/** Bodies that break a form schema in the ways operators and integrations do. */
function variants(schema: RJSFSchema): Array<[string, unknown]> {
  const valid = sampleBody(schema);
  const arrays = Object.entries(schema.properties ?? {}).filter(([, property]) => typeof property === 'object' && property.type === 'array');
  return [
    ['empty', {}],
    ['valid sample', valid],
    ['mistyped sample', mistyped(valid)],
    ['unknown field', { ...valid, not_a_field: 'x' }],
    ['empty array items', { ...valid, ...Object.fromEntries(arrays.map(([key]) => [key, [{}, { unknown: 1 }]])) }],
  ];
}

function formSchemas(spec: OpenApiDocument): Array<[string, RJSFSchema]> {
  const sandbox = createSandbox({ spec });
  return sandbox.integrations.flatMap((integration) =>
    integration.actions.map((action): [string, RJSFSchema] => [
      `${integration.integrationName} ${action.action}`,
      toFormSchema({ document: spec, schemaRef: componentRef(action.schemaName) }, { method: action.method }) as RJSFSchema,
    ]),
  );
}

const KEYWORDS: Array<[string, RJSFSchema, unknown[]]> = [
  ['enum and const', { type: 'object', properties: { a: { type: 'string', enum: ['x', 'y'] }, b: { const: 3 } } }, [{ a: 'z', b: 4 }, { a: 1 }]],
  [
    'numbers',
    {
      type: 'object',
      properties: { n: { type: 'number', minimum: 1, maximum: 5, multipleOf: 0.5 }, e: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 10 } },
    },
    [{ n: 0.3, e: 0 }, { n: 9, e: 10 }, { n: 2, e: 1.5 }],
  ],
  [
    'strings',
    {
      type: 'object',
      properties: {
        s: { type: 'string', minLength: 2, maxLength: 3, pattern: '^[a-z]+$' },
        email: { type: 'string', format: 'email' },
        date: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'date-time' },
      },
    },
    [{ s: 'A', email: 'nope', date: '2024-13-01', at: 'yesterday' }, { s: 'abcd' }],
  ],
  [
    'arrays',
    { type: 'object', properties: { list: { type: 'array', minItems: 2, maxItems: 3, uniqueItems: true, items: { type: 'integer' } } } },
    [{ list: [1] }, { list: [1, 2, 1, 'x'] }, { list: [3, 3] }],
  ],
  [
    'array contents',
    {
      type: 'object',
      properties: {
        tags: { type: 'array', contains: { const: 'x' } },
        pairs: { type: 'array', uniqueItems: true, items: { type: 'object' } },
        tuple: { type: 'array', items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false },
      },
    },
    [{ tags: [] }, { tags: ['a', 'b'], pairs: [{ a: 1 }, { a: 2 }, { a: 1 }], tuple: [1, 'x', true] }],
  ],
  [
    'objects',
    {
      type: 'object',
      title: 'Order',
      required: ['id', 'ship'],
      additionalProperties: false,
      minProperties: 2,
      properties: { id: { type: 'string', title: 'Order ID' }, ship: { type: 'object', required: ['city'], properties: { city: { type: 'string' } } } },
      dependencies: { id: ['ship'], ship: { required: ['id'] } },
    },
    [{}, { id: 'x' }, { ship: {} }, { id: 1, ship: { city: 2 }, extra: true, more: null }],
  ],
  [
    'compositions',
    {
      type: 'object',
      properties: {
        choice: { oneOf: [{ type: 'string', title: 'Text' }, { type: 'integer', minimum: 10 }] },
        either: { anyOf: [{ type: 'string' }, { type: 'boolean' }] },
        never: { not: { type: 'string' } },
        gated: { type: 'object', if: { properties: { kind: { const: 'a' } } }, then: { required: ['a'] }, else: { required: ['b'] } },
      },
    },
    [{ choice: 3, either: 4, never: 'x', gated: { kind: 'a' } }, { choice: true, gated: { kind: 'z' } }],
  ],
  [
    'recursive definitions',
    {
      type: 'object',
      definitions: { node: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/node' } } } } },
      properties: { tree: { $ref: '#/definitions/node' } },
    },
    [{ tree: { children: [{ name: 1 }, { children: [{}] }] } }, { tree: { name: 'root' } }],
  ],
  ['undefined values count as absent', { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' } } }, [{ a: undefined, b: undefined }]],
];

describe('createInterpretedValidator', () => {
  it.each(KEYWORDS)('reports what validator-ajv8 reports: %s', (label, schema, cases) => {
    for (const data of cases) expectSameValidation(schema, data, `${label} ${JSON.stringify(data)}`);
  });

  it('reports what validator-ajv8 reports for every fixture form, valid and broken', () => {
    for (const [label, schema] of formSchemas(FIXTURE_SPEC)) {
      for (const [variant, data] of variants(schema)) expectSameValidation(schema, data, `${label}: ${variant}`);
    }
  });

  it('passes transformErrors and customValidate through as validator-ajv8 does', () => {
    const schema: RJSFSchema = { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string', default: 'x' } } };
    const transform = (errors: RJSFValidationError[]) => errors.map((error) => ({ ...error, message: `!${error.message}` }));
    const custom = (formData: { b?: string } | undefined, errors: { b?: { addError: (message: string) => void } }) => {
      if (formData?.b === 'x') errors.b?.addError('b keeps its default');
      return errors;
    };
    const expected = ajvValidator.validateFormData({}, schema, custom as never, transform);
    const actual = interpreted.validateFormData({}, schema, custom as never, transform);
    expect(shape(actual.errors)).toEqual(shape(expected.errors));
    expect(actual.errorSchema).toEqual(expected.errorSchema);
  });

  it('answers isValid like validator-ajv8 for branches that $ref the root (oneOf/anyOf matching)', () => {
    const root: RJSFSchema = {
      type: 'object',
      definitions: { address: { type: 'object', required: ['city'], properties: { city: { type: 'string' } } } },
      properties: {
        to: {
          oneOf: [
            { title: 'Address', $ref: '#/definitions/address' },
            { title: 'Pickup point', type: 'object', required: ['point_id'], properties: { point_id: { type: 'string' } } },
          ],
        },
      },
    };
    const branches = (root.properties!.to as RJSFSchema).oneOf as RJSFSchema[];
    for (const data of [{ city: 'Oslo' }, { point_id: 'P1' }, { city: 3 }, {}, undefined, 'text']) {
      for (const branch of branches) {
        expect(interpreted.isValid(branch, data, root), JSON.stringify({ branch: branch.title, data })).toBe(ajvValidator.isValid(branch, data, root));
      }
    }
  });

  it('gives the same defaults as validator-ajv8 (rjsf resolves oneOf/anyOf defaults through isValid)', () => {
    for (const [label, schema] of formSchemas(FIXTURE_SPEC)) {
      expect(getDefaultFormState(interpreted, schema, {}, schema), label).toEqual(getDefaultFormState(ajvValidator, schema, {}, schema));
    }
  });

  it('reports a schema it cannot use as a form error, the way validator-ajv8 reports one it cannot compile', () => {
    const schema: RJSFSchema = { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } };
    const { errors, errorSchema } = interpreted.validateFormData({ a: 1 }, schema);
    expect(errors.at(-1)?.stack).toMatch(/Unresolved \$ref/);
    expect((errorSchema as { $schema?: { __errors?: string[] } }).$schema?.__errors?.[0]).toMatch(/Unresolved \$ref/);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(interpreted.isValid(schema.properties!.a as RJSFSchema, 1, schema)).toBe(false);
  });

  it('does not touch the schemas it is given (they may be frozen)', () => {
    const schema = Object.freeze({ type: 'object', required: ['a'], properties: Object.freeze({ a: Object.freeze({ type: 'string' }) }) }) as RJSFSchema;
    expect(interpreted.validateFormData({}, schema).errors).toHaveLength(1);
    expect(Object.keys(schema)).toEqual(['type', 'required', 'properties']);
  });

  it('flattens an error schema with toErrorList, as rjsf 5 validators did', () => {
    expect(interpreted.toErrorList({ a: { __errors: ['bad'] } } as never)).toEqual([{ property: '.a', message: 'bad', stack: '.a bad' }]);
  });
});

describeRealSpec('interpreted-validator.test.ts', () => {
  it('reports what validator-ajv8 reports for every real form, valid and broken', () => {
    expect(REAL_SPEC_PATH).toBeDefined();
    for (const [label, schema] of formSchemas(loadRealSpec())) {
      for (const [variant, data] of variants(schema)) expectSameValidation(schema, data, `${label}: ${variant}`);
    }
  }, 120_000);
});

describe('createAutoValidator', () => {
  const calls = (name: string) => ({
    validateFormData: vi.fn(() => ({ errors: [], errorSchema: {} })),
    isValid: vi.fn(() => name === 'compiling'),
    rawValidation: vi.fn(() => ({})),
  });

  it('asks once whether code generation is allowed, on first use, and keeps the answer', () => {
    const canGenerateCode = vi.fn(() => false);
    const compiling = calls('compiling');
    const interpreting = calls('interpreting');
    const validator = createAutoValidator({ canGenerateCode, compiling, interpreting });
    expect(canGenerateCode).not.toHaveBeenCalled();
    expect(validator.isValid({}, {}, {})).toBe(false);
    validator.validateFormData({}, {});
    expect(canGenerateCode).toHaveBeenCalledTimes(1);
    expect(interpreting.validateFormData).toHaveBeenCalledTimes(1);
    expect(compiling.isValid).not.toHaveBeenCalled();
  });

  it('compiles where code generation is allowed', () => {
    const compiling = calls('compiling');
    expect(createAutoValidator({ canGenerateCode: () => true, compiling, interpreting: calls('interpreting') }).isValid({}, {}, {})).toBe(true);
  });
});

describe('in a Node that forbids code generation', () => {
  const script = fileURLToPath(new URL('./no-code-generation.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../..', import.meta.url));

  it('the default validator interprets, while ajv fails, and the sandbox still validates bodies', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', script], {
      cwd: root,
      timeout: 60_000,
    });
    const report = JSON.parse(stdout) as { canGenerateCode: boolean; ajv: string[]; default: string[]; sandbox: { status: number; detail: unknown } };
    expect(report.canGenerateCode).toBe(false);
    expect(report.ajv.join(' ')).toMatch(/[Cc]ode generation from strings disallowed/);
    expect(report.default).toEqual(["must have required property 'SKU'"]);
    expect(report.sandbox).toEqual({ status: 422, detail: { json: { line_items: { 0: { sku: ['Missing data for required field.'] } } } } });
  }, 60_000);
});
