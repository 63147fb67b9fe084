import type { PolicyDocument } from '../policies/index.js';
import { yuan } from '../common/money.js';

/**
 * The 告知书 (000 附件2), filled from the programme's own figures so each programme's letter
 * states its own allowance.
 */
export function noticeLetter(
  doc: PolicyDocument,
  f: { elderName: string; startedOn: string; communityName: string; issuedOn: string },
): string {
  const [y, m, d] = f.startedOn.split('-').map(Number);
  const parts = doc.allowance.buckets.map((b) => {
    if (b.unit === 'MINUTE') {
      const hours = b.amount / 60;
      return `每月 ${hours} 小时的政府购买居家养老服务${
        b.maxRateFenPerHour ? `（每小时补贴不超过 ${yuan(b.maxRateFenPerHour)} 元` + `）` : ''
      }${b.rollover === 'NONE' ? '，当月使用，不能滚存' : ''}`;
    }
    const what = b.accountKind === 'SUBSIDY_ONLINE' ? '线上' : '线下';
    return `每月 ${yuan(b.amount)} 元的政府购买居家${what}养老服务`;
  });
  // 004 三(二), 五(五): no wallet quota; the agreed visits are paid by the project.
  if (!parts.length && doc.visitAgreements)
    parts.push(
      `按居家养老上门服务协议约定的服务项目、服务价格上门服务，费用由项目资金支付（${doc.visitAgreements.paymentSource}）`,
    );
  // 000 附件2 still promises the 30 元 of online service; it is paid to the platform per elder
  // served (000 七), not credited to the elder's wallet, and the letter says so.
  const fee = doc.settlement.platformFee;
  if (fee)
    parts.unshift(
      `每月 ${yuan(fee.fenPerServedElder)} 元的政府购买居家线上养老服务（由综合信息服务平台提供，不计入电子钱包）`,
    );
  const overage = doc.allowance.overagePaidByElder ? '（可根据服务指南自行选择服务项目，超过部分自费）' : '';
  return [
    `尊敬的${f.elderName}老人：`,
    `您好！您提交的居家养老服务申请已收悉，经审核，符合享受《${doc.name}》服务对象条件，`,
    `服务时间从 ${y} 年 ${m} 月 ${d} 日起，每月可享受：${parts.join('；')}${overage}。请与服务机构签订服务协议。`,
    `${doc.region.name} ${f.communityName}`,
    f.issuedOn.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_s, a, b, c) => `${a} 年 ${Number(b)} 月 ${Number(c)} 日`),
  ].join('\n');
}
