// How a process of ours dies when it cannot start: one line a person can act on, and the whole
// error (stack, causes) in a log file. Without this Node prints the source line of the throw,
// which for a bundled dependency (PGlite) is a single line of hundreds of kilobytes.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';

const MAX_LINE = 400;

/** The first line of an error's message, cut to a readable length. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const first = text.split('\n', 1)[0]!.trim() || (err instanceof Error ? err.name : 'Error');
  return first.length > MAX_LINE ? `${first.slice(0, MAX_LINE)}…` : first;
}

/**
 * Writes the error to `<logDir>/<name>-error.log`, prints one line naming that file, and exits.
 * `expected` errors (a refusal such as a folder in use) print their message alone, no log.
 */
export function dieWithOneLine(
  err: unknown,
  opts: { logDir: string; name: string; expected?: boolean; exitCode?: number; running?: boolean },
): never {
  if (opts.expected) {
    process.stderr.write(`${oneLine(err)}\n`);
    process.exit(opts.exitCode ?? 1);
  }
  const file = path.join(opts.logDir, `${opts.name}-error.log`);
  let where = file;
  try {
    mkdirSync(opts.logDir, { recursive: true });
    appendFileSync(file, `[${new Date().toISOString()}] pid ${process.pid}\n${inspect(err, { depth: 6 })}\n\n`);
  } catch {
    where = '（日志文件写入失败 / could not write the log file）';
  }
  const what = opts.running ? '意外停止 / stopped' : '启动失败 / failed to start';
  process.stderr.write(`${opts.name} ${what}: ${oneLine(err)}（详情 / details: ${where}）\n`);
  process.exit(opts.exitCode ?? 1);
}
