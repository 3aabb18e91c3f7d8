#!/usr/bin/env bash
# Container smoke test: build the image from the Dockerfile, run it the way deploy/kubernetes/
# runs it (uid 1000, read-only root filesystem, no capabilities, no privilege escalation, the
# Deployment's shutdown settings), then check it from outside:
#   /healthz and /readyz answer 200, POST /v1/explain explains a real AccessDenied message,
#   the process runs as uid 1000, cannot write its root filesystem (nor, as uid 1000, its code
#   even on a writable one), the image's HEALTHCHECK
#   turns healthy, and SIGTERM drains (/readyz 503) and exits 0 before the stop timeout.
# Prints the image size, the build time and the time from start to the first /healthz answer.
#
# Needs a running Docker engine; without one it says so and exits 0 (CI has no engine, and this
# script is deliberately not part of .ci/run). Run it by hand before publishing an image:
#   scripts/container-smoke.sh
# Environment:
#   IMAGE             tag to build and test (default whydenied:smoke)
#   SKIP_BUILD=1      test IMAGE as it is, without building
#   BUILD_FLAGS       extra `docker build` flags, e.g. "--network host" or
#                     "--build-arg NODE_IMAGE=registry.example/node:20-slim" (word-split)
#   KEEP_IMAGE=0      remove the image afterwards (default: keep it)
# Exit status: 0 all checks passed (or no engine), 1 a check failed, 2 the build failed.
set -uo pipefail

IMAGE="${IMAGE:-whydenied:smoke}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME="whydenied-smoke-$$"
# the Deployment's values (deploy/kubernetes/deployment.yaml)
SHUTDOWN_DELAY_MS=5000
SHUTDOWN_TIMEOUT_MS=10000
GRACE_S=30

if ! command -v docker >/dev/null 2>&1; then
  echo "container-smoke: SKIPPED — no docker client on PATH; nothing was checked."
  exit 0
fi
if ! docker info >/dev/null 2>&1; then
  echo "container-smoke: SKIPPED — no container engine answers (\`docker info\` failed); nothing was checked."
  exit 0
fi
command -v curl >/dev/null 2>&1 || { echo "container-smoke: needs curl" >&2; exit 1; }

failures=0
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1"; failures=$((failures + 1)); }
# check ACTUAL EXPECTED OK-MESSAGE FAIL-MESSAGE
check() { if [ "$1" = "$2" ]; then pass "$3"; else fail "$4"; fi; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  docker rm -f "$NAME" >/dev/null 2>&1
  if [ "${KEEP_IMAGE:-1}" = 0 ]; then docker rmi "$IMAGE" >/dev/null 2>&1; fi
}
trap cleanup EXIT

# ── build ────────────────────────────────────────────────────────────────────────────
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building $IMAGE …"
  t0=$(date +%s%N)
  log="$(mktemp)"
  # shellcheck disable=SC2086 # BUILD_FLAGS is meant to be word-split
  if ! docker build ${BUILD_FLAGS:-} -t "$IMAGE" "$ROOT" >"$log" 2>&1; then
    tail -n 30 "$log"; rm -f "$log"
    echo "container-smoke: the build failed" >&2
    exit 2
  fi
  rm -f "$log"
  echo "  built in $(( $(ms_since "$t0") / 1000 )) s"
fi
size=$(docker image inspect -f '{{.Size}}' "$IMAGE") || { echo "container-smoke: no image $IMAGE" >&2; exit 2; }
echo "  image size $(( size / 1000000 )) MB"

# ── run like the Deployment ──────────────────────────────────────────────────────────
# No tmpfs at all: the service must not need a writable filesystem.
t0=$(date +%s%N)
docker run -d --name "$NAME" -p 127.0.0.1::3000 \
  --user 1000:1000 --read-only --cap-drop ALL --security-opt no-new-privileges \
  --memory 256m --stop-timeout "$GRACE_S" \
  -e SHUTDOWN_DELAY_MS="$SHUTDOWN_DELAY_MS" -e SHUTDOWN_TIMEOUT_MS="$SHUTDOWN_TIMEOUT_MS" \
  "$IMAGE" >/dev/null || { echo "container-smoke: docker run failed" >&2; exit 1; }
port=$(docker port "$NAME" 3000/tcp | head -n 1 | sed 's/.*://')
base="http://127.0.0.1:$port"
echo "running $NAME on $base"

code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@"; }

up=0
for _ in $(seq 1 600); do  # up to 60 s
  if [ "$(code "$base/healthz")" = 200 ]; then up=1; break; fi
  if [ "$(docker inspect -f '{{.State.Running}}' "$NAME")" != true ]; then break; fi
  sleep 0.1
done
if [ "$up" = 1 ]; then
  pass "/healthz 200 after $(ms_since "$t0") ms (container start to first answer)"
else
  if [ "$(docker inspect -f '{{.State.Running}}' "$NAME")" != true ]; then
    fail "the container exited (code $(docker inspect -f '{{.State.ExitCode}}' "$NAME")) before /healthz answered"
  else
    fail "/healthz never answered 200 within 60 s"
  fi
  docker logs "$NAME" 2>&1 | tail -n 20
  exit 1
