// Test-only setup for the care-bed tests: the Weihai demo accounts, elders by community, photo uploads
// and a walk that takes a bed to a chosen status through the real GraphQL API.
import type { TestServer } from '../testing/harness.js';

export const BED = `id status totalFen smartFen lotteryFen grantTxId acceptanceAgencyId warrantyUntil
  lines { itemCode kind estimateFen beforePhotoId afterPhotoId verified actualFen }
  steps { step fromStatus toStatus approved opinion actorName actorRole at }`;

export const M = {
  apply: `mutation($input: ApplyCareBedInput!) { applyCareBed(input: $input) { ${BED} } }`,
  assess: `mutation($id: ID!) { recordCareBedAssessment(id: $id, level: "MODERATE", agency: "威海市养老服务评估中心",
    assessorName: "王评估") { id status } }`,
  review: `mutation($id: ID!, $approved: Boolean!, $opinion: String) {
    reviewCareBed(id: $id, approved: $approved, opinion: $opinion) { id status } }`,
  publish: `mutation($id: ID!, $d: ID!, $b: ID!) {
    publishCareBed(id: $id, designAgencyId: $d, builderId: $b) { id status } }`,
  design: `mutation($id: ID!, $lines: [CareBedLineInput!]!) { designCareBed(id: $id, lines: $lines) { ${BED} } }`,
  confirm: `mutation($id: ID!, $accepted: Boolean!) {
    confirmCareBed(id: $id, accepted: $accepted, signedBy: "老人本人", familyMember: "女儿") { id status } }`,
  start: `mutation($id: ID!) { startCareBedConstruction(id: $id, startedOn: "2022-11-20") { id status } }`,
  photos: `mutation($id: ID!, $item: String!, $b: ID, $a: ID) {
    recordCareBedPhotos(id: $id, itemCode: $item, beforePhotoId: $b, afterPhotoId: $a, note: "已安装") { id } }`,
  complete: `mutation($id: ID!) { completeCareBed(id: $id, completedOn: "2022-12-10") { id status } }`,
  request: `mutation($id: ID!) { requestCareBedAcceptance(id: $id, documents: ["验收申请", "前后对比电子档案"]) {
    id status steps { opinion } } }`,
  accept: `mutation($id: ID!, $input: AcceptCareBedInput!) { acceptCareBed(id: $id, input: $input) { ${BED} } }`,
  archive: `mutation($id: ID!) { archiveCareBed(id: $id, archiveNo: "HC-2022-001") { id status } }`,
  clawBack: `mutation($id: ID!) { clawBackCareBed(id: $id, reason: "入户核查发现虚报改造项目") { ${BED} } }`,
  bed: `query($id: ID!) { careBed(id: $id) { ${BED} } }`,
};

/** A design within the rules: the three required smart devices (三(一)) and two adaptation lines. */
export const lines = (smartYuan = [300, 300, 300], adaptYuan = [600, 400]) => [
  { itemCode: 'NETWORK', model: '4G 网关 WG-1', quantity: 1, estimateFen: smartYuan[0]! * 100 },
  { itemCode: 'EMERGENCY_CALL', model: '一键呼叫器 SOS-2', quantity: 2, estimateFen: smartYuan[1]! * 100 },
  { itemCode: 'ACTIVITY_MONITOR', model: '毫米波雷达 MR-3', quantity: 1, estimateFen: smartYuan[2]! * 100 },
  { itemCode: 'GRAB_BARS', model: 'L 型不锈钢扶手', quantity: 2, estimateFen: adaptYuan[0]! * 100 },
  { itemCode: 'ANTI_SLIP', model: '卫生间防滑地胶 6㎡', quantity: 1, estimateFen: adaptYuan[1]! * 100 },
];

/**
 * Codes left raw among what a report or form prints (MODERATE, SATISFIED, ACCEPTED …): the source prints
 * its own words (轻度失能 / 中度失能 / 重度失能, 满意 …), so every one found is a defect.
 */
export const rawCodes = (cells: unknown[]) =>
  cells.flatMap((c) => String(c ?? '').match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[A-Z]{4,}\b/g) ?? []);

export const application = (elderId: string, over: Record<string, unknown> = {}) => ({
  elderId,
  address: '威海市环翠区鲸园街道海滨北路 12 号 3 单元 201',
  livingAreaSqm: 68.5,
  tenure: 'OWNED',
  housingSafe: true,
  housingAdaptable: true,
  notDueForDemolition: true,
  priorAdaptationFen: 0,
  guardianName: '张敏',
  guardianRelation: '女儿',
  guardianPhone: '13906310001',
  monthlyIncomeFen: 98000,
  ...over,
});

export const STAGES = [
  'APPLIED',
  'ASSESSED',
  'STREET_APPROVED',
  'DISTRICT_FILED',
  'PUBLICISED',
  'DESIGNED',
  'CONFIRMED',
  'DESIGN_STREET_REVIEWED',
  'DESIGN_FILED',
  'CONSTRUCTION',
  'COMPLETED',
  'ACCEPTANCE_REQUESTED',
] as const;

