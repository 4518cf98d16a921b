/**
 * fast-check arbitraries for any schema of the OpenAPI document: whatever the contract
 * allows, the odd corners included (empty strings, integers up to 2^53, dates from 0000 to
 * 9999, empty and long lists, every permission refused with made-up reasons). Generated
 * from the document the server publishes, so a new field or rule is generated as soon as
 * the contract has it.
 *
 * Covers the JSON Schema that zod writes for the contract: $ref, anyOf, const, enum,
 * type (or a list of types), pattern, min/maxLength, minimum/maximum, items, min/maxItems,
 * properties, required and additionalProperties.
 */
import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  type?: string | string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

export interface ArbitraryOptions {
  /** Longest list generated where the schema sets no limit (answers, comments, tags). */
  maxItems?: number;
}

/** Arbitraries for the schemas of one document, resolving `#/components/schemas/…`. */
export function arbitraries(
  components: Record<string, JsonSchema>,
  options: ArbitraryOptions = {},
) {
  const maxItems = options.maxItems ?? 8;
  const named = new Map<string, fc.Arbitrary<unknown>>();

  const of = (schema: JsonSchema): fc.Arbitrary<unknown> => {
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      let arbitrary = named.get(name);
      if (!arbitrary) {
        const target = components[name];
        if (!target) throw new Error(`No schema ${schema.$ref}`);
        // Built on first use (so a schema may refer to itself), then kept.
        let built: fc.Arbitrary<unknown> | undefined;
        arbitrary = fc.constant(null).chain(() => (built ??= of(target)));
        named.set(name, arbitrary);
      }
      return arbitrary;
    }
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return fc.oneof(...choices.map(of));
    if ('const' in schema) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (Array.isArray(schema.type)) {
      return fc.oneof(...schema.type.map((type) => of({...schema, type})));
    }
    switch (schema.type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return integer(schema);
      case 'number':
        return fc.double({min: schema.minimum, max: schema.maximum, noNaN: true});
      case 'string':
        return string(schema);
      case 'array':
        return fc.array(of(schema.items ?? {}), {
          minLength: schema.minItems ?? 0,
          maxLength: schema.maxItems ?? Math.max(schema.minItems ?? 0, maxItems),
        });
      case 'object':
        return object(schema);
      default:
        return fc.jsonValue();
    }
  };

  const object = (schema: JsonSchema) => {
    const required = new Set(schema.required ?? []);
    const fields = Object.entries(schema.properties ?? {});
    const record = fc.record(
      Object.fromEntries(fields.map(([name, property]) => [name, of(property)])),
      {requiredKeys: fields.map(([name]) => name).filter((name) => required.has(name))},
    );
    const extra = schema.additionalProperties;
    if (!extra || extra === true) return record;
    return fc
      .tuple(record, fc.dictionary(fc.string({maxLength: 12}), of(extra), {maxKeys: 3}))
      .map(([known, more]) => ({...more, ...known}));
  };

  return of;
}

/** Integers, with the edges (0, ±1, the limits) more often than chance would pick them. */
function integer(schema: JsonSchema) {
  const min = Math.max(schema.minimum ?? Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const edges = [min, max, 0, 1, -1].filter((value) => value >= min && value <= max);
  return fc.oneof(
    {arbitrary: fc.integer({min: Math.max(min, -1000), max: Math.min(max, 1000)}), weight: 3},
    {arbitrary: fc.maxSafeInteger().filter((value) => value >= min && value <= max), weight: 1},
    {arbitrary: fc.constantFrom(...edges), weight: 1},
  );
}

function string(schema: JsonSchema) {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength;
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((value) => value.length >= minLength && value.length <= (maxLength ?? Infinity));
  }
  // Mostly readable text, sometimes any code points (emoji, right-to-left, control).
  return fc.oneof(
    {arbitrary: fc.string({minLength, maxLength: maxLength ?? 40}), weight: 3},
    {
      // Lengths in UTF-16 units, as the contract counts them.
      arbitrary: fc
        .string({unit: 'grapheme', minLength, maxLength: maxLength ?? 40})
        .filter((value) => value.length >= minLength && value.length <= (maxLength ?? Infinity)),
      weight: 1,
    },
  );
}
