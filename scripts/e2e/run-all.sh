#!/usr/bin/env bash
# Real-editor tests, offline: `npm run test:editor` (or `bash scripts/e2e/run-all.sh`).
#
# 1. Installs what is missing: Debian packages (chromium ripgrep libkrb5-dev neovim emacs-nox
#    elpa-eglot; one `apt-get update` first), code-server@4.100.3 from npm into a cache outside the
#    repo ($CORROBORATE_E2E_CACHE, default ~/.cache/corroborate-e2e), npm dependencies if absent.
#    Nothing else is downloaded at test time.
# 2. Builds (node scripts/build.mjs).
# 3. Runs four tiers, each under `timeout`:
#      nvim     Neovim 0.7 headless LSP client (scripts/test-nvim.sh, owned by the LSP side)
#      emacs    Emacs + eglot headless (scripts/e2e/emacs/test-eglot.el)
#      vscode   Mocha integration suite in code-server's extension host (npx vscode-test + shim)
#      ui       packaged .vsix in code-server, driven through the UI in headless Chromium
#    code-server is always stopped (trap), whatever happens.
# 4. Ends with `N passed, N failed` — ONE COUNT PER TIER (a tier passes when all its checks pass;
#    each tier prints its own per-check lines and totals above). `, N skipped` follows when a tier
#    could not run here; the reason is printed loudly. With CI=true nothing may be skipped: a tier
#    that cannot run counts as failed. Exit status is non-zero on any failure.
#
# On a fresh Debian machine the whole run takes about 3-4 minutes, most of it installing.
# Options (environment): E2E_TIERS="nvim emacs vscode ui" (subset to run), E2E_SKIP_INSTALL=1,
# E2E_SKIP_BUILD=1, CODE_SERVER_BIN, CHROMIUM_BIN. Logs and screenshots: test-results/.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
CS_VERSION=${CODE_SERVER_VERSION:-4.100.3}
CACHE=${CORROBORATE_E2E_CACHE:-$HOME/.cache/corroborate-e2e}
CS_DIR="$CACHE/code-server-$CS_VERSION"
RESULTS="$ROOT/test-results"
TIERS=${E2E_TIERS:-nvim emacs vscode ui}
IS_CI=false; [[ "${CI:-}" == "true" || "${CI:-}" == "1" ]] && IS_CI=true
APT_PACKAGES=(chromium ripgrep libkrb5-dev neovim emacs-nox elpa-eglot)

mkdir -p "$RESULTS"
T_START=$SECONDS
TMP=$(mktemp -d "${TMPDIR:-/tmp}/corroborate-editor-tests.XXXXXX")
export CORROBORATE_E2E_PIDDIR="$TMP/pids"   # the shim and ui-smoke record code-server PIDs here
mkdir -p "$CORROBORATE_E2E_PIDDIR"