export async function bedWorld(s: TestServer) {
  const names = ['wh_worker', 'wh_street', 'wh_admin', 'wh_builder', 'wh_acceptance', 'wh_related_qa'];
  const more = ['wh_wendeng_admin', 'wh_wendeng_street', 'district_admin', 'wh_provider2'];
  const tokens = Object.fromEntries(
    await Promise.all([...names, ...more].map(async (n) => [n, await s.login(n)] as const)),
  ) as Record<string, string>;
  const as = async (who: string, q: string, v: Record<string, unknown> = {}) => s.gql(q, v, tokens[who]);
  const providers = await s.db.prisma.provider.findMany({ where: { code: { in: ['WH-P01', 'WH-P02'] } } });
  const builder = providers.find((p) => p.code === 'WH-P01')!;
  const eldersIn = async (communityCode: string) =>
    (
      await s.db.prisma.elder.findMany({
        where: { community: { code: communityCode } },
        orderBy: { id: 'asc' },
        select: { id: true },
      })
    ).map((e) => e.id);
  let photoN = 0;
  const photo = async () => {
    photoN += 1;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`care-bed photo ${photoN}`)]);
    const res = await fetch(`${s.url.replace(/\/graphql$/, '')}/files`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${tokens.wh_builder}` },
      body: bytes,
    });
    if (res.status !== 200 && res.status !== 201) throw new Error(`upload ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const ok = (r: { data?: any; errors?: unknown }, field: string) => {
    if (!r.data?.[field]) throw new Error(`${field}: ${JSON.stringify(r.errors)}`);
    return r.data[field];
  };
  /** Walks a new bed for the elder up to `until` (inclusive), in the given district's accounts. */
  async function walk(
    elderId: string,
    until: (typeof STAGES)[number],
    o: { admin?: string; street?: string; worker?: string; design?: ReturnType<typeof lines>; apply?: object } = {},
  ) {
    const admin = o.admin ?? 'wh_admin';
    const street = o.street ?? 'wh_street';
    const worker = o.worker ?? 'wh_worker';
    const reached = (st: (typeof STAGES)[number]) => STAGES.indexOf(st) <= STAGES.indexOf(until);
    const input = application(elderId, { ...o.apply });
    const id = ok(await as(worker, M.apply, { input }), 'applyCareBed').id as string;
    const steps: [(typeof STAGES)[number], () => Promise<unknown>][] = [
      ['ASSESSED', async () => ok(await as(street, M.assess, { id }), 'recordCareBedAssessment')],
      ['STREET_APPROVED', async () => ok(await as(street, M.review, { id, approved: true }), 'reviewCareBed')],
      ['DISTRICT_FILED', async () => ok(await as(admin, M.review, { id, approved: true }), 'reviewCareBed')],
      [
        'PUBLICISED',
        async () => ok(await as(admin, M.publish, { id, d: builder.id, b: builder.id }), 'publishCareBed'),
      ],
      [
        'DESIGNED',
        async () => ok(await as('wh_builder', M.design, { id, lines: o.design ?? lines() }), 'designCareBed'),
      ],
      ['CONFIRMED', async () => ok(await as(worker, M.confirm, { id, accepted: true }), 'confirmCareBed')],
      ['DESIGN_STREET_REVIEWED', async () => ok(await as(street, M.review, { id, approved: true }), 'reviewCareBed')],
      ['DESIGN_FILED', async () => ok(await as(admin, M.review, { id, approved: true }), 'reviewCareBed')],
      ['CONSTRUCTION', async () => ok(await as('wh_builder', M.start, { id }), 'startCareBedConstruction')],
      [
        'COMPLETED',
        async () => {
          const bed = ok(await as('wh_builder', M.bed, { id }), 'careBed');
          for (const l of bed.lines)
            ok(
              await as('wh_builder', M.photos, { id, item: l.itemCode, b: await photo(), a: await photo() }),
              'recordCareBedPhotos',
            );
          return ok(await as('wh_builder', M.complete, { id }), 'completeCareBed');
        },
      ],
      ['ACCEPTANCE_REQUESTED', async () => ok(await as('wh_builder', M.request, { id }), 'requestCareBedAcceptance')],
    ];
    for (const [st, run] of steps) if (reached(st)) await run();
    return id;
  }
  const acceptance = async (id: string, passed = true) => {
    const bed = ok(await as('wh_acceptance', M.bed, { id }), 'careBed');
    return {
      passed,
      satisfaction: 'SATISFIED',
      streetOpinion: '经核实，建设项目与确认表一致',
      districtOpinion: '同意验收',
      lines: bed.lines.map((l: any) => ({ itemCode: l.itemCode, verified: passed, actualFen: l.estimateFen })),
    };
  };
  return { tokens, as, builder, eldersIn, photo, walk, acceptance, ok };
}
