// Inspections with rectification (003 四(一) 强化对实施过程的督促检查; 四(三) 构建服务质量监控体系): the
// civil-affairs bureau inspects a facility, writes what it found and a deadline to put it right, and
// records the day it was put right. Whether a rectification is open, overdue or late is read against
// the app clock's day; every inspection and rectification is audited and feeds the star rating.
import { type Actor, authorize } from '../auth/index.js';
import { audit } from '../audit/index.js';
import { calendarDay, todayInShanghai } from '../common/calendar.js';
import { ErrorCode, badInput, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { lockFacility } from './facilities.store.js';

export type RectificationStatus = 'NONE_REQUIRED' | 'OPEN' | 'OVERDUE' | 'RECTIFIED' | 'RECTIFIED_LATE';

export interface InspectionRow {
  id: string;
  facilityId: string;
  inspectedOn: Date;
  grade: string | null;
  findings: string | null;
  rectifyBy: Date | null;
  rectifiedOn: Date | null;
}

const ymd = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;

/** Where the rectification stands on `today` (YYYY-MM-DD, Asia/Shanghai). */
export function rectificationStatus(i: InspectionRow, today: string): RectificationStatus {
  if (!i.findings) return 'NONE_REQUIRED';
  const by = ymd(i.rectifyBy)!;
  if (i.rectifiedOn) return ymd(i.rectifiedOn)! > by ? 'RECTIFIED_LATE' : 'RECTIFIED';
  return today > by ? 'OVERDUE' : 'OPEN';
}

export const presentInspection = (i: InspectionRow, now: Date) => ({
  ...i,
  inspectedOn: ymd(i.inspectedOn)!,
  rectifyBy: ymd(i.rectifyBy),
  rectifiedOn: ymd(i.rectifiedOn),
  rectification: rectificationStatus(i, todayInShanghai(now)),
});

async function facilityFor(prisma: PrismaClient, actor: Actor, action: 'inspectFacility', facilityId: string) {
  const grant = authorize(actor, action);
  const f = await prisma.facility.findUnique({ where: { id: facilityId }, include: { community: true } });
  if (!f) return fail(ErrorCode.NOT_FOUND, '没有找到这个设施。');
  authorize(grant.actor, action, { regionPath: f.community.path });
  return f;
}

export interface InspectFacility {
  facilityId: string;
  inspectedOn: string;
  findings?: string | null;
  rectifyBy?: string | null;
  grade?: string | null;
}

/** Records an inspection; findings need a rectification deadline on or after the inspection. */
export async function inspectFacility(prisma: PrismaClient, actor: Actor, input: InspectFacility, now: Date) {
  const f = await facilityFor(prisma, actor, 'inspectFacility', input.facilityId);
  const today = todayInShanghai(now);
  const on = calendarDay('inspectedOn', input.inspectedOn, '检查日期');
  if (input.inspectedOn > today) throw badInput('inspectedOn', '检查日期不能晚于今天。');
  const findings = input.findings?.trim() || null;
  if (findings && (findings.length < 2 || findings.length > 1000))
    throw badInput('findings', '检查发现的问题请写 2 到 1000 个字。');
  if (!findings && input.rectifyBy) throw badInput('rectifyBy', '没有发现问题时不设整改期限。');
  if (findings && !input.rectifyBy) throw badInput('rectifyBy', '发现问题须写明整改期限。');
  const by = input.rectifyBy ? calendarDay('rectifyBy', input.rectifyBy, '整改期限') : null;
  if (by && input.rectifyBy! < input.inspectedOn) throw badInput('rectifyBy', '整改期限不能早于检查日期。');
  const grade = input.grade?.trim() || null;
  if (grade && grade.length > 20) throw badInput('grade', '检查等次不超过 20 个字。');
  const row = await prisma.$transaction(async (tx) => {
    await lockFacility(tx, f.id);
    const i = await tx.facilityInspection.create({
      data: { facilityId: f.id, inspectedOn: on, findings, rectifyBy: by, grade, inspectorId: actor.userId },
    });
    await audit(tx, actor, {
      action: 'FACILITY_INSPECTED',
      entity: 'FacilityInspection',
      entityId: i.id,
      detail: { facilityId: f.id, inspectedOn: input.inspectedOn, findings, rectifyBy: input.rectifyBy ?? null },
    });
    return i;
  });
  return presentInspection(row, now);
}

/** Records the day the findings were put right; once only, not before the inspection nor after today. */
export async function recordRectification(
  prisma: PrismaClient,
  actor: Actor,
  input: { inspectionId: string; rectifiedOn: string },
  now: Date,
) {
  const grant = authorize(actor, 'recordRectification');
  const on = calendarDay('rectifiedOn', input.rectifiedOn, '整改完成日期');
  const found = await prisma.facilityInspection.findUnique({
    where: { id: input.inspectionId },
    include: { facility: { include: { community: true } } },
  });
  if (!found) return fail(ErrorCode.NOT_FOUND, '没有找到这次检查。');
  authorize(grant.actor, 'recordRectification', { regionPath: found.facility.community.path });
  if (input.rectifiedOn > todayInShanghai(now)) throw badInput('rectifiedOn', '整改完成日期不能晚于今天。');
  if (input.rectifiedOn < ymd(found.inspectedOn)!) throw badInput('rectifiedOn', '整改完成日期不能早于检查日期。');
  const row = await prisma.$transaction(async (tx) => {
    await lockFacility(tx, found.facilityId);
    const cur = await tx.facilityInspection.findUniqueOrThrow({ where: { id: found.id } });
    if (!cur.findings) fail(ErrorCode.INVALID_STATE, '这次检查没有发现问题，不需要整改。');
    if (cur.rectifiedOn) fail(ErrorCode.INVALID_STATE, `这次检查的问题已于 ${ymd(cur.rectifiedOn)} 整改完成。`);
    const i = await tx.facilityInspection.update({ where: { id: cur.id }, data: { rectifiedOn: on } });
    await audit(tx, actor, {
      action: 'FACILITY_RECTIFIED',
      entity: 'FacilityInspection',
      entityId: i.id,
      detail: { facilityId: i.facilityId, rectifiedOn: input.rectifiedOn, rectifyBy: ymd(i.rectifyBy) },
    });
    return i;
  });
  return presentInspection(row, now);
}

/** A facility's inspections, newest first (the caller already holds the facility in scope). */
export async function inspectionsOf(prisma: PrismaClient, facilityId: string, now: Date) {
  const rows = await prisma.facilityInspection.findMany({
    where: { facilityId },
    orderBy: [{ inspectedOn: 'desc' }, { id: 'desc' }],
  });
  return rows.map((r) => presentInspection(r, now));
}
