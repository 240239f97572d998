// Generates the console's API types from the OpenAPI documents the services write when they are built
// (<service>/target/openapi/openapi.yaml). Run by `npm run build`, so a change of the API that breaks the
// console breaks the build (tsc then fails on the console's code).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const out = resolve(here, '..', 'src', 'api', 'generated');
mkdirSync(out, { recursive: true });

for (const service of ['inventory', 'allocation', 'shipment']) {
  const doc = resolve(root, `${service}-service`, 'target', 'openapi', 'openapi.yaml');
  if (!existsSync(doc)) {
    console.error(`gen-api: ${doc} is missing: build ${service}-service first (./mvnw package -DskipTests -pl ${service}-service)`);
    process.exit(1);
  }
  const ast = await openapiTS(new URL(`file://${doc}`));
  writeFileSync(resolve(out, `${service}.d.ts`), `// Generated from ${service}-service's OpenAPI document by scripts/gen-api.mjs. Do not edit.\n` + astToString(ast));
  console.log(`gen-api: ${service} types written`);
}
