#!/usr/bin/env bash
# Submits a film to Slurm: an array job of N independent slices (`siege render --task K
# --chunks N`, frames only), then a job that runs after all of them succeed and joins the
# slices with ffmpeg (the same `siege render` command without --task: every frame is there,
# so it only encodes). The frames are PNG files, so the join is lossless and the film equals
# a single whole run frame for frame. Needs a filesystem shared by the nodes (the output's
# folder) and siege + lavapipe (or a GPU) on every node; ffmpeg only where the join runs.
#
#   tools/farm/submit_slurm.sh [options] -- SCENARIO --out FILM.mp4 [siege render options]
#
# options:
#   --chunks N        slices (array tasks), default 8
#   --siege PATH      the siege binary (default: build/siege beside this script's repository)
#   --partition P     Slurm partition (default: the cluster's default)
#   --time T          time limit of each slice and of the join (sbatch --time), default none
#   --sbatch ARG      one more argument for both sbatch calls (repeatable: --sbatch --mem=4G)
#   --logs DIR        where the jobs' logs go (default: FILM.slurm-logs/)
#   --wait            wait until the join has finished; exit with its status
#
# Prints the array job's id and the join job's id ("array 12 join 13").
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)
chunks=8
siege="$here/build/siege"
partition=""
time_limit=""
wait_flag=""
logs=""
extra=()
while (($#)); do
  case "$1" in
    --chunks) chunks=$2; shift 2 ;;
    --siege) siege=$2; shift 2 ;;
    --partition) partition=$2; shift 2 ;;
    --time) time_limit=$2; shift 2 ;;
    --sbatch) extra+=("$2"); shift 2 ;;
    --logs) logs=$2; shift 2 ;;
    --wait) wait_flag=1; shift ;;
    --) shift; break ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "submit_slurm: unknown option $1 (the siege render arguments go after --)" >&2; exit 2 ;;
  esac
done
if (($# == 0)); then echo "submit_slurm: give the siege render arguments after --" >&2; exit 2; fi
if ! [[ "$chunks" =~ ^[1-9][0-9]*$ ]]; then echo "submit_slurm: --chunks must be a positive number" >&2; exit 2; fi
command -v sbatch >/dev/null || { echo "submit_slurm: sbatch not found (is this a Slurm submit host?)" >&2; exit 2; }
[[ -x "$siege" ]] || { echo "submit_slurm: no siege binary at $siege (build it, or pass --siege PATH)" >&2; exit 2; }
siege=$(cd "$(dirname "$siege")" && pwd)/$(basename "$siege")

# The film's output, for the default log folder.
out=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -o|--out) out=${args[i+1]:-} ;;
    --out=*) out=${args[i]#--out=} ;;
    --task|--chunks) echo "submit_slurm: do not pass ${args[i]}; the script slices the film" >&2; exit 2 ;;
  esac
done
[[ -n "$out" ]] || { echo "submit_slurm: the siege render arguments need --out FILM.mp4 (or a frame pattern)" >&2; exit 2; }
logs=${logs:-$out.slurm-logs}

# Check the arguments here, before anything is queued or created (no rendering).
"$siege" render "$@" --dry-run >/dev/null
mkdir -p "$logs"

quoted=$(printf ' %q' "$@")
common=(--parsable --chdir "$(pwd)" --export ALL)
[[ -n "$partition" ]] && common+=(--partition "$partition")
common+=("${extra[@]}")

array_id=$(sbatch "${common[@]}" --job-name siege-slices --array "0-$((chunks - 1))" \
  ${time_limit:+--time "$time_limit"} --output "$logs/slice_%a.log" <<JOB
#!/usr/bin/env bash
set -euo pipefail
export XDG_RUNTIME_DIR=\${XDG_RUNTIME_DIR:-\$(mktemp -d)}
exec $(printf %q "$siege") render$quoted --task "\$SLURM_ARRAY_TASK_ID" --chunks $chunks
JOB
)
array_id=${array_id%%;*}

join_id=$(sbatch "${common[@]}" --job-name siege-join --dependency "afterok:$array_id" --kill-on-invalid-dep=yes \
  ${time_limit:+--time "$time_limit"} --output "$logs/join.log" ${wait_flag:+--wait} <<JOB
#!/usr/bin/env bash
set -euo pipefail
export XDG_RUNTIME_DIR=\${XDG_RUNTIME_DIR:-\$(mktemp -d)}
exec $(printf %q "$siege") render$quoted
JOB
) || { status=$?; echo "submit_slurm: the join job failed (see $logs/join.log)" >&2; exit $status; }
join_id=${join_id%%;*}
echo "array $array_id join $join_id"
