// Printable forms of document 004 as A4 HTML (print from the browser): 附件3 申请审批表, 附件4 确认表, 附件5 前后
// 对比电子档案 and 附件6 验收表 of one bed, each with the mark of 五(五). Values are escaped. 附件5's photos are
// printed as images (embedded, so the page prints as it is wherever it is opened) and each links to its
// file route (GET /files/:id, with the caller's token); a photo the caller may not open is a link only.
// Codes are printed in the source's words. ID numbers are masked as in the 金民 reports.
import { type Actor, authorize } from '../auth/index.js';
import type { PrismaClient } from '../db/prisma.js';
import { SATISFACTION_LABEL as SATISFACTION, careBedsOf, yuan } from './carebeds.rules.js';
import { bedFor } from './carebeds.service.js';

export const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

const GENDER: Record<string, string> = { MALE: '男', FEMALE: '女' };
const TENURE: Record<string, string> = { OWNED: '自有产权', RESIDENT: '长期居住' };

/** Reads a stored photo as the caller (the files area's rule), or null where they may not. */
export type PhotoReader = (fileId: string) => Promise<{ mimeType: string; bytes: Uint8Array } | null>;

/** 附件5: the photo as an image linking to its file route, or 缺 where the line has none. */
async function photoCell(
  fileId: string | null,
  what: string,
  photos: { read: PhotoReader; url: (id: string) => string },
) {
  if (!fileId) return '缺';
  const href = esc(photos.url(fileId));
  const file = await photos.read(fileId);
  if (!file) return `<a href="${href}">查看${what}</a>`;
  const src = `data:${esc(file.mimeType)};base64,${Buffer.from(file.bytes).toString('base64')}`;
  return `<a href="${href}"><img class="photo" src="${src}" alt="${what}"></a>`;
}

