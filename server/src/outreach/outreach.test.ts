// Outreach and detectors with a controllable clock (000 六 4–5; 000 四 online services; 002 17/20
// festivals): care calls, missed contacts, quiet elders, festival greetings, and no duplicates
// when two instances run the same sweep.
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app/app.js';
import { createLogger } from '../common/logger.js';
import { runAlertJobs } from '../app/scheduler.js';
import { startTestServer, testConfig, type TestServer } from '../testing/harness.js';
import { festivalDay, isoWeek } from './calendar.js';
import { generateCallTasks } from './outreach.service.js';
import { platformAccount, postOnce } from '../wallet/ledger.service.js';

let s: TestServer;
let second: App;
let operator: string;
// The app clock, before the seed: the demo enrols its elders from 1 November 2026, so the weeks
// the tests walk through (from Monday 23 November) fall inside their enrolment.
let now = new Date('2026-11-20T10:00:00+08:00');
const at = (iso: string) => {
  now = new Date(iso);
};

beforeAll(async () => {
  s = await startTestServer({}, { clock: () => now });
  // A second server instance on the same database, as in a two-node deployment.
  second = await buildApp(testConfig(), {
    db: s.db,
    logger: createLogger(new PassThrough()),
    seed: false,
    clock: () => now,
  });
  operator = await s.login('operator');
});
afterAll(async () => {
  await second?.close();
  await s?.close();
});

describe('the outreach calendar', () => {
  it('puts the lunar festivals on their Gregorian days (002 17: 春节, 重阳节)', () => {
    expect(festivalDay('春节', 2026)).toBe('2026-02-17');
    expect(festivalDay('端午节', 2026)).toBe('2026-06-19');
    expect(festivalDay('中秋节', 2026)).toBe('2026-09-25');
    expect(festivalDay('重阳节', 2026)).toBe('2026-10-18');
    expect(festivalDay('重阳节', 2027)).toBe('2027-10-08');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
  });
});

