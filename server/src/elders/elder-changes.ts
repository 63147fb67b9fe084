// The change history of an elder's record (000 九 动态管理): who changed which fact, when, from what to
// what. Values are written to the audit log already masked where they are personal (ID number,
// phones), so the history never shows more than the masked form, whoever reads it.
import { type Actor, authorize } from '../auth/index.js';
import { maskPhone } from '../common/mask.js';
import { pageWindow, toConnection, type PageArgs } from '../common/pagination.js';
import type { PrismaClient } from '../db/prisma.js';
import { assertElderInScope } from './elders.service.js';

/** The Chinese name of each field the history shows. */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  idNumber: '身份证号',
  gender: '性别',
  birthDate: '出生日期',
  phone: '联系电话',
  community: '现居住社区（村）',
  hukouRegion: '户籍所在社区（村）',
  address: '现居住地址',
  coordinates: '住址定位',
  ethnicity: '民族',
  livingSituation: '居住情况',
  incomeSource: '收入情况',
  householdSize: '家庭人口',
  monthlyIncomeFen: '家庭人均月收入（分）',
  selfCareAbility: '自理能力',
  disabilityGrade: '残疾等级',
  flags: '老人情况',
  contacts: '监护人和紧急联系人',
};

export interface FieldChange {
  field: string;
  label: string;
  from: string | null;
  to: string | null;
}

export interface ContactFact {
  kind: 'GUARDIAN' | 'EMERGENCY';
  name: string;
  relation: string;
  phone: string;
}

const CONTACT_KIND: Record<string, string> = { GUARDIAN: '监护人', EMERGENCY: '紧急联系人' };

/** Contacts as the history shows them: kind, name, relation and a masked phone. */
export const contactsText = (list: readonly ContactFact[]): string | null =>
  list.length
    ? list.map((c) => `${CONTACT_KIND[c.kind]} ${c.name}（${c.relation}）${maskPhone(c.phone)}`).join('；')
    : null;

export const phoneText = (p: string | null | undefined) => (p ? maskPhone(p) : null);

/** One change, or nothing when the value stays the same. */
export function change(field: string, from: string | null, to: string | null): FieldChange[] {
  return from === to ? [] : [{ field, label: FIELD_LABELS[field] ?? field, from, to }];
}

interface ChangeRow {
  id: string;
  at: Date;
  action: string;
  actorRole: string | null;
  actor: { displayName: string } | null;
  detail: unknown;
}

const HISTORY_ACTIONS = [
  'ELDER_REGISTERED',
  'ELDER_UPDATED',
  'EXIT_SUGGESTED',
  'EXIT_SUGGESTION_CONFIRMED',
  'EXIT_SUGGESTION_DISMISSED',
  'EXIT_SUGGESTION_LAPSED',
  'ATTACHMENT_ADDED',
];

/** The elder's record history, newest first: officials covering the elder only. */
export async function elderChanges(prisma: PrismaClient, actor: Actor, elderId: string, page: PageArgs) {
  await assertElderInScope(prisma, authorize(actor, 'elderChanges'), elderId);
  const { take, afterId } = pageWindow(page);
  const where = { entity: 'Elder', entityId: elderId, action: { in: HISTORY_ACTIONS } };
  const [rows, totalCount] = await Promise.all([
    prisma.auditLog.findMany({
      where: afterId ? { ...where, id: { lt: afterId } } : where,
      orderBy: { id: 'desc' },
      take: take + 1,
      include: { actor: { select: { displayName: true } } },
    }),
    prisma.auditLog.count({ where }),
  ]);
  const shaped = (rows as ChangeRow[]).map((r) => {
    const d = (r.detail ?? {}) as { changes?: FieldChange[]; note?: string | null };
    return {
      id: r.id,
      at: r.at,
      action: r.action,
      actorRole: r.actorRole,
      actorName: r.actor?.displayName ?? null,
      changes: d.changes ?? [],
      note: d.note ?? null,
    };
  });
  return toConnection(shaped, take, totalCount);
}
