// Writes the JSON Schemas of the report and of a JSON Lines record (schema/), from the zod types in src/render/json-contract.ts.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/render/json-contract';

for (const [name, schema] of Object.entries(jsonSchemas()))
  writeFileSync(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
