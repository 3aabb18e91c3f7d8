#!/usr/bin/env bash
# The browser tests drive Debian's chromium (never a downloaded browser). Install it when missing
# and we can; otherwise say so — the browser tests then fail with a clear message.
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests…" >&2
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) && exit 0
fi
echo "note: /usr/bin/chromium is missing; install Debian's chromium (apt-get install chromium) for the browser tests" >&2
exit 0
