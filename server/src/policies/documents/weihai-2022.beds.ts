// Document 004 (威海市居家和社区基本养老服务提升行动项目实施方案, 2022): the districts and targets of
// 附件2 and the suggested care-bed catalogue of 附件1, as data for weihai-2022.ts.
import type { PolicyInput } from '../policy.schema.js';

/**
 * The eight districts of 附件2, in its order, with their bed and home-visit targets. 环翠区, 文登区,
 * 荣成市 and 乳山市 carry their official division codes; 高区, 经区, 临港区 and 南海新区 are functional
 * zones without one in the source, so their codes are this project's keys (marked assumed).
 */
export const WEIHAI_DISTRICTS: { code: string; name: string; beds: number; visits: number; official: boolean }[] = [
  { code: '371002', name: '环翠区', beds: 305, visits: 444, official: true },
  { code: '371003', name: '文登区', beds: 851, visits: 2835, official: true },
  { code: '371082', name: '荣成市', beds: 832, visits: 2717, official: true },
  { code: '371083', name: '乳山市', beds: 2589, visits: 2764, official: true },
  { code: '371071', name: '高区', beds: 17, visits: 72, official: false },
  { code: '371072', name: '经区', beds: 35, visits: 55, official: false },
  { code: '371073', name: '临港区', beds: 196, visits: 610, official: false },
  { code: '371091', name: '南海新区', beds: 32, visits: 218, official: false },
];

export const WEIHAI_TARGETS: NonNullable<PolicyInput['targets']> = {
  regions: WEIHAI_DISTRICTS.map((d) => ({
    regionCode: d.code,
    name: d.name,
    beds: d.beds,
    visits: d.visits,
    ...(d.official ? {} : { assumed: true, note: '功能区无官方区划代码，代码为本项目编号' }),
  })),
  // 004 附件2 合计; 004 一: 全市建成家庭养老床位 4857 张以上，困难老年人居家上门服务 9715 人次以上.
  totals: { beds: 4857, visits: 9715 },
  bedCountsWhen: 'ACCEPTED',
  visitCountsWhen: 'CONFIRMED',
  source: '004 附件2',
  // 004 五(二)6: 验收合格的，填写家庭养老床位验收表 — a bed is built when it passes; a visit counts
  // once confirmed (服务档案 with the elder's satisfaction, 五(二)5).
  countingSource: '004 五(二)6',
};

type Line = NonNullable<PolicyInput['careBeds']>['catalogue'][number];
const line = (
  no: number,
  code: string,
  group: string,
  name: string,
  description: string,
  kind: Line['kind'],
  extra: Partial<Line> = {},
): Line => ({ no, code, group, name, description, kind, source: '004 附件1', ...extra });

/** 附件1 威海市家庭养老床位建设建议清单: 23 lines in 6 groups. */
export const WEIHAI_BED_CATALOGUE: Line[] = [
  line(1, 'ANTI_SLIP', '地面建设', '防滑处理', '在卫生间、卧室、厨房等区域铺设防滑砖或防滑地胶', 'ADAPTATION'),
  line(2, 'LEVEL_CHANGE', '地面建设', '高差处理', '铺设水泥坡道或加设橡胶等材质的可移动式坡道', 'ADAPTATION'),
  line(3, 'BED_RAIL', '卧室建设', '安装床边护栏（抓杆）', '辅助老年人起身、上下床、防止坠床', 'ADAPTATION'),
  line(
    4,
    'GRAB_BARS',
    '如厕洗浴设备建设',
    '安装扶手',
    '在如厕区和洗浴区安装扶手，包括一字型扶手、U型扶手、L型扶手、T 型扶手或助力扶手等',
    'ADAPTATION',
  ),
  line(5, 'SHOWER_CHAIR', '如厕洗浴设备建设', '配置沐浴椅', '扶助老年人洗澡用，避免滑倒', 'ADAPTATION'),
  line(
    6,
    'SEATED_TOILET',
    '如厕洗浴设备建设',
    '蹲便器改坐便器',
    '减轻蹲姿造成的腿部压力，避免老年人如厕时摔倒，方便轮椅老年人使用',
    'ADAPTATION',
  ),
  line(
    7,
    'CORNER_GUARDS',
    '物理环境建设',
    '安装防撞护角/条、提示标识',
    '在家具尖角或墙角安装防撞护角/防撞条，必要时黏贴警示条',
    'ADAPTATION',
  ),
  // 附件1 lists the sensor light under 物理环境建设 (adaptation); 附件7 二 (评估设计) names 自动感应灯具
  // among the smart products. We count it as SMART: the 金民 report is the national system's reading,
  // and the 1000 元 smart cap (四(一)) is then applied to it, the stricter of the two readings.
  line(8, 'SENSOR_LIGHT', '物理环境建设', '安装自动感应灯', '安装感应便携灯，辅助老年人起夜', 'SMART', {
    source: '004 附件7 二',
    note: '附件1 列入物理环境建设（适老化），附件7 二列为智能化产品（自动感应灯具）；按智能化计入每户 1000 元上限',
  }),
  line(9, 'SOCKETS', '物理环境建设', '电源插座及开关', '根据情况进行高/低建设，方便老年人使用', 'ADAPTATION'),
  line(10, 'AID_WALKING', '老年用品', '助行类', '助行器、拐杖、轮椅等', 'AID'),
  line(11, 'AID_EATING', '老年用品', '助餐类', '适老自助餐具、流食瓶等', 'AID'),
  line(12, 'AID_DRESSING', '老年用品', '助穿类', '穿衣辅助杆等', 'AID'),
  line(13, 'AID_TOILET', '老年用品', '如厕类', '坐便器、便盆、接尿器等', 'AID'),
  line(14, 'AID_BATHING', '老年用品', '洗浴类', '床上洗头盆、洗浴床等', 'AID'),
  line(15, 'AID_SENSING', '老年用品', '感知类', '助听器、放大镜等', 'AID'),
  line(16, 'AID_REHAB', '老年用品', '康复辅具类', '护理床', 'AID'),
  // 三(一): 安装网络连接、紧急呼叫、活动监测等智能化设备 — every smart bed has these three.
  line(17, 'NETWORK', '智能设备配备', '网络连接设备', '确保信号传输稳定', 'SMART', { required: true }),
  line(18, 'EMERGENCY_CALL', '智能设备配备', '紧急呼叫设备', '可安装在卧室、卫生间、淋浴间等位置，易操作', 'SMART', {
    required: true,
  }),
  line(19, 'ACTIVITY_MONITOR', '智能设备配备', '活动监测设备', '具有跌倒报警和日间适时活动监测功能', 'SMART', {
    required: true,
  }),
  line(
    20,
    'VIDEO',
    '智能设备配备',
    '视频监控设备',
    '具有远程摄像功能，应急状态下能及时、准确掌握老年人在家情况',
    'SMART',
  ),
  line(21, 'PILL_BOX', '智能设备配备', '智能药箱', '辅助提醒老年人定时服药', 'SMART'),
  line(22, 'GAS_ALARM', '智能设备配备', '燃气报警器', '自动监测空气中的可燃气体浓度，浓度超标实施报警', 'SMART'),
  line(
    23,
    'SMOKE_DETECTOR',
    '智能设备配备',
    '烟感探测器',
    '通过烟感探测设备实现烟雾报警、煤气泄漏实时动态监控、干预、及时处置',
    'SMART',
  ),
];
