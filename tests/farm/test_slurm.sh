#!/usr/bin/env bash
# A real Slurm cluster of one node on this machine: munged, slurmctld and slurmd on
# loopback with private ports, every state/spool/log/pid file in a temporary folder, all
# stopped by pid at the end. Submits a short film as 3 slices through
# tools/farm/submit_slurm.sh and checks that the joined film equals a single whole run,
# frame for frame (ffmpeg framemd5) and byte for byte, and that --time limits the join too.
#
#   tests/farm/test_slurm.sh SIEGE_BINARY [SOURCE_DIR]
#
# Exits 77 (CTest's skip code, see SKIP_RETURN_CODE in tests/CMakeLists.txt) with a reason
# when Slurm or munge is not installed (tools/setup.sh installs slurm-wlm and munge) or
# cannot run here.
set -uo pipefail
SKIP=77
siege=${1:?usage: test_slurm.sh SIEGE_BINARY [SOURCE_DIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
siege=$(cd "$(dirname "$siege")" && pwd)/$(basename "$siege")
scenario=$src/assets/scenarios/caizhou.json

skip() { echo "SKIP: $*"; exit $SKIP; }
fail() { echo "FAIL: $*"; for f in "$work"/log/*.log "$work"/film.mp4.slurm-logs/*.log; do [[ -f $f ]] && { echo "--- $f"; tail -n 30 "$f"; }; done; exit 1; }

for p in munged mungekey slurmctld slurmd sbatch squeue scontrol ffmpeg; do
  command -v "$p" >/dev/null 2>&1 || [[ -x /usr/sbin/$p ]] || skip "$p is not installed (tools/setup.sh installs slurm-wlm, munge and ffmpeg)"
done
export PATH=$PATH:/usr/sbin

work=$(mktemp -d /tmp/siege-slurm.XXXXXX)

# Bad siege arguments are refused before anything is queued or created (no log folder).
"$src/tools/farm/submit_slurm.sh" --siege "$siege" --chunks 3 -- "$scenario" --out "$work/bad.mp4" --fps 0 >"$work/bad.out" 2>&1
status=$?
[[ $status == 2 ]] || fail "submit_slurm.sh with --fps 0 exited $status, not 2: $(cat "$work/bad.out")"
[[ ! -e $work/bad.mp4.slurm-logs && ! -e $work/bad.mp4.frames ]] || fail "submit_slurm.sh created files for a refused film"
echo "submit_slurm: bad arguments exit 2 and create nothing"
pids=()
cleanup() {
  # Stop what this test started, by pid, newest first; then remove the folder.
  local i pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  [[ -n "${KEEP_SLURM_TEST_DIR:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir -p "$work"/{state,spool,log,munge,run}
chmod 755 "$work/munge"

# A free loopback TCP port of our own (bind to port 0 and read what we got).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pidof_file() { local f=$1; for _ in $(seq 100); do [[ -s $f ]] && { cat "$f"; return 0; }; sleep 0.1; done; return 1; }

# ---- munge, with its own key and socket.
key=$work/munge/munge.key
mungekey --create --keyfile="$key" >/dev/null 2>&1 || dd if=/dev/urandom of="$key" bs=1024 count=1 status=none
chmod 400 "$key"
socket=$work/munge/munge.socket
munged --force --key-file="$key" --socket="$socket" --pid-file="$work/run/munged.pid" \
  --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" --num-threads=2 >"$work/log/munged.out" 2>&1 ||
  skip "munged cannot start here: $(tail -n 3 "$work/log/munged.out" "$work/log/munged.log" 2>/dev/null | tr '\n' ' ')"
munge_pid=$(pidof_file "$work/run/munged.pid") || skip "munged wrote no pid file"
pids+=("$munge_pid")
echo test | munge --socket="$socket" | unmunge --socket="$socket" >/dev/null 2>&1 || skip "munge does not work here (munge | unmunge failed)"

# ---- slurm.conf: one node, loopback only, private ports, everything under $work.
host=$(hostname -s)
user=$(id -un)
ctl_port=$(free_port)
d_port=$(free_port)
while [[ $d_port == "$ctl_port" ]]; do d_port=$(free_port); done
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2 / 1024 / 2)}' /proc/meminfo)
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<CONF
ClusterName=siegetest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctl_port
SlurmdPort=$d_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmdTimeout=60
InactiveLimit=0
KillWait=5
MaxArraySize=1000
NodeName=siegenode NodeHostname=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=siegetest Nodes=siegenode Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF

slurmctld -i -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 ||
  skip "slurmctld cannot start here: $(tail -n 5 "$work/log/slurmctld.log" "$work/log/slurmctld.out" 2>/dev/null | tr '\n' ' ')"
ctl_pid=$(pidof_file "$work/run/slurmctld.pid") || skip "slurmctld wrote no pid file: $(tail -n 5 "$work/log/slurmctld.log" 2>/dev/null | tr '\n' ' ')"
pids+=("$ctl_pid")
slurmd -f "$SLURM_CONF" -N siegenode >"$work/log/slurmd.out" 2>&1 ||
  skip "slurmd cannot start here: $(tail -n 5 "$work/log/slurmd.log" "$work/log/slurmd.out" 2>/dev/null | tr '\n' ' ')"
d_pid=$(pidof_file "$work/run/slurmd.pid") || skip "slurmd wrote no pid file: $(tail -n 5 "$work/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"
pids+=("$d_pid")

# Wait (bounded) for the node to be idle.
state=""
for _ in $(seq 60); do
  state=$(sinfo -h -N -o '%T' 2>/dev/null | head -n 1)
  [[ $state == idle* ]] && break
  sleep 1
done
[[ $state == idle* ]] || skip "the one-node cluster did not come up (node state: '${state:-none}'): $(tail -n 5 "$work/log/slurmd.log" "$work/log/slurmctld.log" 2>/dev/null | tr '\n' ' ')"
echo "slurm: one node up (slurmctld pid $ctl_pid on 127.0.0.1:$ctl_port, slurmd pid $d_pid on :$d_port)"

# ---- The film: 12 frames at 160x90, as 3 slices, joined by a dependent job.
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
cd "$work"
film=("$scenario" --size 160x90 --fps 24 --frames 0-11 --duration 2 --phase 2-4)
start=$(date +%s)
ids=$(timeout 300 "$src/tools/farm/submit_slurm.sh" --siege "$siege" --chunks 3 --time 10 --wait -- "${film[@]}" --out "$work/film.mp4" --keep-frames) ||
  fail "the farm render did not finish (submit_slurm.sh exit $?; ids: ${ids:-none})"
echo "slurm: $ids, finished in $(( $(date +%s) - start )) s"
array_id=${ids#array }
array_id=${array_id%% *}
join_id=${ids##* }
# --time 10 (minutes) limits the slices and the join alike.
for job in "${array_id}_0" "$join_id"; do
  limit=$(scontrol show job "$job" 2>/dev/null | grep -o 'TimeLimit=[^ ]*')
  [[ $limit == TimeLimit=00:10:00 ]] || fail "job $job has ${limit:-no TimeLimit}, not the 10 minutes of --time 10"
done
# Each slice really ran as its own array task.
for k in 0 1 2; do
  grep -q "slice $k of 3 done" "$work/film.mp4.slurm-logs/slice_$k.log" || fail "slice $k left no sign of its frames"
done
[[ -f $work/film.mp4 ]] || fail "no joined film"

# The same film in one whole run, outside Slurm.
"$siege" render "${film[@]}" --out "$work/whole.mp4" --keep-frames >/dev/null 2>&1 || fail "the whole run failed"
ffmpeg -v error -i "$work/film.mp4" -f framemd5 "$work/farm.framemd5" || fail "ffmpeg cannot read the joined film"
ffmpeg -v error -i "$work/whole.mp4" -f framemd5 "$work/whole.framemd5" || fail "ffmpeg cannot read the whole run"
frames=$(grep -vc '^#' "$work/farm.framemd5")
[[ $frames == 12 ]] || fail "the joined film has $frames frames, not 12"
diff -q "$work/farm.framemd5" "$work/whole.framemd5" >/dev/null || fail "the joined film's frames differ from the whole run's"
for f in "$work"/whole.mp4.frames/frame_*.png; do
  cmp -s "$f" "$work/film.mp4.frames/$(basename "$f")" || fail "$(basename "$f") differs between the farm and the whole run"
done
cmp -s "$work/film.mp4" "$work/whole.mp4" || fail "the joined film is not byte-identical to the whole run"
echo "PASS: Slurm array job $array_id rendered 3 slices; the joined film equals a whole run (12 frames, framemd5 and bytes)"
