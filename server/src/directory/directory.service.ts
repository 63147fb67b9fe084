// The public directory (信息公开, 002 二(三)10 及时公布养老服务机构、职责、工作流程和标准等信息): a programme's
// facilities, its providers with what each is responsible for, the application procedure and the service standards,
// for anyone without login. Minimal like the service guide: names, places and rules, no person's name or phone.
import { ErrorCode, fail } from '../common/errors.js';
import type { PrismaClient } from '../db/prisma.js';
import { loadPolicy } from '../policies/index.js';

const STAGES: Record<string, string> = {
  COMMUNITY_REVIEW: '社区（村）初审',
  PUBLIC_NOTICE: '公示',
  STREET_REVIEW: '街道（乡镇）审核',
  DISTRICT_FILING: '区（县）民政部门备案',
};
const ROLES: Record<string, string> = {
  COMMUNITY_WORKER: '社区（村）工作人员',
  STREET_OFFICER: '街道（乡镇）',
  DISTRICT_ADMIN: '区（县）民政部门',
};
const KINDS: Record<string, string> = {
  DAY_CARE_CENTRE: '社区老年人日间照料中心',
  SERVICE_STATION: '小区老年人服务站点',
  CANTEEN: '老年食堂（幸福食堂）',
  MEAL_POINT: '助餐点',
  STREET_HUB: '街道枢纽型养老服务设施',
  COMPLEX: '养老服务综合体',
};
const STATUSES: Record<string, string> = { ACCEPTED: '已验收', OPERATING: '运营中', SUSPENDED: '暂停运营' };
/** Facilities the public is told about: built and accepted, or open (a closed or planned one is not a place to go). */
const LISTED = ['ACCEPTED', 'OPERATING', 'SUSPENDED'] as const;

export async function publicDirectory(prisma: PrismaClient, policyCode: string) {
  const loaded = await loadPolicy(prisma, { code: policyCode });
  if (!loaded) return fail(ErrorCode.NOT_FOUND, `没有找到项目“${policyCode}”，请从项目列表中选择。`);
  const { policy, doc } = loaded;
  const [facilities, zones, items] = await Promise.all([
    prisma.facility.findMany({
      where: { policyId: policy.id, status: { in: [...LISTED] } },
      include: { community: true, operator: true },
      orderBy: [{ kind: 'asc' }, { name: 'asc' }],
    }),
    prisma.serviceZone.findMany({
      where: { policyId: policy.id, providerId: { not: null } },
      include: { provider: true },
      orderBy: { code: 'asc' },
    }),
    prisma.serviceItem.findMany({
      where: { policyId: policy.id, active: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
  ]);
  const streets = await prisma.region.findMany({
    where: { path: { in: [...new Set(facilities.map((f) => f.community.path.split('/').slice(0, -1).join('/')))] } },
  });
  const streetOf = (path: string) => streets.find((s) => path.startsWith(`${s.path}/`))?.name ?? null;
  const byProvider = new Map<string, { name: string; areas: string[] }>();
  for (const z of zones) {
    const p = byProvider.get(z.providerId!) ?? { name: z.provider!.name, areas: [] };
    p.areas.push(z.name);
    byProvider.set(z.providerId!, p);
  }
  const categories = [...new Set(items.filter((i) => i.mode === 'OFFLINE').map((i) => i.category))];
  return {
    policyCode: policy.code,
    name: doc.name,
    issuer: doc.issuer,
    documentNumber: doc.documentNumber ?? null,
    source: '002 二(三)10',
    facilities: facilities.map((f) => ({
      name: f.name,
      kind: f.kind,
      kindLabel: KINDS[f.kind] ?? f.kind,
      street: streetOf(f.community.path),
      community: f.community.name,
      address: f.address,
      status: STATUSES[f.status] ?? f.status,
      operator: f.operator?.name ?? null,
      kitchenCamera: f.kitchenCamera,
    })),
    providers: [...byProvider.values()].map((p) => ({
      name: p.name,
      areas: p.areas,
      duties: `承担${p.areas.join('、')}服务对象的居家养老上门服务（${categories.join('、')}），接受回访、投诉和考核`,
    })),
    procedure: doc.workflow.stages.map((s, i) => ({
      step: i + 1,
      name: STAGES[s.stage] ?? s.stage,
      by: s.role ? (ROLES[s.role] ?? s.role) : null,
      days: s.days ?? null,
    })),
    procedureSource: doc.workflow.source,
    standards: items
      .filter((i) => i.standard)
      .map((i) => ({ name: i.name, category: i.category, standard: i.standard! })),
  };
}