stop_code_servers() {
  local f pid
  for f in "$CORROBORATE_E2E_PIDDIR"/*.pid; do
    [[ -e "$f" ]] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      echo "[editor-tests] stopping leftover code-server (process group $pid)"
      kill -TERM -- "-$pid" 2>/dev/null
      local i
      for i in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done   # up to 5 s to exit
      kill -KILL -- "-$pid" 2>/dev/null
    fi
    rm -f "$f"
  done
}
cleanup() {
  stop_code_servers
  # Never leave a half-done dpkg run behind: wait for a background apt-get install.
  [[ -n "${APT_BG_PID:-}" ]] && wait "$APT_BG_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo "[editor-tests] interrupted"; exit 130' INT TERM

say() { echo "[editor-tests $((SECONDS - T_START))s] $*"; }
loud() {
  echo
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  for line in "$@"; do echo "!!! $line"; done
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  echo
}

# Per tier: UNAVAILABLE_<tier> = why it cannot run on this machine; NOT_PROVIDED_<tier> = its script is
# missing from the tree. (Plain variables, not associative arrays: macOS ships bash 3.2.)
unavailable() { printf -v "UNAVAILABLE_$1" '%s' "$2"; }
not_provided() { printf -v "NOT_PROVIDED_$1" '%s' "$2"; }
reason_of() { local v="$1_$2"; echo "${!v:-}"; }
PASSED=0 FAILED=0 SKIPPED=0
SUMMARY=()

wants() { [[ " $TIERS " == *" $1 "* ]]; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------- 1. install what is missing
# code-server's install needs ripgrep + libkrb5-dev first; chromium/neovim/emacs are installed in the
# background meanwhile (apt is mostly download and unpack, the code-server install mostly compiling).
APT_PREREQ=(ripgrep libkrb5-dev)
APT_REST=(chromium neovim emacs-nox elpa-eglot)
APT_SUDO=()
APT_OK=true
APT_BG_PID=
missing_of() { local p; for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"; done; }
apt_install() { # log-file packages...
  local logf=$1; shift
  "${APT_SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$logf" 2>&1
}
start_debian_installs() {
  local missing_all=() missing_pre=() missing_rest=()
  mapfile -t missing_all < <(missing_of "${APT_PACKAGES[@]}")
  if [[ ${#missing_all[@]} -eq 0 ]]; then say "Debian packages present: ${APT_PACKAGES[*]}"; return 0; fi
  if [[ $(id -u) -ne 0 ]]; then
    if have sudo && sudo -n true 2>/dev/null; then APT_SUDO=(sudo -n); else
      loud "Not root and no password-less sudo: cannot apt-get install ${missing_all[*]}."
      APT_OK=false; return 1
    fi
  fi
  say "apt-get update, then install: ${missing_all[*]}"
  : >"$RESULTS/apt.log"
  if ! "${APT_SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$RESULTS/apt.log" 2>&1; then
    tail -20 "$RESULTS/apt.log"; loud "apt-get update failed (log: test-results/apt.log)."; APT_OK=false; return 1
  fi
  mapfile -t missing_pre < <(missing_of "${APT_PREREQ[@]}")
  if [[ ${#missing_pre[@]} -gt 0 ]] && ! apt_install "$RESULTS/apt.log" "${missing_pre[@]}"; then
    tail -20 "$RESULTS/apt.log"; loud "apt-get install ${missing_pre[*]} failed (log: test-results/apt.log)."; APT_OK=false
  fi
  mapfile -t missing_rest < <(missing_of "${APT_REST[@]}")
  if [[ ${#missing_rest[@]} -gt 0 ]]; then
    ( apt_install "$RESULTS/apt-bg.log" "${missing_rest[@]}" ) &
    APT_BG_PID=$!
    say "installing ${missing_rest[*]} in the background"
  fi
}
finish_debian_installs() {
  [[ -n "$APT_BG_PID" ]] || return 0
  local t=$SECONDS
  if wait "$APT_BG_PID"; then say "background apt-get install done (waited $((SECONDS - t)) s)"
  else tail -20 "$RESULTS/apt-bg.log"; loud "apt-get install failed (log: test-results/apt-bg.log)."; APT_OK=false; fi
  APT_BG_PID=
}

if [[ "${E2E_SKIP_INSTALL:-}" != 1 ]]; then
  if have apt-get && have dpkg-query; then
    start_debian_installs || true
  else
    loud "apt-get is not available on this machine ($(uname -s)): NOT installing ${APT_PACKAGES[*]}." \
         "Tiers whose tools are missing below are SKIPPED, not passed (with CI=true: FAILED)." \
         "On macOS: brew install neovim emacs ripgrep krb5 and a Chromium, then set CHROMIUM_BIN."
  fi
fi

CHROMIUM_BIN=${CHROMIUM_BIN:-/usr/bin/chromium}; export CHROMIUM_BIN
install_code_server() {
  CODE_SERVER_OK=true
  if [[ -n "${CODE_SERVER_BIN:-}" ]]; then
    [[ -x "$CODE_SERVER_BIN" ]] || { CODE_SERVER_OK=false; CS_REASON="CODE_SERVER_BIN=$CODE_SERVER_BIN is not executable"; }
  elif [[ -x "$CS_DIR/node_modules/.bin/code-server" && -f "$CS_DIR/.installed-$CS_VERSION" ]]; then
    say "code-server $CS_VERSION present in $CS_DIR"
  elif [[ "${E2E_SKIP_INSTALL:-}" == 1 ]]; then
    CODE_SERVER_OK=false; CS_REASON="code-server not in $CS_DIR and E2E_SKIP_INSTALL=1"
  elif ! have rg; then
    CODE_SERVER_OK=false; CS_REASON="ripgrep (rg) is needed to install code-server offline"
  else
    say "installing code-server $CS_VERSION into $CS_DIR"
    local t=$SECONDS bin
    if bin=$(scripts/e2e/install-code-server.sh "$CS_DIR" "$CS_VERSION" 2>"$RESULTS/install-code-server.log" | tail -1) && [[ -x "$bin" ]]; then
      say "code-server ready ($((SECONDS - t)) s)"
    else
      tail -20 "$RESULTS/install-code-server.log"
      CODE_SERVER_OK=false; CS_REASON="install-code-server.sh failed (log: test-results/install-code-server.log)"
    fi
  fi
}
CODE_SERVER_OK=true
if wants vscode || wants ui; then install_code_server; fi
finish_debian_installs

# Which tiers can run with what is on this machine now.
if wants nvim; then
  if [[ ! -f scripts/test-nvim.sh ]]; then not_provided nvim "scripts/test-nvim.sh is not in the tree yet (owned by the LSP side)"
  elif ! have nvim; then unavailable nvim "nvim is not installed (Debian package neovim)"; fi
fi
if wants emacs; then
  if ! have emacs; then unavailable emacs "emacs is not installed (Debian packages emacs-nox elpa-eglot)"
  elif ! emacs --batch --eval "(require 'eglot)" >/dev/null 2>&1; then unavailable emacs "eglot is not loadable (Debian package elpa-eglot)"; fi
fi
if wants vscode || wants ui; then
  if [[ $CODE_SERVER_OK == true && ! -x "$CHROMIUM_BIN" ]]; then CODE_SERVER_OK=false; CS_REASON="no Chromium at $CHROMIUM_BIN (Debian package chromium, or set CHROMIUM_BIN)"; fi
  if [[ $CODE_SERVER_OK != true ]]; then
    wants vscode && unavailable vscode "$CS_REASON"
    wants ui && unavailable ui "$CS_REASON"
  fi
fi
export CODE_SERVER_BIN=${CODE_SERVER_BIN:-$CS_DIR/node_modules/.bin/code-server}

if [[ ! -x node_modules/.bin/vscode-test || ! -d node_modules/playwright-core ]]; then
  say "npm dependencies missing: npm ci"
  npm ci --no-audit --no-fund >"$RESULTS/npm-ci.log" 2>&1 || { tail -20 "$RESULTS/npm-ci.log"; loud "npm ci failed"; exit 1; }
fi

# ---------------------------------------------------------------- 2. build
if [[ "${E2E_SKIP_BUILD:-}" != 1 ]]; then
  say "build: node scripts/build.mjs"
  if ! node scripts/build.mjs >"$RESULTS/build.log" 2>&1; then
    cat "$RESULTS/build.log"
    loud "The build failed: no editor tier can run."
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# A throw-away workspace (fixture draft + demo corpus) for the protocol-level editors.
make_workspace() {
  local ws=$1
  mkdir -p "$ws/corpus"
  cp -R test/e2e/fixture/. "$ws/"
  cp corpus/*.txt "$ws/corpus/"
}

# The command other editors start: the CLI's `lsp` subcommand when it exists, else the bundled server.
lsp_command() {
  if [[ -f dist/cli.js ]] && node bin/corroborate.cjs --help 2>&1 | grep -qw lsp; then
    echo "node $ROOT/bin/corroborate.cjs lsp --stdio"
  else
    echo "node $ROOT/dist/server.js --stdio"
  fi
}

# ---------------------------------------------------------------- 3. tiers
# run_tier NAME SECONDS COMMAND...: runs under timeout, output to the console and test-results/NAME.log.
run_tier() {
  local name=$1 limit=$2; shift 2
  local missing_script reason
  missing_script=$(reason_of NOT_PROVIDED "$name")
  reason=$(reason_of UNAVAILABLE "$name")
  if [[ -n "$missing_script" && $IS_CI != true ]]; then
    loud "tier $name: NOT AVAILABLE — $missing_script."
    SKIPPED=$((SKIPPED + 1)); SUMMARY+=("$name: not available ($missing_script)"); return
  fi
  reason=${reason:-$missing_script}
  if [[ -n "$reason" ]]; then
    if [[ $IS_CI == true ]]; then
      loud "tier $name: CANNOT RUN — $reason. CI=true: counted as FAILED."
      FAILED=$((FAILED + 1)); SUMMARY+=("$name: FAILED (cannot run: $reason)")
    else
      loud "tier $name: SKIPPED — $reason."
      SKIPPED=$((SKIPPED + 1)); SUMMARY+=("$name: SKIPPED ($reason)")
    fi
    return
  fi
  say "tier $name: $* (timeout ${limit}s)"
  local t=$SECONDS rc
  "${TIMEOUT[@]}" "$limit" "$@" 2>&1 | tee "$RESULTS/$name.log"
  rc=${PIPESTATUS[0]}
  stop_code_servers
  local took=$((SECONDS - t))
  if [[ $rc -eq 0 ]]; then
    PASSED=$((PASSED + 1)); SUMMARY+=("$name: passed (${took} s)")
  else
    [[ $rc -eq 124 || $rc -eq 137 ]] && echo "[editor-tests] tier $name TIMED OUT after ${limit}s"
    FAILED=$((FAILED + 1)); SUMMARY+=("$name: FAILED (exit $rc, ${took} s; log test-results/$name.log)")
  fi
}

# GNU timeout (coreutils; `gtimeout` from Homebrew's coreutils on macOS).
if have timeout; then TIMEOUT=(timeout --kill-after=15)
elif have gtimeout; then TIMEOUT=(gtimeout --kill-after=15)
else
  loud "Neither timeout nor gtimeout is installed: tiers run WITHOUT a time limit."
  no_timeout() { shift; "$@"; }   # drops the limit argument
  TIMEOUT=(no_timeout)
fi

LSP_CMD=$(lsp_command); export LSP_CMD
say "language server command for other editors: $LSP_CMD"

for tier in $TIERS; do
  case $tier in
    nvim)
      run_tier nvim 120 bash scripts/test-nvim.sh ;;
    emacs)
      make_workspace "$TMP/emacs-ws"
      run_tier emacs 90 env LSP_CMD="$LSP_CMD" emacs --batch -l scripts/e2e/emacs/test-eglot.el "$TMP/emacs-ws/draft.md" ;;
    vscode)
      run_tier vscode 300 env E2E_ARTIFACTS="$RESULTS" E2E_WORKSPACE="$TMP/vscode-ws" npx --no-install vscode-test ;;
    ui)
      run_tier ui 240 node scripts/e2e/ui-smoke.mjs ;;
    *)
      echo "[editor-tests] unknown tier '$tier' (known: nvim emacs vscode ui)"; FAILED=$((FAILED + 1)); SUMMARY+=("$tier: FAILED (unknown tier)") ;;
  esac
done

# ---------------------------------------------------------------- 4. summary
echo
echo "Editor tiers ($((SECONDS - T_START)) s in total; one count per tier):"
for line in "${SUMMARY[@]}"; do echo "  $line"; done
if [[ $SKIPPED -gt 0 ]]; then
  echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
else
  echo "$PASSED passed, $FAILED failed"
fi
[[ $FAILED -eq 0 ]]
