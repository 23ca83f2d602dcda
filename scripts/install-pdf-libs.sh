#!/usr/bin/env bash
# Installs the system libraries WeasyPrint needs to make the PDFs (Pango, which brings HarfBuzz
# and fontconfig, and a font), from Debian's packages, when they are missing.
# Fails loudly: a build without them would fail later, with a less helpful message.
set -euo pipefail

fail() { echo "install-pdf-libs: $*" >&2; exit 1; }

have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

missing=()
have_lib libpango-1.0.so.0 || missing+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || missing+=(libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

command -v apt-get >/dev/null || fail "missing ${missing[*]} and this machine has no apt-get; install Pango by hand (https://doc.courtbouillon.org/weasyprint/stable/first_steps.html)"
# root installs as it is; anyone else (a GitHub Actions runner) through sudo, when it may
sudo=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null || fail "missing ${missing[*]}; install them with: sudo apt-get install ${missing[*]}"
  sudo=(sudo -n)
fi
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get)
"${apt[@]}" install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
  "${apt[@]}" update -qq || fail "apt-get update failed"
  "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null || fail "could not install ${missing[*]}"
}
echo "install-pdf-libs: installed ${missing[*]}"
