#!/usr/bin/env bash
# Runs the scale-out path of docs/scale-out.md against a Quickwit binary and
# checks that Quickwit answers the query table as frontline does.
#
# Usage (from the repository root, after `frontline index`):
#     scripts/quickwit-check.sh QUICKWIT_BIN
#
# Environment: FRONTLINE (binary, default target/release/frontline),
# FRONTLINE_INDEX (index folder, default index), QW_PORT (REST port on
# 127.0.0.1, default: a free one; gRPC and gossip use the next port).
#
# Steps: start `quickwit run` on loopback with a temporary data dir, create
# the index from docs/quickwit-index.yaml, ingest `frontline export --ndjson`,
# then count the articles each query of the table finds in frontline (the
# "N of TOTAL matching articles" line of `search --all`) and in Quickwit
# (`num_hits` of the search API), side by side. Exit status 1 when a count
# differs, 2 when a step fails. Quickwit and its data dir are removed on exit.
set -euo pipefail

QW=${1:?usage: scripts/quickwit-check.sh QUICKWIT_BIN}
FL=${FRONTLINE:-target/release/frontline}
IDX=${FRONTLINE_INDEX:-index}
ROOT=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "quickwit-check: $*" >&2; exit 2; }
[ -x "$QW" ] || die "$QW is not an executable"
[ -x "$FL" ] || die "$FL is not an executable (cargo build --release)"
[ -d "$IDX" ] || die "no frontline index at $IDX (frontline index FOLDER first)"
command -v curl >/dev/null || die "curl is needed"
command -v python3 >/dev/null || die "python3 is needed"

PORT=${QW_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quickwit-check.XXXXXX")
QW_PID=
cleanup() {
    if [ -n "$QW_PID" ]; then
        kill "$QW_PID" 2>/dev/null || true
        wait "$QW_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

mkdir -p "$TMP/data"  # Quickwit refuses a data dir that does not exist
cat > "$TMP/node.yaml" <<EOF
version: 0.8
node_id: frontline-check
listen_address: 127.0.0.1
rest:
  listen_port: $PORT
grpc_listen_port: $((PORT + 1))
gossip_listen_port: $((PORT + 1))
data_dir: $TMP/data
EOF

ENDPOINT="http://127.0.0.1:$PORT"
export QW_DISABLE_TELEMETRY=1
"$QW" run --config "$TMP/node.yaml" > "$TMP/quickwit.log" 2>&1 &
QW_PID=$!
for _ in $(seq 120); do
    curl -fs "$ENDPOINT/api/v1/version" >/dev/null 2>&1 && break
    kill -0 "$QW_PID" 2>/dev/null || { tail -20 "$TMP/quickwit.log" >&2; die "quickwit exited"; }
    sleep 1
done
curl -fs "$ENDPOINT/api/v1/version" >/dev/null || die "quickwit did not answer on $ENDPOINT"

"$QW" index create --endpoint "$ENDPOINT" --index-config "$ROOT/docs/quickwit-index.yaml" --yes \
    >"$TMP/create.log" 2>&1 || { cat "$TMP/create.log" >&2; die "index create failed"; }

start=$(date +%s.%N)
"$FL" --index "$IDX" export --ndjson > "$TMP/export.ndjson" || die "frontline export failed"
exported=$(wc -l < "$TMP/export.ndjson")
mb=$(du -m "$TMP/export.ndjson" | cut -f1)
"$QW" index ingest --endpoint "$ENDPOINT" --index frontline --input-path "$TMP/export.ndjson" --force \
    >"$TMP/ingest.log" 2>&1 || { tail -20 "$TMP/ingest.log" >&2; die "ingest failed"; }
took=$(python3 -c "import time; print(f'{time.time() - $start:.0f}')")
echo "exported $exported documents ($mb MB) and ingested them in ${took} s"

# frontline's count: the summary line of the table output.
fl_count() {
    "$FL" --index "$IDX" --color never search --all --limit 1 "$@" 2>/dev/null \
        | sed -n 's/^[0-9]* of \([0-9]*\) matching articles$/\1/p' | tail -1
}
# Quickwit's count: num_hits of the search API.
qw_count() {
    curl -fsG "$ENDPOINT/api/v1/frontline/search" --data-urlencode "query=$1" --data-urlencode max_hits=0 \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["num_hits"])'
}

# The query table of docs/scale-out.md, with values the generated corpus
# (`frontline generate`) has. Quickwit queries name ids, keys and folded
# words, which a client resolves with `frontline place NAME --json`,
# `frontline people --json` and the folding of the export's `text_folded`.
printf '| query | Quickwit query | frontline | Quickwit | same |\n|---|---|---|---|---|\n'
status=0
check() { # LABEL QUICKWIT_QUERY FRONTLINE_ARGS...
    local label=$1 qwq=$2 f q same=yes
    shift 2
    f=$(fl_count "$@")
    q=$(qw_count "$qwq" || true)
    if [ -z "$f" ] || [ "$f" != "$q" ]; then same=NO; status=1; fi
    printf '| %s | `%s` | %s | %s | %s |\n' "$label" "$qwq" "${f:-error}" "${q:-error}" "$same"
}
check 'Pokrovsk' 'text_folded:pokrovsk' Pokrovsk
check 'Покровськ (Ukrainian)' 'text_folded:pokrovsk' Покровськ
check 'Покровск (Russian)' 'text_folded:pokrovsk' Покровск
check '"Chasiv Yar" (phrase)' 'text_folded:"chasiv iar"' '"Chasiv Yar"'
check '"air defence" (phrase)' 'text_folded:"air defenke"' '"air defence"'
check 'drone --place Pokrovsk' 'text_folded:drone AND place:pokrovsk' drone --place Pokrovsk
check '--place "Donetsk Oblast" (region)' 'place_facet:/ukraine/donetsk-oblast*' --place 'Donetsk Oblast'
check '--person "Maryana Bezuhla"' 'person:"bezugla:maryana" OR person:bezugla' --person 'Maryana Bezuhla'
check '--from 2025-11-01 --to 2025-11-30' 'published:[2025-11-01T00:00:00Z TO 2025-11-30T00:00:00Z]' \
    --from 2025-11-01 --to 2025-11-30
check '--mentioned-from 2025-11-04' 'mentioned:[2025-11-04T00:00:00Z TO *]' --mentioned-from 2025-11-04
exit $status
