// The stored programme document is parsed, not trusted: read once per version of the row, and a
// row that no longer matches the schema is refused with the programme's code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPolicies } from '../catalogue/catalogue.service.js';
import { freshDatabase } from '../testing/harness.js';
import { loadProgrammes } from '../testing/programmes.js';
import { huangpi2020 } from './documents/huangpi-2020.js';
import { parsePolicyDocument } from './policy.schema.js';
import {
  InvalidPolicyDocumentError,
  POLICY_STAMP,
  loadPolicy,
  policyDocument,
  policyDocumentOf,
} from './policy.store.js';

let db: Awaited<ReturnType<typeof freshDatabase>>;
let policyId: string;

beforeAll(async () => {
  db = await freshDatabase();
  policyId = (await loadProgrammes(db)).huangpi.policyId;
});
afterAll(() => db?.close());

describe('policy store', () => {
  it('parses the stored document into the schema’s output, by code or id', async () => {
    const byCode = await loadPolicy(db.prisma, { code: 'HUANGPI_2020' });
    expect(byCode?.policy.id).toBe(policyId);
    expect(byCode?.doc).toEqual(parsePolicyDocument(huangpi2020));
    expect((await loadPolicy(db.prisma, { id: policyId }))?.doc).toBe(byCode?.doc);
    expect(await loadPolicy(db.prisma, { code: 'NO_SUCH' })).toBeNull();
  });

  it('parses a row once per version and again when the row changes', async () => {
    const first = (await loadPolicy(db.prisma, { id: policyId }))!;
    expect(policyDocument(await db.prisma.policy.findUniqueOrThrow({ where: { id: policyId } }))).toBe(first.doc);
    // The shared copy cannot be changed by one reader for the others.
    expect(() => {
      (first.doc.allowance.buckets[0] as { amount: number }).amount = 1;
    }).toThrow(TypeError);

    const renamed = { ...structuredClone(first.policy.document as object), name: '黄陂区居家养老服务（修订）' };
    await db.prisma.policy.update({ where: { id: policyId }, data: { document: renamed, version: { increment: 1 } } });
    const second = (await loadPolicy(db.prisma, { id: policyId }))!;
    expect(second.doc).not.toBe(first.doc);
    expect(second.doc.name).toBe('黄陂区居家养老服务（修订）');
    expect(first.doc.name).not.toBe(second.doc.name);
  });

  it('serves a row read without its document from the memo, and reads the document when the row changed', async () => {
    const stamp = () => db.prisma.policy.findUniqueOrThrow({ where: { id: policyId }, select: POLICY_STAMP });
    const known = (await loadPolicy(db.prisma, { id: policyId }))!;
    const before = db.stats.statements;
    expect(await policyDocumentOf(db.prisma, await stamp())).toBe(known.doc);
    // The stamp's own read, nothing more: the document came from the memo.
    expect(db.stats.statements - before).toBe(1);

    const renamed = { ...structuredClone(known.policy.document as object), name: '黄陂区居家养老服务（再修订）' };
    await db.prisma.policy.update({ where: { id: policyId }, data: { document: renamed, version: { increment: 1 } } });
    const changed = await stamp();
    const after = db.stats.statements;
    const doc = await policyDocumentOf(db.prisma, changed);
    expect(db.stats.statements - after).toBe(1);
    expect(doc.name).toBe('黄陂区居家养老服务（再修订）');
    // A stamp the memo does not match (a read that raced the update) reads the row as it is now.
    const stale = { ...changed, version: changed.version - 1 };
    expect((await policyDocumentOf(db.prisma, stale)).name).toBe('黄陂区居家养老服务（再修订）');
  });

  it('refuses a stored document that no longer parses, naming the programme and the problem', async () => {
    const row = await db.prisma.policy.findUniqueOrThrow({ where: { id: policyId } });
    const broken = structuredClone(row.document) as { serviceGuide: { items: { priceFen: number }[] } };
    broken.serviceGuide.items[0]!.priceFen = 10.5;
    // A hand edit of the JSON column: same version, later updatedAt.
    await db.prisma.policy.update({
      where: { id: policyId },
      data: { document: broken, updatedAt: new Date(row.updatedAt.getTime() + 1000) },
    });

    const refusal = loadPolicy(db.prisma, { id: policyId });
    await expect(refusal).rejects.toBeInstanceOf(InvalidPolicyDocumentError);
    await expect(loadPolicy(db.prisma, { id: policyId })).rejects.toThrow(
      /policy HUANGPI_2020: .*serviceGuide\.items\.0\.priceFen: money is integer fen/,
    );
    // Every reader goes through the store, so a service refuses too rather than computing on it.
    await expect(listPolicies(db.prisma)).rejects.toThrow(/HUANGPI_2020/);
  });
});
