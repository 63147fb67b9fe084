// Printable forms of document 004 as A4 HTML (print from the browser): 附件4 确认表, 附件5 前后对比电子档案 and
// 附件6 验收表 of one bed, each with the mark of 五(五). Values are escaped; photos are referenced by id.
import { type Actor, authorize } from '../auth/index.js';
import type { PrismaClient } from '../db/prisma.js';
import { careBedsOf, yuan } from './carebeds.rules.js';
import { bedFor } from './carebeds.service.js';

const esc = (v: unknown) =>
  String(v ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
const SATISFACTION: Record<string, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  UNSATISFIED: '不满意',
};

/** The bed's 附件4–6 as one A4 HTML document. */
export async function careBedFormsHtml(prisma: PrismaClient, actor: Actor, id: string) {
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
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>家庭养老床位档案</title>
<style>@page{size:A4;margin:18mm}body{font-family:"SimSun","Songti SC",serif;font-size:11pt}
h1{font-size:16pt;text-align:center}table{width:100%;border-collapse:collapse}td,th{border:1px solid #000;padding:4px}
.mark{text-align:center;font-weight:bold;margin-top:12px}section{page-break-after:always}</style></head><body>
<section><h1>家庭养老床位建设项目确认表</h1>
<table><tr><th>老年人姓名</th><td>${esc(bed.elder.name)}</td><th>建床地址</th><td>${esc(bed.address)}</td></tr></table>
<table><tr><th>序号</th><th>建设项目及设备型号</th><th>数量</th><th>预计费用（元）</th><th>建设前</th><th>建设后</th><th>验收</th></tr>
${rows}</table>
<p>费用合计 ${yuan(bed.totalFen)}，其中智能化改造 ${yuan(bed.smartFen)}。</p>
<p>结果确认：${esc(opinion('结果确认').join('；'))}</p>
<p>审批（核）意见：${esc([...opinion('街道（镇）审查建设项目'), ...opinion('区市核定备案')].join('；'))}</p>${mark}</section>
<section><h1>家庭养老床位验收表</h1>
<table><tr><th>开工日期</th><td>${day(bed.startedOn)}</td><th>竣工日期</th><td>${day(bed.completedOn)}</td></tr>
<tr><th>费用合计</th><td colspan="3">${yuan(bed.totalFen)}，其中智能化改造 ${yuan(bed.smartFen)}</td></tr>
<tr><th>家庭代表意见</th><td colspan="3">${bed.satisfaction ? SATISFACTION[bed.satisfaction] : ''}</td></tr>
<tr><th>验收意见</th><td colspan="3">${esc(opinion('验收').join('；'))}</td></tr>
<tr><th>质保期至</th><td colspan="3">${day(bed.warrantyUntil)}</td></tr></table>${mark}</section>
</body></html>`;
}
