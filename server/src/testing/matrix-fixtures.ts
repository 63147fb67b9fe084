// The targets the authorization matrix (auth/permissions.matrix.test.ts) sends every operation at:
// four elders chosen so that each role has one in scope and others out of it (the family's own,
// another family's in the same community, another community of the street, another district),
// each with an order, an alert, an application with an objection, a complaint and a care call;
// plus settlements, notices and top-ups with owners, and what the scope rules look at in each
// (the facts), read back from the database the services read.
import { randomUUID } from 'node:crypto';
import { loadActor } from '../auth/auth.service.js';
import type { Actor } from '../auth/actor.js';
import { requestLoginCode } from '../auth/phone-login.service.js';
import { raiseAlert } from '../alerts/alerts.service.js';
import { monthInShanghai } from '../common/calendar.js';
import { shortRef } from '../common/refs.js';
import { policyDocument } from '../policies/policy.store.js';
import { DEMO_ACCOUNTS } from '../seed/seed.js';
import type { TestServer } from './harness.js';

/** A caller: a demo account, or nobody signed in. */
export interface Caller {
  key: string;
  token: string | null;
  actor: Actor | null;
  /** A phone with a fresh login code, for this caller's phoneLogin. */
  phone: { number: string; code: string };
}

export type ElderKey = 'own' | 'neighbour' | 'community' | 'district';

export const ELDER_TARGETS: Record<ElderKey, string> = {
  own: "the family's elder (百秀), the demo caregiver's visit",
  neighbour: "the demo elder: another family's elder in 百秀, another caregiver's visit",
  community: 'an elder of 双凤, another community of the street, an unassigned order',
  district: 'an elder of 阳城县, another district and provider',
};

export interface ElderFixture {
  key: ElderKey;
  elderId: string;
  communityId: string;
  communityCode: string;
  policyCode: string;
  serviceCode: string;
  /** A termination reason the elder's programme does not list, so a permitted call changes nothing. */
  unlistedReason: string;
  selfCareAbility: string;
  order: { id: string; ref: string; caregiverId: string };
  alert: { id: string; ref: string };
  application: { id: string; stageRole: string | undefined };
  objectionId: string;
  complaintId: string;
  callTaskId: string;
  /** An exit suggestion already dismissed, so a permitted confirm or dismiss stops at INVALID_STATE. */
  exitSuggestionId: string;
  /** An open exception (异常工单) on the elder's order. */
  exceptionId: string;
  /** A termination request already rejected, so a permitted review stops at INVALID_STATE. */
  terminationRequestId: string;
}

export interface Fixtures {
  now: Date;
  month: string;
  lastMonth: string;
  callers: Caller[];
  elders: ElderFixture[];
  settlements: { key: string; id: string; providerId: string; regionPath: string }[];
  notices: { key: string; id: string; userId: string }[];
  topUps: { key: string; id: string; payerUserId: string; elderId: string }[];
  /**
   * Each with its region, a caregiver who has left and a rectification already verified, so permitted calls stop at a
   * domain rule.
   */
  providers: {
    key: string;
    id: string;
    regionPath: string;
    leftCaregiverId: string;
    verifiedRectificationId: string;
  }[];
  /** An operating Huangpi canteen and a Luoyang day-care centre (issue 20), each with its community path. */
  facilities: { key: string; id: string; regionPath: string }[];
  botRoomId: string;
}

const lastMonthOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export async function buildFixtures(s: TestServer): Promise<Fixtures> {
  const p = s.db.prisma;
  const now = s.app.services.clock();
  const month = monthInShanghai(now);
  const user = (username: string) =>
    p.user.findUniqueOrThrow({ where: { username }, include: { region: true, caregiver: true } });
  const [family, elderUser, worker, worker2, ycWorker, providerAdmin, caregiverUser, bot] = await Promise.all(
    ['family', 'elder', 'worker', 'worker2', 'yc_worker', 'provider_admin', 'caregiver', 'bot'].map(user),
  );
  const firstLinked = await p.familyLink.findFirstOrThrow({
    where: { userId: family!.id },
    orderBy: { elderId: 'asc' },
  });
  const enrolledIn = (communityId: string) =>
    p.elder.findFirstOrThrow({
      where: { communityId, status: 'ENROLLED', family: { none: { userId: family!.id } }, selfUser: { is: null } },
      orderBy: { id: 'asc' },
    });
  const chosen: [ElderKey, string][] = [
    ['own', firstLinked.elderId],
    ['neighbour', elderUser!.elderId!],
    ['community', (await enrolledIn(worker2!.regionId!)).id],
    ['district', (await enrolledIn(ycWorker!.regionId!)).id],
  ];
  const p1 = providerAdmin!.providerId!;
  const p1Caregivers = await p.caregiver.findMany({ where: { providerId: p1 }, orderBy: { id: 'asc' } });
  const otherCaregiver = p1Caregivers.find((c) => c.id !== caregiverUser!.caregiver!.id && !c.userId)!;
  const spareCaregiver = p1Caregivers.find(
    (c) => c.id !== caregiverUser!.caregiver!.id && c.id !== otherCaregiver.id && !c.userId,
  )!;

  const elders: ElderFixture[] = [];
  for (const [key, elderId] of chosen) {
    const elder = await p.elder.findUniqueOrThrow({
      where: { id: elderId },
      include: { community: true, enrolments: { where: { status: 'ACTIVE' }, include: { policy: true } } },
    });
    const enrolment = elder.enrolments[0]!;
    const doc = policyDocument(enrolment.policy);
    const item = await p.serviceItem.findFirstOrThrow({
      where: { policyId: enrolment.policyId, active: true },
      orderBy: { code: 'asc' },
    });
    const zone = (
      await p.serviceZone.findMany({
        where: { policyId: enrolment.policyId },
        include: { regions: { include: { region: true } } },
      })
    ).find((z) => z.regions.some((r) => elder.community.path.startsWith(r.region.path)))!;
    const providerId = key === 'district' ? zone.providerId! : p1;
    const caregiverId =
      { own: caregiverUser!.caregiver!.id, neighbour: otherCaregiver.id, community: spareCaregiver.id, district: '' }[
        key
      ] || (await p.caregiver.findFirstOrThrow({ where: { providerId, userId: null }, orderBy: { id: 'asc' } })).id;
    const assigned = key !== 'community';
    const order = await p.order.create({
      data: {
        elderId,
        enrolmentId: enrolment.id,
        serviceItemId: item.id,
        providerId,
        caregiverId: assigned ? caregiverId : null,
        status: assigned ? 'ASSIGNED' : 'PLACED',
        quantity: 1,
        scheduledAt: new Date(now.getTime() + 86_400_000),
        channel: 'WORKER',
        placedById: worker!.id,
        amountFen: item.priceFen ?? 100,
        idempotencyKey: `matrix-${key}`,
        requestHash: 'matrix',
        createdAt: now,
      },
    });
    const alert = (await raiseAlert(p, { elderId, kind: 'MISSED_CONTACT', at: now }))!;
    const stages = doc.workflow.stages;
    const stage = stages.find((st) => st.stage === 'PUBLIC_NOTICE') ?? stages[0]!;
    const application = await p.application.create({
      data: {
        elderId,
        policyId: enrolment.policyId,
        category: enrolment.category,
        status: 'PENDING',
        stage: stage.stage,
        channel: 'WORKER',
        submittedById: worker!.id,
        noticeStartsAt: new Date(now.getTime() - 86_400_000),
        noticeEndsAt: new Date(now.getTime() + 6 * 86_400_000),
        createdAt: now,
      },
    });
    const objection = await p.applicationObjection.create({
      data: { applicationId: application.id, reason: '邻居反映家庭情况与申报不符', byName: '邻居', at: now },
    });
    const complaint = await p.complaint.create({
      data: {
        elderId,
        orderId: order.id,
        providerId,
        content: '护理员迟到了半个小时',
        filedById: family!.id,
        dueAt: new Date(now.getTime() + 48 * 3600_000),
        createdAt: now,
      },
    });
    const callTask = await p.callTask.create({
      data: { elderId, kind: 'PHONE_CARE', scheduledFor: now, dedupeKey: `matrix:${key}` },
    });
    const exception = await p.visitException.create({
      data: {
        orderId: order.id,
        providerId,
        month,
        reason: 'SHORT_VISIT',
        detail: '矩阵测试：实际服务 5 分钟，预约 60 分钟',
        createdAt: now,
      },
    });
    const listed = new Set(doc.terminationReasons.map((r) => r.reason));
    const suggestion = await p.exitSuggestion.create({
      data: {
        elderId,
        enrolmentId: enrolment.id,
        reason: 'NO_LONGER_ELIGIBLE',
        explanation: '矩阵测试：已驳回的退出建议',
        status: 'DISMISSED',
        createdAt: now,
        decidedAt: now,
        decisionNote: '经核实仍符合条件',
      },
    });
    const termination = await p.terminationRequest.create({
      data: {
        enrolmentId: enrolment.id,
        elderId,
        reason: 'NO_LONGER_ELIGIBLE',
        status: 'REJECTED',
        stage: 'COMMUNITY_REVIEW',
        requestedById: worker!.id,
        requestedAt: now,
        decidedAt: now,
      },
    });
    elders.push({
      key,
      elderId,
      communityId: elder.communityId,
      communityCode: elder.community.code,
      policyCode: enrolment.policy.code,
      serviceCode: item.code,
      unlistedReason: ['CASHED_OUT', 'GAVE_UP', 'MISSING', 'MOVED_HUKOU'].find((r) => !listed.has(r as never))!,
      selfCareAbility: elder.selfCareAbility,
      order: { id: order.id, ref: shortRef(order.id), caregiverId },
      alert: { id: alert.id, ref: shortRef(alert.id) },
      application: { id: application.id, stageRole: stage.role },
      objectionId: objection.id,
      complaintId: complaint.id,
      callTaskId: callTask.id,
      exceptionId: exception.id,
      exitSuggestionId: suggestion.id,
      terminationRequestId: termination.id,
    });
  }

  const lastMonth = lastMonthOf(month);
  const ycProvider = (await p.order.findFirstOrThrow({ where: { idempotencyKey: 'matrix-district' } })).providerId!;
  const settlements = [];
  for (const [key, providerId] of [
    ['huangpi', p1],
    ['yangcheng', ycProvider],
  ] as const) {
    const row = await p.settlement.create({
      data: { providerId, month: lastMonth },
      include: { provider: { include: { region: true } } },
    });
    settlements.push({ key, id: row.id, providerId, regionPath: row.provider.region.path });
  }
  const notices = [];
  for (const [key, u] of [
    ['family', family!],
    ['worker', worker!],
  ] as const) {
    const row = await p.notice.create({
      data: { userId: u.id, kind: 'MATRIX', title: '测试通知', body: '测试通知', dedupeKey: `matrix:${key}` },
    });
    notices.push({ key, id: row.id, userId: u.id });
  }
  const botRoomId = '@@matrix-room';
  await p.botRoomBinding.create({
    data: {
      botUserId: bot!.id,
      roomId: botRoomId,
      topic: '百秀社区工作群',
      communityId: elders[0]!.communityId,
      boundById: worker!.id,
    },
  });

  const usernames = [...DEMO_ACCOUNTS.map((a) => a.username), null];
  const callers: Caller[] = await Promise.all(
    usernames.map(async (username, i) => {
      const number = `1370000${String(i).padStart(4, '0')}`;
      const code = (
        await requestLoginCode(
          p,
          s.app.services.sms,
          { secret: s.app.services.config.secrets.jwtSecret, demo: true },
          number,
          now,
        )
      ).sandboxCode!;
      const u = username ? await p.user.findUniqueOrThrow({ where: { username } }) : null;
      return {
        key: username ?? 'anonymous',
        token: username ? await s.login(username) : null,
        actor: u ? await loadActor(p, u.id) : null,
        phone: { number, code },
      };
    }),
  );
  const tokenOf = (key: string) => callers.find((c) => c.key === key)!.token!;
  const topUps = [];
  for (const [key, payer, elderId] of [
    ['family', family!, elders[0]!.elderId],
    ['elder', elderUser!, elders[1]!.elderId],
  ] as const) {
    const r = await s.gql<{ createTopUp: { id: string } }>(
      'mutation($i: CreateTopUpInput!) { createTopUp(input: $i) { id } }',
      { i: { elderId, amountFen: 100, idempotencyKey: `matrix-topup-${key}` } },
      tokenOf(key),
    );
    if (!r.data) throw new Error(`top-up fixture: ${JSON.stringify(r.errors)}`);
    topUps.push({ key, id: r.data.createTopUp.id, payerUserId: payer.id, elderId });
  }
  const providers = [];
  for (const [key, id] of [
    ['huangpi', p1],
    ['yangcheng', ycProvider],
  ] as const) {
    const row = await p.provider.findUniqueOrThrow({ where: { id }, include: { region: true } });
    const left = await p.caregiver.create({
      data: { providerId: id, name: '已离职护理员', phone: '13900000000', active: false, leftAt: now },
    });
    const rect = await p.providerSanction.create({
      data: {
        providerId: id,
        kind: 'RECTIFICATION',
        status: 'VERIFIED',
        clause: '001 八(二)1',
        reason: '矩阵测试：已核查的整改',
        createdAt: now,
        verifiedAt: now,
      },
    });
    providers.push({
      key,
      id,
      regionPath: row.region.path,
      leftCaregiverId: left.id,
      verifiedRectificationId: rect.id,
    });
  }
  const facilities = [];
  for (const [key, policyCode, communityCode, kind] of [
    ['huangpi', 'HUANGPI_2020', '420116001001', 'CANTEEN'],
    ['luoyang', 'LUOYANG_2013', '410302001001', 'DAY_CARE_CENTRE'],
  ] as const) {
    const community = await p.region.findUniqueOrThrow({ where: { code: communityCode } });
    const policy = await p.policy.findUniqueOrThrow({ where: { code: policyCode } });
    const f = await p.facility.create({
      data: {
        policyId: policy.id,
        kind,
        name: `矩阵测试设施 ${key}`,
        communityId: community.id,
        address: '测试路 3 号',
        latitude: 30.88,
        longitude: 114.37,
        floorAreaM2: 300,
        contractedAreaM2: 200,
        premisesSource: 'LEASED',
        funder: '测试出资方',
        status: 'OPERATING',
        operatingSince: now,
      },
    });
    facilities.push({ key, id: f.id, regionPath: community.path });
  }
  return { now, month, lastMonth, callers, elders, settlements, notices, topUps, providers, facilities, botRoomId };
}

export const uniqueKey = () => `matrix-${randomUUID()}`;
