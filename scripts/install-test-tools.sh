#!/usr/bin/env bash
# Installs what the quality gates (tests/gates/) need, when it is missing:
#   - Chromium's headless shell, from Debian's packages (chromium-headless-shell, built from the
#     same source as its chromium; Playwright drives it; no browser is downloaded),
#   - Java, to run the Nu Html Checker,
#   - pdftotext and pdfinfo (poppler-utils), to read the PDFs the build makes,
#   - LibreOffice (Writer and Calc, no GUI), to re-save the import tests' Word and Excel files,
#   - the Nu Html Checker (npm package vnu-jar), decap-server (the local git proxy the /admin/
#     forms test saves through) and Sveltia CMS with its fonts (the packages the copies in
#     plansite/theme/admin/ are checked against), into ./node_modules from package-lock.json.
# axe-core comes inside the Python package axe-playwright-python (requirements-dev.txt).
# Fails loudly: a gate is never skipped because a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "install-test-tools: $*" >&2; exit 1; }

apt_install() {
  command -v apt-get >/dev/null || fail "$1 is missing and this machine has no apt-get; install $1 by hand"
  [ "$(id -u)" = 0 ] || fail "$1 is missing; install it with: sudo apt-get install $2"
  # the package lists may be empty or out of date on a fresh machine: refresh them and retry
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $2 >/dev/null 2>&1 || {
    apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $2 >/dev/null || fail "could not install $2"
  }
}

[ -x /usr/bin/chromium-headless-shell ] || apt_install "Chromium's headless shell" chromium-headless-shell
command -v java >/dev/null || apt_install Java default-jre-headless
command -v npm >/dev/null || apt_install npm npm
command -v pdftotext >/dev/null || apt_install pdftotext poppler-utils  # the PDF tests read the PDFs
# the import tests re-save their Word and Excel plans with LibreOffice, as many boards' files are
command -v soffice >/dev/null || apt_install LibreOffice "libreoffice-writer-nogui libreoffice-calc-nogui"

if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ] || [ ! -x node_modules/.bin/decap-server ] \
  || [ ! -f node_modules/@sveltia/cms/package.json ]; then
  # --ignore-scripts: vnu-jar's postinstall would download a Java runtime; we use the system's
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error || fail "npm ci failed (vnu-jar, decap-server, @sveltia/cms)"
fi
[ -f node_modules/vnu-jar/build/dist/vnu.jar ] || fail "node_modules/vnu-jar has no vnu.jar"
[ -x node_modules/.bin/decap-server ] || fail "node_modules has no decap-server"
java -jar node_modules/vnu-jar/build/dist/vnu.jar --version >/dev/null || fail "the Nu Html Checker does not run on this Java"
echo "install-test-tools: Chromium's headless shell, Java, poppler-utils, LibreOffice, the Nu Html Checker and decap-server are ready"
