// One code serves all five programmes (issue 21, "Done when"): no programme's name, code, region code or
// document id appears in a branch of the server's logic. Programme rules live in the policy documents
// (policies/documents/), demo data in seed/, and tests, test helpers and comments may name programmes;
// everywhere else a line that names one may not also branch on it (if, switch/case, a comparison, a
// ternary, includes/startsWith). The names come from the documents themselves, so a sixth programme is
// covered when it is added.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allPolicies } from './documents/index.js';

const SRC = path.resolve(import.meta.dirname, '..');
const EXCLUDED_DIRS = ['policies/documents', 'seed', 'testing', 'cli'];
const excluded = (rel: string) =>
  rel.endsWith('.test.ts') || rel.endsWith('.fixtures.ts') || EXCLUDED_DIRS.some((d) => rel.startsWith(`${d}/`));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The source without comments (line and block), keeping line numbers. */
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

/** What names a programme: its code, its region's code and name, its document number and source file. */
function programmeTokens(): string[] {
  const tokens = new Set<string>(['Huangpi', 'Yangcheng', 'Weihai', 'Luoyang', 'Dongxihu']);
  for (const p of allPolicies) {
    tokens.add(p.code);
    tokens.add(p.region.code);
    tokens.add(p.region.name.replace(/^.*?市(?=.+[区县])/, ''));
    tokens.add(p.sourceFile.replace(/\.txt$/, ''));
    if (p.documentNumber) tokens.add(p.documentNumber);
  }
  return [...tokens];
}

const BRANCH = /\bif\s*\(|\bswitch\s*\(|\bcase\s|[!=]==?|\?[^.?:]*:|\.includes\(|\.startsWith\(|\.endsWith\(/;

export function programmeBranches(): string[] {
  const tokens = programmeTokens().map((t) => t.toLowerCase());
  const found: string[] = [];
  for (const file of files(SRC)) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    if (excluded(rel)) continue;
    withoutComments(readFileSync(file, 'utf8'))
      .split('\n')
      .forEach((line, i) => {
        const lower = line.toLowerCase();
        const token = tokens.find((t) => lower.includes(t));
        if (token && BRANCH.test(line)) found.push(`${rel}:${i + 1} (${token}): ${line.trim()}`);
      });
  }
  return found;
}

describe('no programme in a branch of the logic', () => {
  it('knows every programme and what names it', () => {
    const tokens = programmeTokens();
    for (const t of [
      'HUANGPI_2020',
      'YANGCHENG_2026',
      'WEIHAI_2022',
      'LUOYANG_2013',
      'DONGXIHU_2024',
      '420112',
      '420116',
    ])
      expect(tokens).toContain(t);
  });

  it('finds a branch on a programme when there is one (the check can fail)', () => {
    const line = "if (doc.code === 'DONGXIHU_2024') return 0;";
    expect(BRANCH.test(line) && programmeTokens().some((t) => line.includes(t))).toBe(true);
    expect(withoutComments("const x = 1; // if (code === 'HUANGPI_2020')")).not.toMatch(/HUANGPI/);
  });

  it('finds none in the server source outside documents, seed data, tests and comments', () => {
    expect(programmeBranches()).toEqual([]);
  });
});
