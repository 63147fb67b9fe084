// Document 000's telephone side: the platform's call centre answers 紧急救援, 联络紧急联络人 and 定位查询
// around the clock (000 四 线上服务表), and 120 is one of the lines it puts an SOS through to.
import type { CallsPolicy } from '../policy.calls.js';

const TABLE = '000 四（线上服务表）';

export const HUANGPI_2020_CALLS: CallsPolicy = {
  lines: [
    {
      kind: 'CALL_CENTRE',
      name: '区居家养老综合信息服务平台',
      phone: '027-61001234',
      for: ['SOS', 'FAMILY', 'LOCATE'],
      source: '000 六',
      assumed: true,
      note: '原文只写“拨打热线电话”，未列号码；此为演示号码，上线前改为平台实际热线',
    },
    { kind: 'EMERGENCY', name: '急救电话', phone: '120', for: ['SOS'], source: TABLE },
  ],
  actions: [
    { itemCode: 'HP_ONLINE_EMERGENCY', purpose: 'SOS', source: TABLE },
    { itemCode: 'HP_ONLINE_EMERGENCY_CONTACT', purpose: 'FAMILY', source: TABLE },
    { itemCode: 'HP_ONLINE_LOCATION', purpose: 'LOCATE', source: TABLE },
  ],
};
