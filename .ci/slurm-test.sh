#!/usr/bin/env bash
# Real Slurm check of `receco sweep`: installs Debian's slurm-wlm and munge if missing, starts munged,
# slurmctld and slurmd for a one-node cluster on this host, submits the job-array script that
# `receco sweep --emit-slurm` writes, waits for it (scontrol show job), merges the shards with --collect,
# and checks the index equals a local run of the same sweep. Needs root (to install and run the daemons);
# skips with a message otherwise. Takes seconds once the packages are installed.
set -euo pipefail
cd "$(dirname "$0")/.."
home="$(pwd)"

if [ "$(id -u)" -ne 0 ]; then
  echo "slurm-test: SKIPPED: not running as root (needed to install slurm-wlm/munge and start munged, slurmctld, slurmd)"
  exit 0
fi
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  echo "slurm-test: installing slurm-wlm and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

work="$(mktemp -d /tmp/receco-slurm.XXXXXX)"
host="$(hostname -s)"
started=()
cleanup() {
  local rc=$?
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  if [ $rc -ne 0 ]; then
    echo "slurm-test: FAILED; daemon logs and job output follow (work dir $work)" >&2
    tail -n 30 "$work"/*.log "$work"/out/slurm/*.out 2>/dev/null >&2 || true
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# --- munge: a key, directories owned by the munge user (munged refuses root-owned log/state), the daemon ---
mkdir -p /etc/munge /var/log/munge /var/lib/munge /run/munge
if [ ! -s /etc/munge/munge.key ]; then
  mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown -R munge:munge /etc/munge /var/log/munge /var/lib/munge /run/munge
chmod 0700 /etc/munge /var/log/munge /var/lib/munge
chmod 0755 /run/munge
chmod 0400 /etc/munge/munge.key
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
  started+=("$(cat /run/munge/munged.pid)")
  munge -n | unmunge >/dev/null
fi

# --- a one-node cluster on this host, state in the work directory, on ports of its own ---
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<CONF
ClusterName=receco-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
SlurmctldPort=16817
SlurmdPort=16818
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
started+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
started+=($!)
state=""
for _ in $(seq 120); do
  state="$(sinfo -h -n "$host" -o %T 2>/dev/null || true)"
  case "$state" in idle*|mix*|alloc*) break ;; esac
  sleep 0.25
done
case "$state" in idle*|mix*|alloc*) ;; *) echo "slurm-test: node did not come up (state '$state')" >&2; exit 1 ;; esac
echo "slurm-test: one-node cluster up on $host ($(nproc) CPUs) after ${SECONDS}s"

# --- a small sweep: 2 x 2 points x 2 replicates of a tiny scenario, in 3 array tasks ---
./receco --version >/dev/null   # builds RecEco now if needed, not in every array task
cat > "$work/tiny.yaml" <<'YAML'
name: tiny
seed: 5
rounds: 4
users: {count: 40}
authors: {count: 5}
slate: {size: 10, match: 8, coldStart: 2}
metrics: {homogenisationPairs: 20}
YAML
cat > "$work/sweep.yaml" <<'YAML'
name: slurm-ci
scenario: tiny.yaml
parameters:
  recommender.name: [random, popular]
  users.params.interestStep: [0.05, 0.2]
replicates: 2
seed: 3
metrics: [gini.exposure.item]
digest: true          # the collected index must match the local one down to every run database's digest
YAML
./receco sweep "$work/sweep.yaml" --out "$work/out" --emit-slurm --tasks 3
script="$work/out/slurm-ci.sbatch"
job="$(sbatch --parsable "$script")"
job="${job%%;*}"
echo "slurm-test: submitted array job $job"
for _ in $(seq 600); do
  states="$(scontrol show job "$job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' || true)"
  if [ -n "$states" ] && ! grep -qE 'PENDING|RUNNING|CONFIGURING|COMPLETING|SUSPENDED' <<<"$states"; then
    break
  fi
  sleep 0.5
done
echo "slurm-test: job $job finished after ${SECONDS}s: $(sort <<<"$states" | uniq -c | tr -s ' \n' ' ')"
if grep -vq 'JobState=COMPLETED' <<<"$states"; then
  echo "slurm-test: not every array task completed" >&2
  scontrol show job "$job" >&2 || true
  exit 1
fi
[ "$(ls "$work/out/slurm" | wc -l)" -eq 3 ] || { echo "slurm-test: expected 3 task logs" >&2; exit 1; }

./receco sweep "$work/sweep.yaml" --out "$work/out" --collect
./receco sweep "$work/sweep.yaml" --out "$work/local" --threads 2 --quiet
./receco sweep "$work/sweep.yaml" --out "$work/out" --dump-index > "$work/slurm.index"
./receco sweep "$work/sweep.yaml" --out "$work/local" --dump-index > "$work/local.index"
[ "$(grep -c $'\tcompleted\t' "$work/slurm.index")" -eq 8 ] || { echo "slurm-test: expected 8 completed runs" >&2; exit 1; }
if ! diff -u "$work/local.index" "$work/slurm.index" >&2; then
  echo "slurm-test: the index collected from Slurm differs from the local run" >&2
  exit 1
fi
echo "slurm-test: OK in ${SECONDS}s: 8 runs in 3 Slurm array tasks, collected index equals the local run's"
