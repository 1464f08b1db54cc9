import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (Linux: 100). */
const ticksPerSecond = 100;

/** A process's parent and its user + system CPU ticks, from /proc/<pid>/stat; null once it is gone. */
function stat(pid: number): { name: string; ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { name, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * CPU microseconds used so far by a process and all its descendants (wrangler dev: npx, wrangler's Node and
 * workerd), or only those of them named `only` (and whose command line includes `argIncludes`, not `argExcludes`). Read before and after a load, the difference is what the server side spent on it, whatever the
 * load generator on the same cores spent.
 */
export function treeCpuUs(rootPid: number, only?: string, argIncludes?: string, argExcludes?: string): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (!s) continue;
    const args = argIncludes || argExcludes ? cmdline(pid) : '';
    const wanted =
      (!only || s.name === only) &&
      (!argIncludes || args.includes(argIncludes)) &&
      (!argExcludes || !args.includes(argExcludes));
    ticks.set(pid, wanted ? s.ticks : 0);
    parents.set(pid, s.ppid);
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === rootPid) {
        total += t;
        break;
      }
    }
  }
  return (total / ticksPerSecond) * 1e6;
}
