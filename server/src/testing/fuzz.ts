// Fuzz cases generated from the executable schema: for every Query and Mutation root field, one
// request per (argument leaf × hostile value), plus alias and depth floods. A case carries what
// the server must answer: `edge` cases are input no service should ever see (NUL, control
// characters, lone surrogates, 100 KB text, malformed ids, dates and cursors), so they must come
// back BAD_USER_INPUT; the others (boundary numbers, empty strings, wrong types) may get any typed
// code, but never an internal error.
import { randomUUID } from 'node:crypto';
import type { GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { graphqlRuntime } from '../common/graphql-runtime.js';

const {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} = graphqlRuntime;

export type RootKind = 'Query' | 'Mutation';

export interface FuzzCase {
  kind: RootKind;
  field: string;
  /** What was changed, e.g. `input.name: NUL`. */
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** True when the value must be refused at the edge with BAD_USER_INPUT. */
  edge: boolean;
  /** What the refusal's message must look like, where the edge writes it. */
  message?: RegExp;
}

/** Realistic values the baseline arguments start from, keyed by `field.arg`, then by arg name. */
export type Fixtures = Record<string, unknown>;

interface Hostile {
  label: string;
  value: unknown;
  edge: boolean;
  /** The refusal must name the field in Chinese: 「姓名」含有不可见字符… */
  message?: RegExp;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
// A Chinese field label in 「」, then what is wrong with it.
const named = (what: string) => new RegExp(`^「[^」A-Za-z]+」${what}`);

const TEXT: Hostile[] = [
  { label: 'empty', value: '', edge: false },
  { label: '100 KB', value: '长'.repeat(100_000), edge: true, message: named('太长了') },
  { label: 'NUL', value: 'a\u0000b', edge: true, message: named('含有不可见字符') },
  { label: 'control', value: 'a\u0001\u001b[31m\u007f\u0085b', edge: true, message: named('含有不可见字符') },
  { label: 'lone surrogate', value: 'a\ud800b\udfff', edge: true, message: named('含有无法识别的字符') },
  { label: 'wrong type', value: 42, edge: true },
];

const ID: Hostile[] = [
  { label: 'empty', value: '', edge: true, message: named('格式不对') },
  { label: 'not a uuid', value: "1' OR '1'='1", edge: true, message: named('格式不对') },
  { label: 'NUL', value: `${randomUUID()}\u0000`, edge: true, message: named('含有不可见字符') },
  { label: '100 KB', value: 'f'.repeat(100_000), edge: true, message: named('太长了') },
  { label: 'integer', value: 123, edge: true, message: named('格式不对') },
  { label: 'unknown uuid', value: randomUUID(), edge: false },
  { label: 'wrong type', value: [randomUUID()], edge: true },
];

const INT: Hostile[] = [
  { label: 'zero', value: 0, edge: false },
  { label: '-1', value: -1, edge: false },
  { label: 'INT_MAX', value: 2_147_483_647, edge: false },
  { label: 'INT_MIN', value: -2_147_483_648, edge: false },
  { label: 'INT_MAX + 1', value: 2_147_483_648, edge: true },
  { label: 'fraction', value: 1.5, edge: true },
];

const FLOAT: Hostile[] = [
  { label: 'huge', value: 1e308, edge: true, message: named('须在') },
  { label: '-huge', value: -1e308, edge: true, message: named('须在') },
  { label: 'zero', value: 0, edge: false },
  { label: 'string', value: 'NaN', edge: true },
];

const DATE_TIME: Hostile[] = [
  { label: 'year 0000', value: '0000-01-01T00:00:00Z', edge: true, message: named('须在') },
  { label: 'year 9999', value: '9999-12-31T23:59:59Z', edge: true, message: named('须在') },
  { label: 'Feb 30', value: '2026-02-30T00:00:00Z', edge: true },
  { label: 'number', value: 0, edge: true },
  { label: 'garbage', value: 'tomorrow\u0000', edge: true },
];

const OTHER: Record<string, Hostile[]> = {
  Boolean: [{ label: 'string', value: 'true', edge: true }],
  enum: [
    { label: 'unknown value', value: 'NOT_A_VALUE', edge: true },
    { label: 'NUL', value: 'A\u0000', edge: true },
  ],
};

/** Crafted cursors: wrong prefix, NUL, non-uuid ids, base64 noise; a well-formed unknown one too. */
const badCursor = /^分页游标无效/;
const CURSOR: Hostile[] = [
  { label: 'cursor with NUL', value: b64(`c:${randomUUID()}\u0000`), edge: true, message: badCursor },
  { label: 'cursor, not an id', value: b64("c:' OR 1=1 --"), edge: true, message: badCursor },
  { label: 'cursor, wrong prefix', value: b64(`x:${randomUUID()}`), edge: true, message: badCursor },
  { label: 'cursor, not base64', value: '!!!!****', edge: true, message: badCursor },
  { label: 'cursor, huge id', value: b64(`c:${'f'.repeat(1_000)}`), edge: true, message: badCursor },
  { label: 'cursor, unknown id', value: b64(`c:${randomUUID()}`), edge: false },
];

const LIST: Hostile[] = [
  { label: 'empty list', value: [], edge: false },
  { label: '5000 items', value: null /* filled per element type */, edge: true, message: named('最多') },
];

function hostileFor(named: GraphQLNamedType, argName: string): Hostile[] {
  if (argName === 'after') return [...CURSOR, ...TEXT.filter((t) => t.label.startsWith('wrong'))];
  if (isEnumType(named)) return OTHER.enum!;
  switch (named.name) {
    case 'String':
      return TEXT;
    case 'ID':
      return ID;
    case 'Int':
      return INT;
    case 'Float':
      return FLOAT;
    case 'DateTime':
      return DATE_TIME;
    default:
      return OTHER[named.name] ?? [];
  }
}

/** A plausible value of the type: fixtures first, else a generic one. */
function baseline(type: GraphQLInputType, path: string[], field: string, fx: Fixtures, now: Date): unknown {
  const name = path[path.length - 1]!;
  const fixed = fx[`${field}.${path.join('.')}`] ?? fx[`${field}.${name}`] ?? fx[name];
  if (fixed !== undefined) return fixed;
  const t = getNullableType(type);
  if (isListType(t)) return [baseline(t.ofType, path, field, fx, now)];
  if (isInputObjectType(t)) {
    return Object.fromEntries(
      Object.values(t.getFields()).map((f) => [f.name, baseline(f.type, [...path, f.name], field, fx, now)]),
    );
  }
  if (isEnumType(t)) return t.getValues()[0]!.value;
  switch ((t as GraphQLNamedType).name) {
    case 'String':
      return '测试';
    case 'ID':
      return randomUUID();
    case 'Int':
      return 1;
    case 'Float':
      return 0;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date(now.getTime() + 86_400_000).toISOString();
    default:
      return null;
  }
}

/** Every leaf of an argument: its path below the argument and its type. */
function leaves(type: GraphQLInputType, path: string[]): { path: string[]; type: GraphQLInputType }[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return [{ path, type }];
  return Object.values(named.getFields()).flatMap((f) => leaves(f.type, [...path, f.name]));
}

const setAt = (root: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> => {
  const copy = structuredClone(root);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = (Array.isArray(next) ? next[0] : next) as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
  return copy;
};

/** A small selection: `__typename` is enough to make the resolver run. */
const selection = (field: GraphQLField<unknown, unknown>) =>
  isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';

/** `query Fuzz($a: T…) { r: field(a: $a…) { … } }`, the field under `aliases` names. */
function operation(
  kind: RootKind,
  field: GraphQLField<unknown, unknown>,
  aliases = ['r'],
  select = selection(field),
): string {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const call = `${field.name}${args ? `(${args})` : ''}${select}`;
  return `${kind.toLowerCase()} Fuzz${defs ? `(${defs})` : ''} { ${aliases.map((a) => `${a}: ${call}`).join(' ')} }`;
}

/** Follows object fields without required arguments until `depth` levels, if a cycle allows it. */
function deepSelection(type: GraphQLObjectType, depth: number, seen = 0): string | null {
  if (depth === 0) return '__typename';
  for (const f of Object.values(type.getFields())) {
    const next = getNamedType(f.type);
    if (!isObjectType(next) || f.args.some((a) => isNonNullType(a.type))) continue;
    if (seen > 40) return null;
    const inner = deepSelection(next, depth - 1, seen + 1);
    if (inner) return `${f.name} { ${inner} }`;
  }
  return null;
}

export function rootFields(schema: GraphQLSchema): { kind: RootKind; field: GraphQLField<unknown, unknown> }[] {
  return (['Query', 'Mutation'] as const).flatMap((kind) => {
    const type = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(type?.getFields() ?? {}).map((field) => ({ kind, field }));
  });
}

/** All cases for one root field. */
export function casesFor(kind: RootKind, field: GraphQLField<unknown, unknown>, fx: Fixtures, now: Date): FuzzCase[] {
  const query = operation(kind, field);
  const base = Object.fromEntries(field.args.map((a) => [a.name, baseline(a.type, [a.name], field.name, fx, now)]));
  const out: FuzzCase[] = [];
  const add = (label: string, h: Pick<Hostile, 'edge' | 'message'>, variables: Record<string, unknown>, q = query) =>
    out.push({ kind, field: field.name, label, query: q, variables, edge: h.edge, message: h.message });
  for (const arg of field.args) {
    for (const leaf of leaves(arg.type, [arg.name])) {
      const at = leaf.path.join('.');
      const inList = isListType(getNullableType(leaf.type));
      for (const h of hostileFor(getNamedType(leaf.type), leaf.path[leaf.path.length - 1]!))
        add(`${at}: ${h.label}`, h, setAt(base, leaf.path, inList ? [h.value] : h.value));
      if (inList) {
        const element = (baseline(leaf.type, leaf.path, field.name, fx, now) as unknown[])[0];
        for (const h of LIST) add(`${at}: ${h.label}`, h, setAt(base, leaf.path, h.value ?? Array(5000).fill(element)));
      }
      // A required leaf sent as null is refused by GraphQL itself.
      if (isNonNullType(leaf.type)) add(`${at}: null`, { edge: true }, setAt(base, leaf.path, null));
    }
    const input = getNamedType(arg.type);
    if (isInputObjectType(input)) {
      add(
        `${arg.name}: empty object`,
        { edge: Object.values(input.getFields()).some((f) => isNonNullType(f.type)) },
        { ...base, [arg.name]: {} },
      );
      add(
        `${arg.name}: unknown field`,
        { edge: true },
        { ...base, [arg.name]: { ...(base[arg.name] as object), bogus: 1 } },
      );
      add(`${arg.name}: wrong type`, { edge: true }, { ...base, [arg.name]: '\u0000' });
    }
  }
  // Floods: more aliases than allowed, and (where the types have a cycle) a selection too deep.
  add(
    'alias flood',
    { edge: true },
    base,
    operation(
      kind,
      field,
      Array.from({ length: 25 }, (_, i) => `a${i}`),
    ),
  );
  const ret = getNamedType(field.type);
  const deep = isObjectType(ret) ? deepSelection(ret, 14) : null;
  if (deep) add('depth flood', { edge: true }, base, operation(kind, field, ['r'], ` { ${deep} }`));
  return out;
}
