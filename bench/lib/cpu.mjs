/**
 * How much CPU *other* processes used during a measured row (Linux /proc), so a noisy figure can
 * be told from a slow route: everything busy on the machine minus this process, the backend and
 * the PostgreSQL server processes (counted as part of the workload; on a shared server that also
 * counts other clients' queries as ours). Returns undefined where /proc is not there.
 */
import fs from 'node:fs';

const ticksOf = pid => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime, and cutime + cstime: the reaped children's, so that a PostgreSQL connection
    // that ends during a row still counts as the workload (through the postmaster)
    return (
      Number(fields[11]) +
      Number(fields[12]) +
      Number(fields[13]) +
      Number(fields[14])
    );
  } catch {
    return 0;
  }
};

function postgresPids() {
  const pids = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres')
        pids.push(name);
    } catch {
      /* gone */
    }
  }
  return pids;
}

function machineTicks() {
  const [, ...values] = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] =
    values.map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { total, busy: total - idle - iowait };
}

export function cpuSnapshot(ownPids) {
  try {
    const machine = machineTicks();
    const pgPids = postgresPids();
    const own = [...ownPids, ...pgPids].reduce(
      (sum, pid) => sum + ticksOf(pid),
      0,
    );
    return { machine, own, pids: [...ownPids, ...pgPids] };
  } catch {
    return undefined;
  }
}

/** Average cores used by other processes between two snapshots. */
export function otherCores(before, cores) {
  if (!before) return undefined;
  try {
    const machine = machineTicks();
    // processes that started during the row (new PostgreSQL connections) count from zero
    const pgNow = postgresPids().filter(pid => !before.pids.includes(pid));
    const own = [...before.pids, ...pgNow].reduce(
      (sum, pid) => sum + ticksOf(pid),
      0,
    );
    const wall = (machine.total - before.machine.total) / cores; // ticks per core
    const other = machine.busy - before.machine.busy - (own - before.own);
    return wall > 0
      ? Math.max(0, Math.round((100 * other) / wall) / 100)
      : undefined;
  } catch {
    return undefined;
  }
}
