// Saved operations on the admin query page: the questions admins ask most.
export const ADMIN_EXAMPLES: { title: string; query: string; variables?: string }[] = [
  {
    title: '服务指南',
    query: `# 黄陂区服务指南：项目、单价（分）、单位
query ServiceGuide($policy: String!) {
  serviceGuide(policyCode: $policy) { code name category mode unit priceFen description }
}`,
    variables: JSON.stringify({ policy: 'HUANGPI_2020' }, null, 2),
  },
  {
    title: '辖区老人',
    query: `# 我辖区内的老人（按社区筛选、按姓名或电话搜索）
query Elders($filter: ElderFilter, $after: String) {
  elders(filter: $filter, first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name age idNumberMasked phone status community { name }
      enrolment { policy { code } category status startedOn }
      wallet { accounts { kind unit balance held } } } }
  }
}`,
    variables: JSON.stringify({ filter: { status: 'ENROLLED' } }, null, 2),
  },
  {
    title: '政策与补贴',
    query: `# 各项目的服务对象类别与每月补贴
query Policies {
  policies { code name region { code name } effectiveFrom
    categories { code name source }
    allowances { kind unit amount maxRateFenPerHour source } }
}`,
  },
  {
    title: '老人详情',
    query: `# 一位老人的详情、家属与账户
query Elder($id: ID!) {
  elder(id: $id) { id name gender age idNumberMasked phone address status livingSituation selfCareAbility flags
    community { code name } family { name relation }
    enrolment { policy { code name } category status startedOn endedOn }
    wallet { accounts { kind unit balance held available } } }
}`,
    variables: JSON.stringify({ id: '' }, null, 2),
  },
  {
    title: '登记老人',
    query: `# 登记一位老人（身份证号会校验；出生日期须与身份证一致）
mutation Register($input: RegisterElderInput!) {
  registerElder(input: $input) { id name age idNumberMasked community { name } }
}`,
    variables: JSON.stringify(
      {
        input: {
          name: '张桂兰',
          birthDate: '1945-03-08',
          idNumber: '',
          phone: '13800000000',
          communityCode: '',
          address: '',
          selfCareAbility: 'PARTIAL',
          livingSituation: 'ALONE',
          flags: ['LOW_INCOME'],
        },
      },
      null,
      2,
    ),
  },
  {
    title: '区划',
    query: `# 区县 → 街道（乡镇） → 社区（村）
query Regions($parent: String) { regions(parentCode: $parent) { code name level } }`,
  },
  {
    title: '看板',
    query: `# 某月服务看板：在册老人、服务人次与时长（分钟）、补贴支出与预算（分）、满意度、投诉、告警；下级街道（社区）逐一列出
query Dashboard($month: String!) {
  dashboard(month: $month) {
    region { name }
    stats { enrolledElders orders visits serviceMinutes spendingFen budgetFen
      satisfied basicallySatisfied dissatisfied averageStars complaints alerts { kind count } }
    children { region { name } stats { visits serviceMinutes spendingFen complaints } }
  }
}`,
    variables: JSON.stringify({ month: '2026-11' }, null, 2),
  },
  {
    title: '结算',
    query: `# 某月各服务机构结算单（金额单位：分）；暂缓的写明原因。审核：approveSettlement(id)；登记付款：markSettlementPaid(id)
# 人工暂缓：holdSettlement(id, reason)；取消暂缓：releaseSettlementHold(id)
query Settlements($month: String!) {
  settlements(month: $month) {
    id status heldReason manualHoldReason manualHeldByName provider { name } orders
    governmentFen subsidyFen hoursValueFen selfPaidFen onlineServiceFen penaltyFen approvedAt paidAt
  }
}`,
    variables: JSON.stringify({ month: '2026-11' }, null, 2),
  },
  {
    title: '投诉',
    query: `# 辖区投诉：内容、办结期限、机构答复、回访结果（未办结的按 status 筛选 OPEN / RESPONDED）
query Complaints($status: ComplaintStatus) {
  complaints(filter: { status: $status }, first: 50) {
    totalCount
    edges { node { id content status createdAt dueAt response closedAt satisfied providerAtFault } }
  }
}`,
    variables: JSON.stringify({ status: 'OPEN' }, null, 2),
  },
  {
    title: '告警',
    query: `# 辖区告警：长期无服务、关爱电话未接通、余额不足、投诉、超时未处理；处理：resolveAlert(id, outcome)
query Alerts($status: AlertStatus) {
  alerts(filter: { status: $status }, first: 50) {
    totalCount
    edges { node { id ref kind status reason elderMaskedName community { name }
      raisedAt acknowledgeBy resolvedAt outcome } }
  }
}`,
    variables: JSON.stringify({ status: 'RAISED' }, null, 2),
  },
];
