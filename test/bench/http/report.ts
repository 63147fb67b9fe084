// The bench's one table, and the growth lines.
import type { Measured } from './load.js';

export interface Row {
  scenario: string;
  yilian: Measured;
  postgraphile?: Measured;
  bare: Measured;
  /** What the ratio divides by, and the ratio the issue asks for. */
  against: 'PostGraphile' | 'bare';
  minRatio: number;
  maxStatements?: number;
}

const rps = (m?: Measured) => (m ? m.rps.toFixed(0) : 'n/a');
const ms = (m?: Measured) => (m ? String(Math.round(m.p99)) : 'n/a');
const per = (m?: Measured) => (m ? m.statementsPerRequest.toFixed(2) : 'n/a');

export function ratioOf(r: Row): number {
  const base = r.against === 'PostGraphile' ? r.postgraphile : r.bare;
  return base ? r.yilian.rps / base.rps : NaN;
}

export function met(r: Row): boolean {
  const fast = ratioOf(r) >= r.minRatio;
  return fast && (r.maxStatements === undefined || r.yilian.statementsPerRequest <= r.maxStatements);
}

export function table(rows: Row[]): string {
  const head = [
    'scenario',
    'Yilian req/s',
    'PostGraphile req/s',
    'bare req/s',
    'ratio',
    'p99 ms (Y / PG / bare)',
    'statements/request (Y / PG / bare)',
    'target',
    'met',
  ];
  const body = rows.map((r) => {
    const target =
      `>= ${r.minRatio.toFixed(2)}x ${r.against}` +
      (r.maxStatements === undefined ? '' : `, <= ${r.maxStatements} statements`);
    return [
      r.scenario,
      rps(r.yilian),
      rps(r.postgraphile),
      rps(r.bare),
      `${ratioOf(r).toFixed(2)}x ${r.against}`,
      `${ms(r.yilian)} / ${ms(r.postgraphile)} / ${ms(r.bare)}`,
      `${per(r.yilian)} / ${per(r.postgraphile)} / ${per(r.bare)}`,
      target,
      met(r) ? 'met' : 'not met',
    ];
  });
  return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function growth(label: string, points: { size: number; m: Measured }[]): string {
  const cells = points.map((p) => `${p.size}: ${p.m.rps.toFixed(0)} req/s, ${p.m.statementsPerRequest.toFixed(2)}`);
  return `${label} (Yilian req/s, statements/request): ${cells.join('; ')}`;
}
