import { readdirSync, readFileSync } from "node:fs";

/** CPU time used so far, in ms, by each part of a run: the app, the PostgreSQL server's processes, and this process. */
export type CpuReading = { app: number; database: number; bench: number };
export type CpuMeter = () => CpuReading;

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux

/** utime + stime of a process and all its threads, from /proc (Linux); NaN where it cannot be read. */
function processCpuMs(pid: number | string): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in brackets may hold spaces: the fields counted from after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** CPU time so far of every process named `postgres` on this host (the server and its backends), by pid; null without /proc. */
function postgresCpuByPid(): Map<string, number> | null {
  const byPid = new Map<string, number>();
  let dirs: string[];
  try {
    dirs = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  for (const pid of dirs) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue; // gone meanwhile
    }
    const ms = processCpuMs(pid);
    if (Number.isFinite(ms)) byPid.set(pid, ms);
  }
  return byPid;
}

/**
 * A meter over the app's process (PGlite's worker thread included), the local PostgreSQL server's processes, and
 * this process (the load, the simulator). The database figure adds up what each postgres process used since the last
 * reading (all of it for one that started since): a backend that exits between two readings takes its last stretch
 * with it, so the figure is a floor; the app keeps its connections open, so it loses little.
 */
export function cpuMeter(appPid: number | undefined, withPostgres: boolean): CpuMeter {
  let last = withPostgres ? postgresCpuByPid() : null;
  // Where /proc cannot be read, the figure is unknown (NaN, printed as "–"), not zero.
  let database = withPostgres && !last ? Number.NaN : 0;
  return () => {
    const now = withPostgres ? postgresCpuByPid() : null;
    if (now && last) for (const [pid, ms] of now) database += Math.max(0, ms - (last.get(pid) ?? 0));
    else if (withPostgres) database = Number.NaN;
    last = now;
    const own = process.cpuUsage();
    return {
      app: appPid ? processCpuMs(appPid) : Number.NaN,
      database,
      bench: (own.user + own.system) / 1000,
    };
  };
}
