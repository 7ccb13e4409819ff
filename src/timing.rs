//! Phase times on stderr when `BUURTRADAR_TIMINGS` is set, so a slow run on
//! a user's data shows where its time goes without a profiler.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

fn start() -> Option<Instant> {
    *START.get_or_init(|| std::env::var_os("BUURTRADAR_TIMINGS").map(|_| Instant::now()))
}

/// Starts the clock (first call) and, when enabled, prints the time since
/// and, where the system tells it, the CPU time of all threads: a phase whose
/// CPU time is not about twice its wall time on two cores runs on one.
pub fn mark(what: &str) {
    if let Some(t0) = start() {
        let wall = t0.elapsed().as_secs_f64() * 1e3;
        let cpu = cpu_ms().map_or(String::new(), |c| format!("  cpu {c:>6.0} ms"));
        let mem = memory_mb().map_or(String::new(), |(now, peak)| {
            format!("  rss {now:>5} MB  peak {peak:>5} MB")
        });
        eprintln!("timing {wall:>8.1} ms{cpu}{mem}  {what}");
    }
}

/// Resident memory now and at its peak so far, in MB, from Linux's
/// `/proc/self/status` (`VmRSS`, `VmHWM`): where in a run the peak falls.
fn memory_mb() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb = |key: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line[key.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    };
    Some((kb("VmRSS:")? / 1024, kb("VmHWM:")? / 1024))
}

/// User plus system time of the process so far, from Linux's
/// `/proc/self/stat` (fields 14 and 15, in ticks of 10 ms on common kernels).
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; fields after it are plain.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split(' ').skip(11);
    let utime: f64 = fields.next()?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) * 10.0)
}