/** The bed's 附件3–6 as one A4 HTML document. */
export async function careBedFormsHtml(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
  photos: { read: PhotoReader; url: (fileId: string) => string },
) {
  authorize(actor, 'GET /exports/carebeds');
  const { bed, doc } = await bedFor(prisma, actor, 'careBed', id);
  const c = careBedsOf(doc);
  const opinion = (step: string) =>
    bed.steps.filter((s) => s.step === step).map((s) => `${s.actorName}：${s.opinion ?? ''}`);
  const rows = bed.lines
    .map(
      (l) =>
        `<tr><td>${l.itemNo}</td><td>${esc(l.model)}</td><td>${l.quantity}</td><td>${yuan(l.estimateFen)}</td>` +
        `<td>${l.beforePhotoId ? '有' : '缺'}</td><td>${l.afterPhotoId ? '有' : '缺'}</td>` +
        `<td>${l.verified === null ? '' : l.verified ? '已核实' : '未通过'}</td></tr>`,
    )
    .join('');
  const mark = `<p class="mark">${esc(c.fundMark)}</p>`;
  const elder = await prisma.elder.findUniqueOrThrow({
    where: { id: bed.elderId },
    include: { community: { include: { parent: { include: { parent: true } } } } },
  });
  const community = elder.community;
  const level = c.disabilityLevels.find((l) => l.code === bed.disabilityLevel)?.label ?? '';
  const assessment = bed.steps.find((s) => s.step === '评估');
  const priorNote = bed.priorAdaptationNote ? `（${esc(bed.priorAdaptationNote)}）` : '';
  // 附件3: 区（市） 街道（镇） 社区（村）, the applicant, the housing, the assessment and the two reviews.
  const application =
    `<section><h1>威海市家庭养老床位建设申请审批表</h1>
<p>${esc(community.parent?.parent?.name)} ${esc(community.parent?.name)} ${esc(community.name)}</p>
<table><tr><th>姓名</th><td>${esc(elder.name)}</td><th>性别</th><td>${GENDER[elder.gender] ?? ''}</td>
<th>出生年月</th><td>${day(elder.birthDate).slice(0, 7)}</td></tr>
<tr><th>身份证号</th><td colspan="3">${esc(elder.idNumberMasked)}</td>
<th>月收入（元）</th><td>${yuan(bed.monthlyIncomeFen)}</td></tr>
<tr><th>联系电话</th><td colspan="5">${esc(elder.phone)}</td></tr>
<tr><th>建床地址</th><td colspan="5">${esc(bed.address)}</td></tr>
<tr><th>监护人</th><td>${esc(bed.guardianName)}</td><th>与申请人关系</th><td>${esc(bed.guardianRelation)}</td>
<th>联系电话</th><td>${esc(bed.guardianPhone)}</td></tr>
<tr><th>申请建床住宅情况</th><td colspan="5">房屋建筑面积 ${esc(bed.livingAreaSqm)} ㎡；${TENURE[bed.tenure] ?? esc(bed.tenure)}` +
    `${bed.residenceMonths ? `（已居住 ${bed.residenceMonths} 个月）` : ''}；产权人 ${esc(bed.ownerName)}</td></tr>
<tr><th>老年人能力评估结果</th><td colspan="5">${esc(level)}${bed.assessingAgency ? `（${esc(bed.assessingAgency)}）` : ''}` +
    `${assessment ? `；${esc(assessment.opinion)}` : ''}</td></tr>
<tr><th>接受改造情况</th><td colspan="5">${
      bed.priorAdaptationFen > 0
        ? `已享受改造，改造资金 ${yuan(bed.priorAdaptationFen)} 元${priorNote}`
        : '未享受政府购买服务适老化改造或残疾人家庭无障碍改造'
    }</td></tr>
<tr><th>镇（街道）意见</th><td colspan="5">${esc(opinion('街道（镇）初审').join('；'))}</td></tr>
<tr><th>区市审核意见</th><td colspan="5">${esc(opinion('区市审核认定').join('；'))}</td></tr></table>${mark}</section>`;
  // 附件5: each line's before and after photo and its note, between the start and completion dates.
  const photoRows: string[] = [];
  for (const l of bed.lines)
    photoRows.push(
      `<tr><td>${l.itemNo} ${esc(l.model)}</td><td>${await photoCell(l.beforePhotoId, '建设前照片', photos)}</td>` +
        `<td>${await photoCell(l.afterPhotoId, '建设后照片', photos)}</td><td>${esc(l.note)}</td></tr>`,
    );
  const archive = `<section><h1>家庭养老床位建设前后对比电子档案</h1>
<table><tr><th>老年人姓名</th><td>${esc(elder.name)}</td><th>性别</th><td>${GENDER[elder.gender] ?? ''}</td></tr>
<tr><th>身份证号码</th><td colspan="3">${esc(elder.idNumberMasked)}</td></tr>
<tr><th>建床地址</th><td colspan="3">${esc(bed.address)}</td></tr>
<tr><th>开工日期</th><td>${day(bed.startedOn)}</td><th>竣工日期</th><td>${day(bed.completedOn)}</td></tr></table>
<table><tr><th>建设项目</th><th>建设前照片</th><th>建设后照片</th><th>文字说明</th></tr>
${photoRows.join('')}</table>${mark}</section>`;
  return a4Page(
    '家庭养老床位档案',
    `${application}
<section><h1>家庭养老床位建设项目确认表</h1>
<table><tr><th>老年人姓名</th><td>${esc(bed.elder.name)}</td><th>建床地址</th><td>${esc(bed.address)}</td></tr></table>
<table><tr><th>序号</th><th>建设项目及设备型号</th><th>数量</th><th>预计费用（元）</th><th>建设前</th><th>建设后</th><th>验收</th></tr>
${rows}</table>
<p>费用合计 ${yuan(bed.totalFen)}，其中智能化改造 ${yuan(bed.smartFen)}。</p>
<p>结果确认：${esc(opinion('结果确认').join('；'))}</p>
<p>审批（核）意见：${esc([...opinion('街道（镇）审查建设项目'), ...opinion('区市核定备案')].join('；'))}</p>${mark}</section>
${archive}
<section><h1>家庭养老床位验收表</h1>
<table><tr><th>开工日期</th><td>${day(bed.startedOn)}</td><th>竣工日期</th><td>${day(bed.completedOn)}</td></tr>
<tr><th>费用合计</th><td colspan="3">${yuan(bed.totalFen)}，其中智能化改造 ${yuan(bed.smartFen)}</td></tr>
<tr><th>家庭代表意见</th><td colspan="3">${bed.satisfaction ? SATISFACTION[bed.satisfaction] : ''}</td></tr>
<tr><th>验收意见</th><td colspan="3">${esc(opinion('验收').join('；'))}</td></tr>
<tr><th>质保期至</th><td colspan="3">${day(bed.warrantyUntil)}</td></tr></table>${mark}</section>
`,
  );
}

/** An A4 page (print from the browser) with the forms' style; `body` is HTML already escaped. */
export function a4Page(title: string, body: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>@page{size:A4;margin:18mm}body{font-family:"SimSun","Songti SC",serif;font-size:11pt}
h1{font-size:16pt;text-align:center}table{width:100%;border-collapse:collapse}td,th{border:1px solid #000;padding:4px}
.mark{text-align:center;font-weight:bold;margin-top:12px}.photo{max-width:60mm;max-height:45mm}
section{page-break-after:always}</style></head><body>
${body}
</body></html>`;
}