describe('care calls and missed contacts (000 六 5: 24 小时内三次未接听)', () => {
  it('schedules weekly calls on Monday once, however often the job runs', async () => {
    at('2026-11-23T08:00:00+08:00'); // a Monday
    const first = await generateCallTasks(s.db.prisma, now);
    const again = await generateCallTasks(second.services.db.prisma, now);
    expect(first.tasks).toBeGreaterThan(0);
    expect(again.tasks).toBe(0);
    const enrolled = await s.db.prisma.enrolment.count({
      where: { status: 'ACTIVE', policy: { code: 'HUANGPI_2020' } },
    });
    // Huangpi: 电话关爱 and 用药叮嘱 weekly (000 六 4, cadence assumed weekly).
    expect(
      await s.db.prisma.callTask.count({
        where: {
          kind: 'PHONE_CARE',
          elder: { enrolments: { some: { status: 'ACTIVE', policy: { code: 'HUANGPI_2020' } } } },
        },
      }),
    ).toBe(enrolled);
  });

  it('three unanswered attempts within 24 hours raise exactly one alert; a fourth raises none', async () => {
    const tasks = await s.gql<{ callTasks: { edges: { node: { id: string } }[] } }>(
      `{ callTasks(first: 5, filter: { status: PENDING }) { edges { node { id } } } }`,
      {},
      operator,
    );
    const taskId = tasks.data!.callTasks.edges[0]!.node.id;
    const task = await s.db.prisma.callTask.findUniqueOrThrow({ where: { id: taskId } });
    const attempt = `mutation($id: ID!) { recordCallAttempt(callTaskId: $id, answered: false, note: "无人接听") { status
      attempts { answered } } }`;
    for (const [i, t] of ['09:00', '13:00'].entries()) {
      at(`2026-11-23T${t}:00+08:00`);
      const r = await s.gql<{ recordCallAttempt: { status: string; attempts: unknown[] } }>(
        attempt,
        { id: taskId },
        operator,
      );
      expect(r.data!.recordCallAttempt).toMatchObject({
        status: 'PENDING',
        attempts: Array(i + 1).fill({ answered: false }),
      });
    }
    expect(await s.db.prisma.alert.count({ where: { elderId: task.elderId, kind: 'MISSED_CONTACT' } })).toBe(0);
    at('2026-11-23T18:00:00+08:00');
    expect(
      (await s.gql<{ recordCallAttempt: { status: string } }>(attempt, { id: taskId }, operator)).data!
        .recordCallAttempt.status,
    ).toBe('UNREACHED');
    expect(await s.db.prisma.alert.count({ where: { elderId: task.elderId, kind: 'MISSED_CONTACT' } })).toBe(1);
    // A fourth unanswered call (another task of the same elder) adds nothing.
    const other = await s.db.prisma.callTask.findFirstOrThrow({ where: { elderId: task.elderId, status: 'PENDING' } });
    at('2026-11-23T19:00:00+08:00');
    await s.gql(attempt, { id: other.id }, operator);
    await runAlertJobs(s.app.services);
    expect(await s.db.prisma.alert.count({ where: { elderId: task.elderId, kind: 'MISSED_CONTACT' } })).toBe(1);
    // Bad input: an unknown task, a family member recording calls.
    expect(
      (await s.gql(attempt, { id: '00000000-0000-0000-0000-000000000000' }, operator)).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await s.gql(attempt, { id: other.id }, await s.login('family'))).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('answered calls close the task and break the run of misses', async () => {
    const missed = (await s.db.prisma.alert.findMany({ where: { kind: 'MISSED_CONTACT' } })).map((x) => x.elderId);
    const task = await s.db.prisma.callTask.findFirstOrThrow({
      where: { status: 'PENDING', elderId: { notIn: missed } },
    });
    const r = await s.gql<{ recordCallAttempt: { status: string } }>(
      `mutation($id: ID!) { recordCallAttempt(callTaskId: $id, answered: true, note: "老人身体不错") { status } }`,
      { id: task.id },
      operator,
    );
    expect(r.data!.recordCallAttempt.status).toBe('DONE');
    expect(
      (
        await s.gql(
          `mutation($id: ID!) { recordCallAttempt(callTaskId: $id, answered: true) { status } }`,
          { id: task.id },
          operator,
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('INVALID_STATE');
  });
});

describe('quiet elders (000 六 5: 连续两周未下单)', () => {
  it('14 quiet days raise one NO_RECENT_ORDER per elder, even with two instances sweeping at once', async () => {
    at('2026-12-20T10:00:00+08:00');
    await Promise.all([runAlertJobs(s.app.services), runAlertJobs(second.services)]);
    const quiet = await s.db.prisma.enrolment.count({
      where: { status: 'ACTIVE', startedOn: { lte: new Date('2026-12-06') } },
    });
    const alerts = await s.db.prisma.alert.groupBy({
      by: ['elderId'],
      where: { kind: 'NO_RECENT_ORDER' },
      _count: true,
    });
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a._count === 1)).toBe(true);
    expect(alerts.length).toBeLessThanOrEqual(quiet);
    await runAlertJobs(second.services);
    expect(await s.db.prisma.alert.count({ where: { kind: 'NO_RECENT_ORDER' } })).toBe(alerts.length);
    // Each alert is visible to the community's worker with its reason in Chinese.
    const list = await s.gql<{
      alerts: { totalCount: number; edges: { node: { reason: string; community: { code: string } } }[] };
    }>(
      `{ alerts(first: 100, filter: { kind: NO_RECENT_ORDER }) { totalCount edges { node { reason community { code } }
        } } }`,
      {},
      await s.login('worker'),
    );
    expect(list.data!.alerts.totalCount).toBeGreaterThan(0);
    expect(list.data!.alerts.edges[0]!.node.reason).toBe('两周未下单');
  });

  it(
    'acknowledge then resolve with an outcome; unacknowledged ones go up to the street after the configured ' + 'hours',
    async () => {
      const worker = await s.login('worker');
      const list = await s.gql<{ alerts: { edges: { node: { id: string } }[] } }>(
        `{ alerts(first: 2, filter: { kind: NO_RECENT_ORDER, status: RAISED }) { edges { node { id } } } }`,
        {},
        worker,
      );
      const [a, b] = list.data!.alerts.edges.map((e) => e.node.id);
      expect(b).toBeDefined();
      expect(
        (await s.gql(`mutation($id: ID!) { resolveAlert(id: $id, outcome: " ") { status } }`, { id: a }, worker))
          .errors?.[0]?.extensions?.code,
      ).toBe('BAD_USER_INPUT');
      expect(
        (
          await s.gql<{ acknowledgeAlert: { status: string } }>(
            `mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }`,
            { id: a },
            worker,
          )
        ).data!.acknowledgeAlert.status,
      ).toBe('ACKNOWLEDGED');
      expect(
        (await s.gql(`mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }`, { id: a }, worker)).errors?.[0]
          ?.extensions?.code,
      ).toBe('INVALID_STATE');
      const done = await s.gql<{ resolveAlert: { status: string; outcome: string } }>(
        `mutation($id: ID!) { resolveAlert(id: $id, outcome: "已上门，帮助老人下单助洁") { status outcome } }`,
        { id: a },
        worker,
      );
      expect(done.data!.resolveAlert).toEqual({ status: 'RESOLVED', outcome: '已上门，帮助老人下单助洁' });
      expect(
        (
          await s.gql(
            `mutation($id: ID!) { acknowledgeAlert(id: $id) { status } }`,
            { id: b },
            await s.login('worker2'),
          )
        ).errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');

      // A complaint at 15:00 raises a COMPLAINT alert nobody acknowledges; five hours later (over
      // the default four) it goes up to the street, and the resolved one does not.
      at('2026-12-20T15:00:00+08:00');
      const link = await s.db.prisma.familyLink.findFirstOrThrow({ where: { user: { username: 'family' } } });
      const filed = await s.gql(
        `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`,
        { i: { elderId: link.elderId, content: '护理员没有按约定时间上门' } },
        await s.login('family'),
      );
      expect(filed.errors).toBeUndefined();
      const complaintAlert = await s.db.prisma.alert.findFirstOrThrow({
        where: { elderId: link.elderId, kind: 'COMPLAINT' },
      });
      at('2026-12-20T17:00:00+08:00');
      expect((await runAlertJobs(second.services)).escalated).toBe(0);
      at('2026-12-20T20:00:00+08:00');
      const r = await runAlertJobs(second.services);
      expect(r.escalated).toBe(1);
      expect(
        (await s.db.prisma.alert.findUniqueOrThrow({ where: { id: complaintAlert.id } })).escalatedAt,
      ).not.toBeNull();
      const street = await s.gql<{ notices: { edges: { node: { kind: string } }[] } }>(
        `{ notices(first: 100) { edges { node { kind } } } }`,
        {},
        await s.login('street_officer'),
      );
      expect(street.data!.notices.edges.some((e) => e.node.kind === 'ALERT_ESCALATED')).toBe(true);
      expect((await runAlertJobs(s.app.services)).escalated).toBe(0);

      // Six hours before the complaint's 48-hour deadline the sweep warns (SLA_BREACH), once.
      at('2026-12-22T08:30:00+08:00');
      await runAlertJobs(s.app.services);
      expect(await s.db.prisma.alert.count({ where: { elderId: link.elderId, kind: 'SLA_BREACH' } })).toBe(0);
      at('2026-12-22T10:30:00+08:00');
      await Promise.all([runAlertJobs(s.app.services), runAlertJobs(second.services)]);
      const sla = await s.db.prisma.alert.findMany({ where: { elderId: link.elderId, kind: 'SLA_BREACH' } });
      expect(sla).toHaveLength(1);
      expect(sla[0]!.detail).toMatchObject({ overdue: false });
    },
  );

  it('a wallet running dry raises LOW_BALANCE and tells the family once', async () => {
    const link = await s.db.prisma.familyLink.findFirstOrThrow({
      where: { user: { username: 'family' } },
      orderBy: { createdAt: 'desc' },
    });
    const accounts = await s.db.prisma.ledgerAccount.findMany({
      where: { elderId: link.elderId, kind: { in: ['SUBSIDY_OFFLINE', 'SELF_PAID'] } },
    });
    const sink = await s.db.prisma.$transaction((tx) => platformAccount(tx, 'PROVIDER_PAYABLE', 'FEN'));
    for (const a of accounts) {
      const spend = a.balance - a.held - 500n;
      if (spend > 0n)
        await postOnce(s.db.prisma, {
          kind: 'CHARGE',
          idempotencyKey: `drain-${a.id}`,
          request: {},
          entries: [
            { accountId: a.id, amount: -spend },
            { accountId: sink.id, amount: spend },
          ],
        });
    }
    await Promise.all([runAlertJobs(s.app.services), runAlertJobs(second.services)]);
    expect(await s.db.prisma.alert.count({ where: { elderId: link.elderId, kind: 'LOW_BALANCE' } })).toBe(1);
    expect(
      await s.db.prisma.notice.count({
        where: { elderId: link.elderId, kind: 'LOW_BALANCE', user: { username: 'family' } },
      }),
    ).toBe(1);
  });
});

describe('greetings (000 四: 生日祝福、节日问候)', () => {
  it('重阳节 sends one greeting per family member, once', async () => {
    at('2027-10-08T07:00:00+08:00');
    const before = await s.db.prisma.notice.count({ where: { kind: 'FESTIVAL_GREETING' } });
    const r = await generateCallTasks(s.db.prisma, now);
    await generateCallTasks(second.services.db.prisma, now);
    const family = await s.db.prisma.familyLink.count({
      where: { elder: { enrolments: { some: { status: 'ACTIVE', policy: { code: 'HUANGPI_2020' } } } } },
    });
    const selfUsers = await s.db.prisma.user.count({
      where: { elder: { enrolments: { some: { status: 'ACTIVE', policy: { code: 'HUANGPI_2020' } } } } },
    });
    expect(await s.db.prisma.notice.count({ where: { kind: 'FESTIVAL_GREETING' } })).toBe(before + family + selfUsers);
    expect(r.greetings).toBe(family + selfUsers);
    const inbox = await s.gql<{ notices: { edges: { node: { kind: string; title: string } }[] } }>(
      `{ notices(first: 10) { edges { node { kind title } } } }`,
      {},
      await s.login('family'),
    );
    expect(
      inbox.data!.notices.edges.filter((e) => e.node.kind === 'FESTIVAL_GREETING').map((e) => e.node.title),
    ).toEqual(expect.arrayContaining(['重阳节到了']));
  });
});
