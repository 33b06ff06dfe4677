import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { repoRoot } from './realworld';

/** The official SARIF 2.1.0 schema, as shipped by Microsoft's SARIF SDK package (not copied here). */
const SCHEMA = join(repoRoot(), 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/** A validator of SARIF logs against the official schema; `errors()` says what the last call rejected. */
export function sarifValidator() {
  // The schema's language pattern has a stray `]`, valid only without the `u` flag (as JSON Schema's ECMA 262 regexes are read).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  return Object.assign((log: unknown): boolean => validate(log), { errors: () => validate.errors });
}
