#!/usr/bin/env bash
# The Slurm job array of docs/sweeps-on-a-cluster.md, run for real on this one
# machine. A manual check, not part of CI (it installs and starts daemons):
#   sudo bash bench/slurm-check.sh
#
# 1. installs Slurm and MUNGE from Debian (slurm-wlm, munge) if missing;
# 2. writes a one-node slurm.conf (this host, 2 CPUs, its real memory from
#    /proc/meminfo; every file in a fresh temporary folder; free ports) with
#    proctrack/linuxproc and task/none, which need no cgroups, so that it runs
#    in a container too, and starts munged, slurmctld and slurmd from it;
# 3. submits deploy/sweep.slurm (the doc's job array) as RUNS runs in SHARDS
#    array tasks, waits for the array (squeue, with a timeout), and reads
#    each task's end state from the job-completion log;
# 4. merges the shards (tinygan merge), runs the same sweep unsharded, and
#    compares the two (bench/compare-sweeps.py): identical but for wall times,
#    or it fails;
# 5. cancels what still runs, stops the daemons and removes the folder, on
#    success and failure alike (KEEP=1 keeps the folder to look at).
#
# Environment: RUNS (40), SHARDS (4), CPUS_PER_TASK (1), TIMEOUT seconds for
# the array (900), KEEP (0). Nothing outside the temporary folder is changed
# but the Debian packages; /etc/slurm and /etc/munge are not touched, so it is
# safe to run twice, or beside another Slurm.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
runs="${RUNS:-40}"
shards="${SHARDS:-4}"
cpus_per_task="${CPUS_PER_TASK:-1}"
timeout="${TIMEOUT:-900}"
started=$SECONDS
say() { printf '== [%3ds] %s\n' "$((SECONDS - started))" "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root: it installs packages and starts slurmd, which must be root"

# --- 1. Slurm, MUNGE and tinygan -----------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    say "installing slurm-wlm and munge from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
tinygan="$repo/.build/release/tinygan"
if [ ! -x "$tinygan" ]; then
    say "building tinygan (release)"
    swift build -c release --product tinygan
fi

# --- 2. a one-node cluster in a temporary folder --------------------------
work="$(mktemp -d /tmp/tinygan-slurm.XXXXXX)"
conf="$work/slurm.conf"
job=""
pids=()

# Everything this script starts (the daemons, and through sbatch the array's
# job steps and tinygan processes) carries TINYGAN_SLURM_CHECK=$work in its
# environment, and the script itself does not: that is how leftovers are
# found, exactly ours and nothing else.
marker="TINYGAN_SLURM_CHECK=$work"
ours() { env "$marker" "$@"; }
our_processes() {
    local environ pid
    for environ in /proc/[0-9]*/environ; do
        pid="${environ#/proc/}"; pid="${pid%/environ}"
        if grep -qzxF "$marker" "$environ" 2>/dev/null; then
            echo "$pid"
        fi
    done
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    set +e
    if [ -n "$job" ] && [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; then
        say "cancelling job $job"
        scancel "$job"
        for _ in $(seq 30); do [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break; sleep 1; done
    fi
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
    local left=()
    mapfile -t left < <(our_processes)
    if [ "${#left[@]}" -gt 0 ]; then
        say "stopping leftover processes: ${left[*]}"
        kill "${left[@]}" 2>/dev/null; sleep 2
        mapfile -t left < <(our_processes)
        [ "${#left[@]}" -eq 0 ] || kill -9 "${left[@]}" 2>/dev/null
    fi
    if [ "$status" -ne 0 ] && [ -d "$work/log" ]; then
        echo "--- last lines of the daemons' logs ($work/log):" >&2
        tail -n 15 "$work"/log/*.log >&2
    fi
    if [ "${KEEP:-0}" = 1 ]; then
        say "kept $work"
    else
        rm -rf "$work"
    fi
    say "stopped munged, slurmctld and slurmd$([ "${KEEP:-0}" = 1 ] || echo "; removed $work")"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

host="$(hostname -s)"
memory_mb=$(( $(awk '/^MemTotal:/ { print $2 }' /proc/meminfo) / 1024 ))
mkdir -p "$work"/{munge,state,spool,log,sweeps}
chmod 0700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"

cat >"$conf" <<EOF
# One-node Slurm for bench/slurm-check.sh; every path in $work.
ClusterName=tinygan-check
SlurmctldHost=$host
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool/%n
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
# No cgroups needed (a container has none to give): processes are tracked by
# their parent links, and tasks are not bound or confined.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
MailProg=/bin/true
# No accounting database (sacct needs slurmdbd): each finished job's state
# and exit code go to a text file instead.
JobCompType=jobcomp/filetxt
JobCompLoc=$work/log/jobcomp.txt
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 RealMemory=$memory_mb State=UNKNOWN
PartitionName=check Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$conf"

say "Slurm $(slurmctld -V | awk '{ print $2 }') on $host: 2 CPUs, ${memory_mb} MB; folder $work"
ours munged --foreground --force --socket="$socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munged.seed" \
    --log-file="$work/log/munged.log" >>"$work/log/munged.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do munge -n -S "$socket" 2>/dev/null | unmunge -S "$socket" >/dev/null 2>&1 && break; sleep 0.2; done
munge -n -S "$socket" | unmunge -S "$socket" >/dev/null || fail "munged did not start"
ours slurmctld -D -f "$conf" >>"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
ours slurmd -D -f "$conf" -N "$host" >>"$work/log/slurmd.out" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 60); do
    state="$(sinfo -h -N -n "$host" -o %t 2>/dev/null || true)"
    [ "$state" = idle ] && break
    sleep 1
done
[ "$state" = idle ] || fail "node $host is not idle after 60 s (state: '${state:-no answer}')"
say "munged, slurmctld and slurmd up; sinfo:"
sinfo

# --- 3. the job array ------------------------------------------------------
sweeps="$work/sweeps"
job="$(RUNS="$runs" SWEEP="$sweeps" TINYGAN="$tinygan" \
    ours sbatch --parsable --array="1-$shards" --cpus-per-task="$cpus_per_task" \
        --chdir="$work" --output="$work/log/task-%A_%a.out" deploy/sweep.slurm)"
job="${job%%;*}"
say "submitted deploy/sweep.slurm as job array $job: $runs runs of the article in $shards shards, $cpus_per_task CPU each"
squeue -j "$job" -r
deadline=$((SECONDS + timeout))
while [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; do
    [ "$SECONDS" -lt "$deadline" ] || fail "job array $job not done after $timeout s"
    sleep 2
done
say "job array $job done; its tasks, from the job-completion log:"
# jobcomp/filetxt writes one line of KEY=VALUE fields per finished job.
awk -v job="$job" '{
    delete f; for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = substr($i, length(kv[1]) + 2) }
    if (f["ArrayJobId"] == job)
        printf "  task %s_%s  %s  exit %s  %s to %s  on %s\n", f["ArrayJobId"], f["ArrayTaskId"], f["JobState"],
            f["ExitCode"], substr(f["StartTime"], 12), substr(f["EndTime"], 12), f["NodeList"]
}' "$work/log/jobcomp.txt" | sort -t_ -k2n | tee "$work/tasks.txt"
completed=$(grep -c ' COMPLETED  exit 0:0 ' "$work/tasks.txt" || true)
[ "$completed" -eq "$shards" ] || { tail -n 20 "$work"/log/task-*.out >&2; fail "$completed of $shards array tasks completed"; }

# --- 4. merge, the same sweep unsharded, compare -----------------------------
"$tinygan" merge "$sweeps"/shard-* --out "$sweeps/merged"
say "unsharded: tinygan sweep --preset article --runs $runs --jobs 2"
"$tinygan" sweep --preset article --runs "$runs" --jobs 2 --quiet --out "$sweeps/unsharded"
say "comparing merged and unsharded"
python3 bench/compare-sweeps.py "$sweeps/merged" "$sweeps/unsharded"
python3 - "$sweeps/merged/summary.json" "$sweeps/unsharded/summary.json" <<'EOF'
import json, sys
for name, path in zip(("merged", "unsharded"), sys.argv[1:]):
    s = json.load(open(path))
    for p in s["points"]:
        c = p["success"]
        print(f"  {name:9}: {c['successes']} of {c['trials']} succeeded "
              f"(95% Wilson {100 * c['lower']:.1f}% to {100 * c['upper']:.1f}%), verdicts {p['verdicts']}; "
              f"wall time of the runs {sum(r['wallSeconds'] for r in s['rows']):.1f} s in all")
EOF
say "OK: the Slurm job array's merged sweep equals the unsharded sweep but for wall times"
