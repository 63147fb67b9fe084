import pino from 'pino';

// Anything shaped like a resident ID number is masked before a log line is written, wherever it
// hides (messages, error texts, nested fields), so logs can never leak one (docs/ARCHITECTURE.md,
// "Invariants").
const ID_LIKE = /\b(\d{4})\d{10}(\d{3}[\dXx])\b/g;

export const scrubIdNumbers = (text: string): string => text.replace(ID_LIKE, '$1**********$2');

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubIdNumbers(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { type: value.name, message: scrubIdNumbers(value.message) };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => scrub(a)) as Parameters<typeof method>);
        },
      },
    },
    // Standard output is written asynchronously (pino's sonic-boom with sync: false), so a log line
    // never blocks a request on a slow pipe (issue 22); pino flushes what is pending when the
    // process exits. No buffering (minLength 0): lines still appear as they are logged.
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 0 }),
  );
}

export type Logger = ReturnType<typeof createLogger>;