fi

body=$(curl -s --max-time 5 "$base/healthz")
check "$body" '{"status":"ok"}' "/healthz body $body" "/healthz body: $body"
# Readiness may trail liveness: the event-loop lag of loading the code can hold /readyz (and the
# API) at 503 for a sampling interval after the first /healthz answer. Traffic waits for 200.
ready="" not_ready=""
for _ in $(seq 1 100); do  # up to 10 s
  r=$(curl -s --max-time 5 -w '\n%{http_code}' "$base/readyz")
  c=${r##*$'\n'}
  if [ "$c" = 200 ]; then ready=1; break; fi
  # the service's own problem detail, e.g. "The server is overloaded." — never request data
  [ -z "$not_ready" ] && not_ready="$c $(printf '%s' "${r%$'\n'*}" | sed -n 's/.*"detail":"\([^"]*\)".*/\1/p')"
  sleep 0.1
done
check "$ready" 1 "/readyz 200 after $(ms_since "$t0") ms${not_ready:+ (first answered $not_ready)}" "/readyz never 200 within 10 s (last $c)"

msg='An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/ci is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/deploy'
out="$(mktemp)"
c=$(curl -s -o "$out" -w '%{http_code}' --max-time 10 -X POST -H 'content-type: application/json' \
  --data "{\"message\":\"$msg\"}" "$base/v1/explain")
# Checked inside the image's own node, so the host needs no JSON tool.
summary=$(docker exec -i "$NAME" node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    try {
      const j = JSON.parse(s);
      const ok = j.parsed?.recognized === true && j.parsed?.action === "sts:AssumeRole"
        && Array.isArray(j.causes) && j.causes.length > 0;
      console.log((ok ? "ok " : "bad ") + "action=" + j.parsed?.action + " causes=" + (j.causes?.length ?? 0) + " first=" + j.causes?.[0]?.id);
    } catch { console.log("bad not-json"); }
  });' <"$out")
rm -f "$out"
if [ "$c" = 200 ] && [ "${summary%% *}" = ok ]; then pass "POST /v1/explain 200, ${summary#* }"; else fail "POST /v1/explain $c ${summary:-}"; fi

uid=$(docker exec "$NAME" node -e 'process.stdout.write(String(process.getuid()))')
check "$uid" 1000 "runs as uid 1000" "runs as uid $uid"
img_user=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")
if [[ "$img_user" =~ ^[1-9][0-9]*(:[0-9]+)?$ ]]; then pass "image USER $img_user (numeric, non-root)"; else fail "image USER '$img_user'"; fi
w=$(docker exec "$NAME" node -e 'try { require("fs").writeFileSync("/app/smoke", "x"); console.log("writable") } catch (e) { console.log(e.code) }')
check "$w" EROFS "root filesystem is read-only (EROFS) and the service runs on it" "writing /app: $w"
# Even with a writable root filesystem, uid 1000 cannot rewrite the code (owned by root).
w=$(docker run --rm --user 1000:1000 "$IMAGE" node -e 'try { require("fs").appendFileSync("/app/dist/src/http/server.js", ""); console.log("writable") } catch (e) { console.log(e.code) }')
check "$w" EACCES "uid 1000 cannot modify /app/dist even on a writable filesystem (EACCES)" "uid 1000 writing /app/dist: $w"

# The image's HEALTHCHECK (interval 30 s) turns healthy after its first probe.
hs=""
for _ in $(seq 1 90); do  # up to 90 s
  hs=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$NAME")
  case "$hs" in healthy | unhealthy | none) break ;; esac
  sleep 1
done
check "$hs" healthy "HEALTHCHECK healthy after $(ms_since "$t0") ms" "HEALTHCHECK status: $hs"

# ── graceful stop ────────────────────────────────────────────────────────────────────
t1=$(date +%s%N)
docker stop "$NAME" >/dev/null &
stopper=$!
drained=""
for _ in $(seq 1 40); do  # SIGTERM turns /readyz 503 for SHUTDOWN_DELAY_MS while still serving
  sleep 0.1
  if [ "$(code "$base/readyz")" = 503 ]; then drained=1; break; fi
done
check "$drained" 1 "on SIGTERM /readyz 503 while draining" "/readyz never turned 503 after SIGTERM"
wait "$stopper"
stop_ms=$(ms_since "$t1")
exit_code=$(docker inspect -f '{{.State.ExitCode}}' "$NAME")
if [ "$exit_code" = 0 ] && docker logs "$NAME" 2>&1 | grep -q '"msg":"closed"'; then
  pass "SIGTERM: closed cleanly, exit 0, docker stop took $stop_ms ms (SHUTDOWN_DELAY_MS=$SHUTDOWN_DELAY_MS)"
else
  fail "SIGTERM: exit $exit_code after $stop_ms ms (137 = killed at the stop timeout)"
fi

if [ "$failures" = 0 ]; then
  echo "container-smoke: all checks passed ($IMAGE)"
  exit 0
fi
echo "container-smoke: $failures check(s) failed ($IMAGE)"
docker logs "$NAME" 2>&1 | tail -n 20
exit 1
