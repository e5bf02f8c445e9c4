/** The shipped `schema.json`, compiled once for the tests that validate JSON and NDJSON against it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { REPO_ROOT } from './corpus.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv2020({ strict: true, allErrors: true });

/** Validates a whole archive's JSON (`toJson`, parsed). */
export const validateArchive: ValidateFunction = ajv.compile(schema);

/** Validates one NDJSON line (`WxrEntry`, parsed). */
export const validateEntry: ValidateFunction = ajv.getSchema(`${schema.$id}#/$defs/WxrEntry`) as ValidateFunction;

/** The errors of the last validation as one line, for assertion messages. */
export const schemaErrors = (v: ValidateFunction): string => ajv.errorsText(v.errors);
