/**
 * Request validation. Bodies are validated strictly (no type coercion, unknown fields rejected);
 * query strings and path params are coerced from strings, as they can only be strings on the wire.
 */
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';

function makeAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, strict: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

interface ValidationFunction {
  (data: unknown): boolean;
  errors?: FastifySchemaValidationError[] | null;
}

const DECIMAL_INTEGER = /^\d+$/;

/**
 * Ajv's coercion would read "1e3", "1.0" or " 7" as integers; on the wire an integer parameter is
 * plain decimal digits, so anything else is refused before coercion.
 */
function strictIntegers(schema: { properties?: Record<string, { type?: unknown }> }, validate: ValidationFunction): ValidationFunction {
  const integerKeys = Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.type === 'integer')
    .map(([key]) => key);
  if (integerKeys.length === 0) return validate;
  const wrapped: ValidationFunction = (data) => {
    const values = (data ?? {}) as Record<string, unknown>;
    const bad = integerKeys.find((key) => typeof values[key] === 'string' && !DECIMAL_INTEGER.test(values[key]));
    if (bad !== undefined) {
      wrapped.errors = [{ instancePath: `/${bad}`, schemaPath: `#/properties/${bad}/type`, keyword: 'type', params: { type: 'integer' }, message: 'must be an integer' }];
      return false;
    }
    const valid = validate(data);
    wrapped.errors = (validate.errors as FastifySchemaValidationError[] | null | undefined) ?? null;
    return valid;
  };
  return wrapped;
}

/**
 * A validator compiled by the first request that needs it, not at start-up: compiling every
 * route's schemas took a tenth of the time to ready, and most routes are not called in a
 * process's first seconds (bench/README.md, process). Every route is exercised by the tests.
 */
function compiledOnFirstUse(compile: () => ValidationFunction): ValidationFunction {
  let validate: ValidationFunction | undefined;
  const lazy: ValidationFunction = (data) => {
    validate ??= compile();
    const valid = validate(data);
    lazy.errors = validate.errors ?? null;
    return valid;
  };
  return lazy;
}

export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const bodyAjv = makeAjv({ coerceTypes: false });
  const paramsAjv = makeAjv({ coerceTypes: 'array' });
  return ({ schema, httpPart }) =>
    compiledOnFirstUse(() =>
      httpPart === 'body' ? bodyAjv.compile(schema as object) : strictIntegers(schema as object, paramsAjv.compile(schema as object)),
    );
}
