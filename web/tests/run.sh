#!/usr/bin/env bash
# ctest entry for the browser tests. Exit 77 (ctest: skipped, with the reason on stderr) when
# Chromium or the npm packages are missing; scripts/test.sh installs both.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x "${WB_CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "skipped: no Chromium at ${WB_CHROMIUM:-/usr/bin/chromium} (scripts/install-deps.sh --tests installs it)" >&2
  exit 77
fi
if [ ! -d node_modules/playwright-core ]; then
  echo "skipped: playwright-core not installed (run 'npm ci' in web/tests; scripts/test.sh does)" >&2
  exit 77
fi
exec node --test --test-reporter=spec browser.test.mjs
