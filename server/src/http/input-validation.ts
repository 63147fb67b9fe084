// Input validation at the edge: after GraphQL has parsed, validated and coerced an operation and
// before anything executes, every argument of every field in it (root or nested, fragments
// included) and every input field below them is held to common/input-rules.ts by its type.
// The first problem refuses the whole operation with BAD_USER_INPUT (HTTP 400), so bad input
// changes nothing and never reaches a query. HTTP (an Apollo plugin) and graphql-ws share it.
import type { ApolloServerPlugin } from '@apollo/server';
import type {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLInputType,
  GraphQLSchema,
  OperationDefinitionNode,
  ParseOptions,
  ValidationRule,
} from 'graphql';
import { graphqlRuntime } from '../common/graphql-runtime.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import {
  dateTimeProblem,
  idProblem,
  labelFor,
  listProblem,
  numberProblem,
  textProblem,
} from '../common/input-rules.js';
import { decodeCursor } from '../common/pagination.js';

const {
  BREAK,
  getArgumentValues,
  getOperationAST,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
} = graphqlRuntime;

const refuse = (field: string, message: string, reason?: string) => {
  const err = new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
  // Apollo takes the status from extensions.http and drops it from the response.
  Object.assign(err.extensions, { http: { status: 400 }, ...(reason ? { reason } : {}) });
  return err;
};

/** The problem with one value of one type, or null; recurses into lists and input objects. */
function check(type: GraphQLInputType, value: unknown, name: string, owner: string): DomainError | null {
  if (value === null || value === undefined) return null;
  const t = getNullableType(type);
  const label = labelFor(name, owner);
  if (isListType(t)) {
    const list = value as unknown[];
    const tooMany = listProblem(label, list);
    if (tooMany) return refuse(name, tooMany);
    for (const item of list) {
      const err = check(t.ofType, item, name, owner);
      if (err) return err;
    }
    return null;
  }
  if (isInputObjectType(t)) {
    for (const f of Object.values(t.getFields())) {
      const err = check(f.type, (value as Record<string, unknown>)[f.name], f.name, t.name);
      if (err) return err;
    }
    return null;
  }
  let problem: string | null = null;
  switch (getNamedType(t).name) {
    case 'String':
      problem = textProblem(name, label, value as string);
      if (!problem && name === 'after') {
        try {
          decodeCursor(value as string);
        } catch (err) {
          return refuse(name, (err as Error).message);
        }
      }
      break;
    case 'ID':
      problem = textProblem(name, label, value as string) ?? idProblem(label, value as string);
      break;
    case 'DateTime':
      problem = dateTimeProblem(label, value as Date);
      break;
    case 'Int':
    case 'Float':
      problem = numberProblem(name, label, value as number);
      break;
  }
  return problem ? refuse(name, problem) : null;
}

/** The first input problem in an operation, or null (also when GraphQL will refuse it anyway). */
export function inputProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): DomainError | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  // Variables that do not fit their types are GraphQL's to refuse, with its own message.
  if (coerced.errors) return null;
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  const typeInfo = new TypeInfo(schema);
  let found: DomainError | null = null;
  visit(
    { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const def = typeInfo.getFieldDef();
        if (!def?.args.length) return;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(def, node, coerced.coerced);
        } catch {
          return; // a fragment of another operation, or a value execution will refuse itself
        }
        for (const a of def.args) {
          found = check(a.type, args[a.name], a.name, def.name);
          if (found) return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

/**
 * The Apollo side: refuses bad input, and subscriptions, which only run over graphql-ws (over
 * POST they have no event stream and used to fail inside the resolver).
 */
export function inputValidationPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw refuse(
              'subscription',
              '实时订阅请通过 WebSocket（graphql-ws）连接 /graphql，不能用 HTTP 请求。',
              'SUBSCRIPTION_OVER_HTTP',
            );
          }
          const problem = inputProblem(schema, document, operation, request.variables);
          if (problem) throw problem;
        },
      };
    },
  };
}

/**
 * The graphql-ws side (`onSubscribe`): the same parse limits, validation rules and input checks as
 * HTTP, so a WebSocket is no way around them. Errors go back on the operation, not as a closed socket.
 */
export function wsOperationArgs(schema: GraphQLSchema, rules: readonly ValidationRule[], parseOptions: ParseOptions) {
  return (payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null }) => {
    let document: DocumentNode;
    try {
      document = parse(payload.query, parseOptions);
    } catch (err) {
      return [
        new GraphQLError(`请求格式有误：${(err as Error).message}`, {
          extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'GRAPHQL_PARSE_FAILED' },
        }),
      ];
    }
    const invalid = validate(schema, document, [...specifiedRules, ...rules]);
    if (invalid.length)
      return invalid.map(
        (e) =>
          new GraphQLError(`请求格式有误：${e.message}`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, reason: 'GRAPHQL_VALIDATION_FAILED' },
          }),
      );
    const operation = getOperationAST(document, payload.operationName);
    if (!operation)
      return [new GraphQLError('请求里没有要执行的操作。', { extensions: { code: ErrorCode.BAD_USER_INPUT } })];
    const problem = inputProblem(schema, document, operation, payload.variables ?? undefined);
    if (problem)
      return [
        new GraphQLError(problem.message, {
          extensions: { code: ErrorCode.BAD_USER_INPUT, details: problem.extensions.details },
        }),
      ];
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
  };
}
