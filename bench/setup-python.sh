#!/usr/bin/env bash
# bench/setup-python.sh
#
# Prints (on stdout, one line) the absolute path of a Python interpreter that
# has numpy, preferring one that also has torch.  Diagnostics go to stderr.
#
#   PY="$(bash bench/setup-python.sh)" && "$PY" bench/python/compare.py '{...}'
#
# Order of search: $GRADCHECK_PYTHON (if set), python3 on PATH (a pyenv build
# on the dev machines), /usr/bin/python3 (Debian's; python3-numpy and
# python3-torch install there), python on PATH.
#
# If no interpreter has torch and we are root with apt-get, it installs
# Debian's python3-numpy and libopenblas0 (+ python3-torch when apt has a
# candidate for it).
# Set GRADCHECK_NO_INSTALL=1 to never install anything.
#
# Exit status: 0 when an interpreter with numpy was found (torch or not),
# 1 only when no numpy can be had at all.  A missing torch is never an error:
# compare.py reports torch methods under "skipped" with the reason.
set -u

log() { echo "setup-python: $*" >&2; }

candidates() {
  local c
  {
    [ -n "${GRADCHECK_PYTHON:-}" ] && echo "$GRADCHECK_PYTHON"
    command -v python3 2>/dev/null
    echo /usr/bin/python3
    command -v python 2>/dev/null
  } | while read -r c; do
    [ -n "$c" ] || continue
    # Resolve shims (pyenv) to the real executable.
    "$c" -c 'import sys; print(sys.executable)' 2>/dev/null
  done | awk 'NF && !seen[$0]++'
}

has() { "$1" -c "import $2" >/dev/null 2>&1; }

find_python() { # $1 = "torch" to require torch too
  local p
  for p in $(candidates); do
    if has "$p" numpy && { [ "${1:-}" != torch ] || has "$p" torch; }; then
      echo "$p"; return 0
    fi
  done
  return 1
}

can_install() {
  [ "${GRADCHECK_NO_INSTALL:-0}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

# Debian's numpy/torch link to libblas.so.3, which is the slow reference BLAS
# unless an optimised one is installed; OpenBLAS is what pip wheels bundle, so
# make sure Debian's interpreter gets it too (otherwise the numpy/torch timings
# would be several times too slow and the comparison unfair to them).
ensure_openblas() { # $1 = interpreter
  case "$1" in /usr/bin/*) ;; *) return 0 ;; esac
  dpkg -s libopenblas0 >/dev/null 2>&1 && return 0
  if can_install; then
    log "installing libopenblas0 (optimised BLAS for Debian's numpy/torch)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libopenblas0 >&2 \
      || log "could not install libopenblas0; numpy/torch will use the reference BLAS"
  else
    log "warning: libopenblas0 not installed; $1 uses the reference BLAS (slow)"
  fi
}

if p="$(find_python torch)"; then
  ensure_openblas "$p"
  log "using $p (numpy + torch)"
  echo "$p"; exit 0
fi

if can_install; then
  export DEBIAN_FRONTEND=noninteractive
  log "no interpreter has torch; trying Debian packages (apt-get update)"
  apt-get update -qq >&2 || log "apt-get update failed"
  pkgs="python3-numpy libopenblas0"
  cand="$(apt-cache policy python3-torch 2>/dev/null | awk '/Candidate:/ {print $2}')"
  if [ -n "$cand" ] && [ "$cand" != "(none)" ]; then
    pkgs="$pkgs python3-torch"
  else
    log "python3-torch has no candidate in this Debian release; installing numpy only"
  fi
  log "apt-get install -y --no-install-recommends $pkgs (this can take minutes)"
  if ! apt-get install -y -qq --no-install-recommends $pkgs >&2; then
    log "apt-get install failed"
  fi
  if p="$(find_python torch)"; then
    ensure_openblas "$p"
    log "using $p (numpy + torch)"
    echo "$p"; exit 0
  fi
fi

if p="$(find_python)"; then
  ensure_openblas "$p"
  log "using $p (numpy only; torch unavailable, torch methods will be skipped)"
  echo "$p"; exit 0
fi

log "no Python interpreter with numpy could be found or installed"
exit 1
