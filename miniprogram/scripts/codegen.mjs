// Types the mini-program's operations: the main package's and each staff page group's own file
// (so the staff subpackage's documents stay out of the main package). Extra arguments (--check)
// go to every run.
import { execFileSync } from 'node:child_process';

const PAIRS = [
  ['src/api/operations.graphql', 'src/api/generated.ts'],
  ['src/staff/caregiver/api/operations.graphql', 'src/staff/caregiver/api/generated.ts'],
  ['src/staff/dispatch/api/operations.graphql', 'src/staff/dispatch/api/generated.ts'],
  ['src/staff/worker/api/operations.graphql', 'src/staff/worker/api/generated.ts'],
];
for (const [ops, out] of PAIRS)
  execFileSync('npx', ['tsx', '../schema/codegen.ts', ops, out, ...process.argv.slice(2)], { stdio: 'inherit' });
