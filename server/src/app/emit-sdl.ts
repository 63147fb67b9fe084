// Writes schema/schema.graphql from the code; with --check, fails if the checked-in file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../common/config.js';
import { printSdl } from './graphql-schema.js';

const file = path.join(REPO_ROOT, 'schema', 'schema.graphql');
const sdl = await printSdl();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing file counts as stale
  }
  if (current !== sdl) {
    console.error('schema/schema.graphql is out of date: run `npm run schema:emit -w server` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is current.');
} else {
  writeFileSync(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
