// The graphql copy the schema is built with, for code that inspects schema types (TypeInfo,
// getArgumentValues, isListType…). Under vitest, `import 'graphql'` in our sources resolves to
// the ESM build while type-graphql and Apollo load the CommonJS one, and graphql's type checks
// refuse objects from the other copy ("from another module or realm"). Requiring it gives the
// libraries' copy in every runner; under plain Node both are the CommonJS build anyway.
import { createRequire } from 'node:module';

export const graphqlRuntime = createRequire(import.meta.url)('graphql') as typeof import('graphql');
