#!/usr/bin/env bash
# Build the Linux one-folder bundle: packaging/dist/offerdesk/ (the `offerdesk` program and all it
# needs) and packaging/dist/offerdesk-linux-x86_64.tar.gz (that folder plus the desktop integration
# files and install.sh). Needs the test extra's PyInstaller: run .ci/setup first.
#
#   bash packaging/build_linux.sh            # build
#   DIST=/some/dir bash packaging/build_linux.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=${DIST:-packaging/dist}
WORK=${WORK:-packaging/build}
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" packaging/offerdesk.spec
bundle="$DIST/offerdesk"
mkdir -p "$bundle/share"
cp packaging/linux/offerdesk.desktop packaging/linux/offerdesk-mime.xml resources/offerdesk.svg \
   resources/offerdesk.png "$bundle/share/"
cp packaging/linux/install.sh "$bundle/install.sh"
chmod +x "$bundle/install.sh"
tar -C "$DIST" -czf "$DIST/offerdesk-linux-x86_64.tar.gz" offerdesk
echo "built $bundle in $(( $(date +%s) - start )) s ($(du -sh "$bundle" | cut -f1); archive $(du -sh "$DIST/offerdesk-linux-x86_64.tar.gz" | cut -f1))"
