#!/usr/bin/env bash
# ctest entry of the distributed test: runs dask_test.py with a Python that has dask.distributed
# (Debian's python3-distributed; a pyenv or venv python3 first in PATH may lack it), or skips
# (exit 77) saying what is missing. Usage: run.sh WIREBRIEF_BINARY
set -u
here="$(cd "$(dirname "$0")" && pwd)"
for py in $(type -ap python3) ; do
  if "$py" -c 'import distributed' 2>/dev/null; then
    exec "$py" "$here/dask_test.py" "$@"
  fi
done
echo "SKIP: no python3 with dask.distributed (apt-get install python3-distributed; scripts/install-deps.sh --tests installs it)"
exit 77
