/**
 * Run by interpreted-validator.test.ts as
 * `node --disallow-code-generation-from-strings --import tsx no-code-generation.ts`:
 * what each validator, and the sandbox, does where strings cannot become code. Prints JSON.
 */
import ajvValidator from '@rjsf/validator-ajv8';
import { toFormSchema } from '../../../src/core/schema/to-form-schema';
import { canGenerateCode, defaultFormValidator } from '../../../src/core/validation';
import { SANDBOX_API_KEY, createSandbox, sampleBody, sandboxAccessToken } from '../../../src/sandbox';

const schema = toFormSchema({ type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } });
const headers = { 'content-type': 'application/json', 'x-trackstar-api-key': SANDBOX_API_KEY, 'x-trackstar-access-token': sandboxAccessToken('wms', 'bluefin') };
const sandbox = createSandbox();
const meta = await sandbox.fetch(new Request('http://sandbox.local/wms/orders/meta?method=POST', { headers }));
const body = sampleBody(toFormSchema(await meta.json())) as { line_items: Array<Record<string, unknown>> };
delete body.line_items[0]!.sku;
const write = await sandbox.fetch(new Request('http://sandbox.local/wms/orders', { method: 'POST', headers, body: JSON.stringify(body) }));

process.stdout.write(
  JSON.stringify({
    canGenerateCode: canGenerateCode(),
    ajv: ajvValidator.validateFormData({}, schema).errors.map((error) => error.stack),
    default: defaultFormValidator.validateFormData({}, schema).errors.map((error) => error.message),
    sandbox: { status: write.status, detail: ((await write.json()) as { detail?: unknown }).detail },
  }),
);
