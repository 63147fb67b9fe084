// Scheduled jobs in the server process (croner, on the Asia/Shanghai calendar). Jobs must be
// idempotent: every instance runs them, and a run after downtime catches up.
import { Cron } from 'croner';
import type { AppServices } from './context.js';
import { runWalletDailyJobs } from '../wallet/wallet.jobs.js';
import { generateCallTasks } from '../outreach/outreach.service.js';
import { deliverNotices } from '../notices/subscribe-message.js';
import { runAlertSweep } from '../alerts/detectors.js';
import { escalateAlerts, escalationHours, publishAll } from '../alerts/alerts.service.js';
import { notifyExpiringCertificates, publishLapsedCertificates } from '../providers/index.js';
import { publishOverdueComplaints } from '../feedback/feedback.service.js';
import { detectVisitExceptions } from '../exceptions/index.js';
import { detectBehindPace } from '../agreements/index.js';
import { monthInShanghai } from '../common/calendar.js';

export interface Job {
  name: string;
  /** Cron pattern in Asia/Shanghai local time. */
  pattern: string;
  run(app: AppServices): Promise<unknown>;
}

export const JOBS: readonly Job[] = [
  // Five past midnight: the day's clearings, then the month's allowance (000 七 monthly credit).
  { name: 'wallet-daily', pattern: '5 0 * * *', run: (app) => runWalletDailyJobs(app) },
  // Seven in the morning: the day's care calls, birthday and festival greetings (000 四).
  { name: 'outreach-daily', pattern: '0 7 * * *', run: (app) => generateCallTasks(app.db.prisma, app.clock()) },
  // Every quarter of an hour: detectors (000 六 5) and escalation of unacknowledged alerts.
  { name: 'alerts-sweep', pattern: '*/15 * * * *', run: (app) => runAlertJobs(app) },
  // Half past six: caregivers' certificates that run out within the programme's notice period (30 days) are told to
  // their provider.
  {
    name: 'certificates-expiring',
    pattern: '30 6 * * *',
    run: async (app) => ({
      ...(await notifyExpiringCertificates(app.db.prisma, app.clock())),
      ...(await publishLapsedCertificates(app.db.prisma, app.events, app.clock())),
    }),
  },
  // Half past two: the month's checked-out visits screened for exceptions (异常工单), so officers see them before
  // settlement.
  {
    name: 'exceptions-daily',
    pattern: '30 2 * * *',
    run: (app) => detectVisitExceptions(app.db.prisma, { month: monthInShanghai(app.clock()) }, app.clock()),
  },
  // Every minute: inbox notices out as WeChat subscribe messages where a consent allows.
  {
    name: 'notices-deliver',
    pattern: '* * * * *',
    run: (app) => deliverNotices(app.db.prisma, app.messages.sender, app.messages.templates, app.clock()),
  },
];

export async function runAlertJobs(app: AppServices) {
  const now = app.clock();
  const raised = [...(await runAlertSweep(app.db.prisma, now)), ...(await detectBehindPace(app.db.prisma, now))];
  publishAll(app.alertBus, raised);
  const escalated = await escalateAlerts(app.db.prisma, now, escalationHours(app.config));
  // Overdue complaints go on the provider's credit record (002 二(三)10); each is recorded once.
  const overdue = await publishOverdueComplaints(app.db.prisma, app.events, now);
  return { raised: raised.length, escalated, overdue };
}

export interface Scheduler {
  jobs: { name: string; nextRun: Date | null }[];
  stop(): void;
}

/** Starts every job; with `catchUp`, runs each once now (after a restart the day's work is done). */
export function startScheduler(app: AppServices, opts: { catchUp?: boolean; jobs?: readonly Job[] } = {}): Scheduler {
  const jobs = opts.jobs ?? JOBS;
  const run = async (job: Job) => {
    const started = Date.now();
    try {
      const result = await job.run(app);
      app.logger.info({ job: job.name, ms: Date.now() - started, result }, 'job done');
    } catch (err) {
      app.logger.error({ err, job: job.name }, 'job failed');
    }
  };
  // protect: a run still going when the next is due is not started twice.
  const crons = jobs.map(
    (job) =>
      new Cron(job.pattern, { timezone: 'Asia/Shanghai', protect: true, unref: true, name: job.name }, () => run(job)),
  );
  if (opts.catchUp) for (const job of jobs) void run(job);
  return {
    jobs: crons.map((c) => ({ name: c.name ?? '', nextRun: c.nextRun() })),
    stop: () => crons.forEach((c) => c.stop()),
  };
}
