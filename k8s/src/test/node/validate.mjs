// Validates rendered Kubernetes manifests against the Kubernetes OpenAPI schemas (npm
// kubernetes-models) and the CloudNativePG CRD schemas (@kubernetes-models/cloudnative-pg), offline.
//
//   node validate.mjs <tool-dir> <rendered.yaml>...
//
// <tool-dir> is where install-tools.sh put node_modules. Prints one JSON object on stdout:
//   {"files":[{"file", "documents", "kinds": {"apps/v1/Deployment": 3, ...}, "errors": [...]}]}
// and exits 1 if any document is invalid, has no apiVersion/kind, or is of a kind no schema
// package knows (an unknown kind is an error, never a silent pass).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [toolDir, ...files] = process.argv.slice(2);
if (!toolDir || files.length === 0) {
  console.error('usage: node validate.mjs <tool-dir> <rendered.yaml>...');
  process.exit(2);
}
const modules = join(toolDir, 'node_modules');
const load = (path) => import(pathToFileURL(path).href);
const YAML = await load(join(modules, 'yaml', 'dist', 'index.js'));

// apiVersion "group/version" (or "version" for the core group) -> where the model class lives
const PACKAGES = [
  { groups: (g) => g === 'postgresql.cnpg.io', dir: join(modules, '@kubernetes-models', 'cloudnative-pg') },
  { groups: () => true, dir: join(modules, 'kubernetes-models') },
];

async function modelFor(apiVersion, kind) {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const pkg = PACKAGES.find((p) => p.groups(group));
  // the packages lay their models out as <group>/<version>/<Kind>.js, the core group as <version>/<Kind>.js
  const file = group === ''
    ? join(pkg.dir, version, `${kind}.js`)
    : join(pkg.dir, group, version, `${kind}.js`);
  if (!/^[A-Za-z0-9.]+$/.test(apiVersion.replace('/', '')) || !/^[A-Za-z0-9]+$/.test(kind) || !existsSync(file)) {
    return null;
  }
  const mod = await load(file);
  return mod[kind] ?? null;
}

const report = { files: [] };
let failed = false;
for (const file of files) {
  const entry = { file, documents: 0, kinds: {}, errors: [] };
  report.files.push(entry);
  let docs;
  try {
    docs = YAML.parseAllDocuments(readFileSync(file, 'utf8'));
  } catch (e) {
    entry.errors.push(`cannot read ${file}: ${e.message}`);
    failed = true;
    continue;
  }
  for (const [i, doc] of docs.entries()) {
    if (doc.errors.length > 0) {
      entry.errors.push(`document ${i}: YAML error: ${doc.errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue; // an empty document between two "---"
    entry.documents++;
    const name = `document ${i} (${obj.kind ?? '?'} ${obj.metadata?.name ?? '?'})`;
    if (typeof obj.apiVersion !== 'string' || typeof obj.kind !== 'string') {
      entry.errors.push(`${name}: no apiVersion or kind`);
      continue;
    }
    const Model = await modelFor(obj.apiVersion, obj.kind);
    if (Model === null) {
      entry.errors.push(`${name}: unknown kind ${obj.apiVersion}/${obj.kind}: no schema to validate it against`);
      continue;
    }
    try {
      new Model(obj).validate();
      const key = `${obj.apiVersion}/${obj.kind}`;
      entry.kinds[key] = (entry.kinds[key] ?? 0) + 1;
    } catch (e) {
      const details = (e.errors ?? []).map((x) => `${x.instancePath || '/'} ${x.message}`);
      entry.errors.push(`${name}: ${details.length ? details.join('; ') : e.message}`);
    }
  }
  if (entry.errors.length > 0) failed = true;
}
console.log(JSON.stringify(report));
process.exit(failed ? 1 : 0);
