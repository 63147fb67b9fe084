// Dongxihu's credit system (002 二(三)10 完善信用监管机制，建立覆盖服务主体、从业人员和服务对象的养老服务行业信用
// 管理体系). The source names the system and who it covers, and nothing else: the points, the thresholds, the lists
// and the appeal period are the programme's own choice, each marked `assumed`.
import type { z } from 'zod';
import type { creditSchema } from '../policy.credit.js';

const S = '002 二(三)10';
const NOTE = '原文只要求建立覆盖服务主体、从业人员和服务对象的信用管理体系，未定分值，为假定值';

export const dongxihuCredit: z.input<typeof creditSchema> = {
  base: 100,
  windowMonths: 12,
  events: [
    {
      kind: 'COMPLAINT_AT_FAULT',
      label: '投诉经核实属服务方责任',
      points: -10,
      subjects: ['PROVIDER', 'CAREGIVER'],
      source: S,
      assumed: true,
      note: NOTE,
    },
    { kind: 'SLA_BREACH', label: '投诉超过处理时限', points: -5, subjects: ['PROVIDER'], source: S, assumed: true },
    {
      kind: 'FALSE_RECORD',
      label: '服务记录经核实不实（异常工单拒付）',
      points: -20,
      subjects: ['PROVIDER', 'CAREGIVER'],
      source: S,
      assumed: true,
    },
    {
      kind: 'EXTRA_CHARGE',
      label: '违规向老人额外收费',
      points: -15,
      subjects: ['PROVIDER', 'CAREGIVER'],
      source: S,
      assumed: true,
    },
    {
      kind: 'CASH_OUT',
      label: '套取现金或以商品代替服务（经核实）',
      points: -30,
      subjects: ['ELDER'],
      source: S,
      assumed: true,
    },
    {
      kind: 'CERTIFICATE_LAPSED',
      label: '从业证件过期未换',
      points: -5,
      subjects: ['CAREGIVER'],
      source: S,
      assumed: true,
    },
    {
      kind: 'COMMENDATION',
      label: '表扬',
      points: 5,
      subjects: ['PROVIDER', 'CAREGIVER', 'ELDER'],
      source: S,
      assumed: true,
    },
    {
      kind: 'INSPECTION_FINDING',
      label: '检查发现问题',
      points: -10,
      subjects: ['PROVIDER', 'CAREGIVER'],
      source: S,
      assumed: true,
    },
  ],
  dispatch: { lowerBelow: 90, barredBelow: 60, source: S, assumed: true, note: NOTE },
  settlementHoldBelow: 60,
  settlementSource: S,
  publicList: { redAtLeast: 100, blackBelow: 60, source: S, assumed: true, note: NOTE },
  appealDays: 30,
  appealSource: S,
  source: S,
  assumed: true,
  note: NOTE,
};
