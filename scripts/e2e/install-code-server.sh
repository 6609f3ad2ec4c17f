#!/usr/bin/env bash
# Install code-server from the npm registry into DEST, offline-safe (no GitHub downloads).
#   scripts/e2e/install-code-server.sh DEST [VERSION]      (VERSION defaults to 4.100.3)
# Idempotent: when DEST already holds a working install of VERSION it only prints the binary path.
# Prints the path of the code-server launcher on its last line.
#
# Why not a plain `npm i code-server`: its postinstall (1) refuses to run as root without
# npm_config_unsafe_perm, (2) downloads ripgrep from GitHub (fails offline), (3) builds kerberos
# (needs Debian's libkrb5-dev) and (4) runs `npx node-gyp` which a `yes=false` npmrc cancels.
# So: install with --ignore-scripts, then do postinstall's work by hand. Needs `rg` (Debian ripgrep),
# python3, make, g++ and libkrb5-dev. See shared/EDITOR-TESTING.md for the background.
set -euo pipefail

DEST=${1:?usage: install-code-server.sh DEST [VERSION]}
VERSION=${2:-4.100.3}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
CS="$DEST/node_modules/code-server"
BIN="$DEST/node_modules/.bin/code-server"
STAMP="$DEST/.installed-$VERSION"

if [[ -f "$STAMP" && -x "$BIN" ]]; then
  echo "code-server $VERSION already installed in $DEST" >&2
  echo "$BIN"
  exit 0
fi

command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is required (apt-get install ripgrep)" >&2; exit 2; }

log() { echo "[install-code-server] $*" >&2; }
export npm_config_yes=true npm_config_unsafe_perm=true npm_config_fund=false npm_config_audit=false \
       npm_config_update_notifier=false
t0=$SECONDS

rm -f "$DEST"/.installed-*
[[ -f "$DEST/package.json" ]] || echo '{ "name": "corroborate-e2e-code-server", "private": true }' > "$DEST/package.json"
log "npm install --ignore-scripts code-server@$VERSION"
( cd "$DEST" && npm install --no-save --ignore-scripts --loglevel=error "code-server@$VERSION" >&2 )
log "rebuilding argon2"
( cd "$DEST" && npm rebuild argon2 --loglevel=error >&2 )

VS="$CS/lib/vscode"
log "installing lib/vscode production dependencies"
( cd "$VS" && npm install --omit=dev --ignore-scripts --loglevel=error >&2 )
# @vscode/ripgrep's postinstall downloads rg from GitHub; it skips when bin/ exists, so provide Debian's rg.
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
log "rebuilding native modules (node-pty, spdlog, kerberos, ...)"
( cd "$VS" && npm rebuild --loglevel=error >&2 )
# The rest of code-server's postinstall.sh.
( cd "$VS" && ln -sfn node_modules node_modules.asar )
( cd "$VS/bin/remote-cli" && [[ -e code-server ]] || ln -s code-linux.sh code-server )
( cd "$VS/bin/helpers" && [[ -e browser.sh ]] || ln -s browser-linux.sh browser.sh )
log "installing built-in extensions' dependencies"
( cd "$VS/extensions" && npm install --omit=dev --loglevel=error >&2 )

XDG_CONFIG_HOME="$DEST/.config" "$BIN" --version >&2   # --config-less runs write ~/.config/code-server
touch "$STAMP"
log "done in $((SECONDS - t0)) s"
echo "$BIN"
