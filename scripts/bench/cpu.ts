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

/** Every process named `postgres` on this host: the server and its backends, where the PostgreSQL runs are measured. */
function postgresCpuMs(): number {
  let total = 0;
  let dirs: string[];
  try {
    dirs = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  for (const pid of dirs) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue; // gone meanwhile
    }
    const ms = processCpuMs(pid);
    if (Number.isFinite(ms)) total += ms;
  }
  return total;
}

/**
 * A meter over the app's process (PGlite's worker thread included), the local PostgreSQL server's processes, and
 * this process (the load, the simulator). Backends that exit between two readings take their time with them, so the
 * database figure is a floor; the bench keeps its connections open, so it loses little.
 */
export function cpuMeter(appPid: number | undefined, withPostgres: boolean): CpuMeter {
  return () => {
    const own = process.cpuUsage();
    return {
      app: appPid ? processCpuMs(appPid) : Number.NaN,
      database: withPostgres ? postgresCpuMs() : 0,
      bench: (own.user + own.system) / 1000,
    };
  };
}
