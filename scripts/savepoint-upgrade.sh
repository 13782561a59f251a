#!/usr/bin/env bash
# Upgrades the running candle job to a new jar without losing state: the operator's procedure,
# with Flink's own CLI.
#
#   1. flink stop --savepointPath DIR JOB_ID      the sources stop at a savepoint and the job ends
#                                                 with it: the savepoint is where it stopped
#   2. (the new jonbu-job.jar is in place)
#   3. flink run -d -s SAVEPOINT NEW_JAR ARGS     the new version starts from that savepoint: open
#                                                 candles, indicator warm-up, the feed's position
#
# SavepointUpgradeTest (job module) takes the same steps through Flink's client API on a
# MiniCluster and checks that the candles continue with no gap and no duplicate, and the
# indicators warm.
# `jonbu job stop|savepoint|submit` do the same through Flink's REST API, for machines
# without Flink's CLI.
#
# Why there is no --drain here: draining ends event time before the savepoint, so every open
# candle would be closed early with part of its trades, and the new version would then see the
# rest of them as late trades. Drain only when the job is to stop for good.
#
# --allow-non-restored-state (flink run --allowNonRestoredState) lets the new version start when
# the savepoint holds state no operator of the new version claims by uid:
#   - right when the new version deliberately REMOVED a stateful operator: its state has nowhere
#     to go and is dropped;
#   - never right for a RENAMED uid: the old uid's state would be dropped just the same and the
#     renamed operator would start empty (open candles lost, indicators warming up from scratch),
#     silently. A uid is forever: keep the old one. Without the flag, Flink refuses the restore and
#     names the unclaimed operator, which is what you want to see.
# Adding operators (they start empty) and adding or removing fields of POJO state (an indicator)
# need no flag. pipeline.max-parallelism must stay what it was (flink-conf/config.yaml).
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/savepoint-upgrade.sh [options] JOB_ID NEW_JAR [-- JOB_ARGS...]

Stops the job JOB_ID with a savepoint, then starts NEW_JAR (detached) from that savepoint,
passing JOB_ARGS to its main (e.g. --db-url jdbc:postgresql://db:5432/jonbu).

Options:
  -d, --savepoint-dir DIR        where the savepoint goes, a path every Flink process reaches
                                 (file:///..., s3://...); default: the cluster's
                                 execution.checkpointing.savepoint-dir
  -m, --jobmanager HOST:PORT     the JobManager's REST address; default: Flink's configuration
      --allow-non-restored-state start even if the savepoint holds state of operators the new
                                 version no longer has (only for removed operators; see the header)
      --flink PATH               Flink's CLI; default: $FLINK_HOME/bin/flink, else flink on PATH, else
                                 scripts/flink-cluster's (Flink's CliFrontend from the assembled artifacts)
  -n, --dry-run                  print the commands instead of running them
  -h, --help                     this text

Exit status: 0 upgraded, 1 a Flink command failed (the savepoint path is printed if it was
taken: start the old jar from it to roll back), 2 usage error.
EOF
}

die_usage() {
    echo "savepoint-upgrade: $1" >&2
    echo "Try 'scripts/savepoint-upgrade.sh --help'." >&2
    exit 2
}

savepoint_dir=""
jobmanager=""
allow_non_restored=false
dry_run=false
flink="${FLINK_HOME:+$FLINK_HOME/bin/flink}"
positional=()
job_args=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        -d|--savepoint-dir)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "$1 needs a directory"
            savepoint_dir="$2"; shift 2 ;;
        -m|--jobmanager)
            [[ $# -ge 2 && "$2" =~ ^[^:[:space:]]+:[0-9]+$ ]] || die_usage "$1 needs HOST:PORT"
            jobmanager="$2"; shift 2 ;;
        --allow-non-restored-state)
            allow_non_restored=true; shift ;;
        --flink)
            [[ $# -ge 2 && -n "$2" ]] || die_usage "$1 needs the path of Flink's CLI"
            flink="$2"; shift 2 ;;
        -n|--dry-run)
            dry_run=true; shift ;;
        -h|--help)
            usage; exit 0 ;;
        --)
            shift; job_args=("$@"); break ;;
        -*)
            die_usage "unknown option $1" ;;
        *)
            positional+=("$1"); shift ;;
    esac
done

[[ ${#positional[@]} -eq 2 ]] || die_usage "expected JOB_ID and NEW_JAR, got ${#positional[@]} argument(s)"
job_id="${positional[0]}"
new_jar="${positional[1]}"
[[ "$job_id" =~ ^[0-9a-f]{32}$ ]] || die_usage "JOB_ID must be Flink's 32 hex digits (flink list shows it), got '$job_id'"
[[ -f "$new_jar" && -r "$new_jar" ]] || die_usage "NEW_JAR '$new_jar' is not a readable file"
if [[ -z "$flink" ]]; then
    flink="$(command -v flink || true)"
fi
if [[ -n "$flink" ]]; then
    [[ -x "$flink" ]] || die_usage "--flink '$flink' is not an executable"
    flink_cli=("$flink")
else
    # no Flink installed: the CLI of the cluster scripts/flink-cluster assembles from Flink's artifacts
    flink_cli=("$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/flink-cluster" flink)
fi

target=()
[[ -n "$jobmanager" ]] && target=(-m "$jobmanager")
stop=("${flink_cli[@]}" stop "${target[@]}")
[[ -n "$savepoint_dir" ]] && stop+=(--savepointPath "$savepoint_dir")
stop+=("$job_id")

# prints a command as it would be typed, each word quoted where the shell needs it
show() {
    printf '%q' "$1"; shift
    printf ' %q' "$@"; echo
}

run_from() {
    local cmd=("${flink_cli[@]}" run -d "${target[@]}" -s "$1")
    # see the header: for removed operators only, never for renamed uids
    $allow_non_restored && cmd+=(--allowNonRestoredState)
    cmd+=("$new_jar" "${job_args[@]}")
    if $dry_run; then
        show "${cmd[@]}"
    else
        "${cmd[@]}"
    fi
}

if $dry_run; then
    show "${stop[@]}"
    run_from "SAVEPOINT_PATH_PRINTED_BY_STOP"
    exit 0
fi

echo "Stopping job $job_id with a savepoint..." >&2
if ! stop_output="$("${stop[@]}" 2>&1)"; then
    echo "$stop_output" >&2
    echo "savepoint-upgrade: flink stop failed; the job was not stopped by it (check flink list)" >&2
    exit 1
fi
echo "$stop_output" >&2
# flink stop prints "Savepoint completed. Path: <path>"
savepoint="$(sed -n 's/^.*Savepoint completed\. Path: *//p' <<<"$stop_output" | tail -n 1)"
if [[ -z "$savepoint" ]]; then
    echo "savepoint-upgrade: flink stop did not report a savepoint path; find it under the savepoint directory" >&2
    exit 1
fi
echo "Savepoint: $savepoint" >&2

echo "Starting $new_jar from it..." >&2
if ! run_from "$savepoint"; then
    echo "savepoint-upgrade: the new version did not start. The job is stopped; its state is in" >&2
    echo "  $savepoint" >&2
    echo "Roll back by starting the previous jar from it: $flink run -d -s $savepoint OLD_JAR ..." >&2
    exit 1
fi
echo "Upgraded: $new_jar runs from $savepoint" >&2
