#!/usr/bin/env bash
# Build, sign and notarise OfferDesk.app and OfferDesk-<version>.dmg on macOS.
#
# NOT RUN HERE: it needs a Mac with Xcode's command-line tools; OfferDesk's CI runs on Debian and
# builds only the Linux bundle. What it needs:
#   - Python 3.11 (python.org universal2 or Homebrew) and, in .venv, `pip install -e ".[test]"`.
#   - resources/offerdesk.icns (from resources/offerdesk.png: `mkdir offerdesk.iconset`, `sips -z N N`
#     for 16..1024, then `iconutil -c icns offerdesk.iconset -o resources/offerdesk.icns`).
#   - A "Developer ID Application" certificate in the keychain (SIGN_ID below) and an App Store
#     Connect API key or app-specific password stored with
#     `xcrun notarytool store-credentials offerdesk-notary ...` (NOTARY_PROFILE below).
# LibreOffice is optional (PDF export, `batch --pdf`): the app finds /Applications/LibreOffice.app's
# soffice when OFFERDESK_SOFFICE points at Contents/MacOS/soffice.
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=${VERSION:-0.1.0}
SIGN_ID=${SIGN_ID:?set SIGN_ID to your "Developer ID Application: ..." identity}
NOTARY_PROFILE=${NOTARY_PROFILE:-offerdesk-notary}
DIST=packaging/dist

# 1. The one-folder bundle (the same spec as Linux), then the .app around it.
.venv/bin/pyinstaller --noconfirm --distpath "$DIST" --workpath packaging/build packaging/offerdesk.spec
app="$DIST/OfferDesk.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp -R "$DIST/offerdesk/." "$app/Contents/MacOS/"
cp resources/offerdesk.icns "$app/Contents/Resources/"
# Finder starts an app with no arguments: a small launcher opens the editor.
cat > "$app/Contents/MacOS/OfferDesk" <<'SH'
#!/bin/sh
exec "$(dirname "$0")/offerdesk" gui "$@"
SH
chmod +x "$app/Contents/MacOS/OfferDesk"
sed "s/@VERSION@/$VERSION/g" packaging/macos/Info.plist > "$app/Contents/Info.plist"

# 2. Sign everything inside out with the hardened runtime, then the app.
find "$app/Contents/MacOS" -type f \( -name "*.so" -o -name "*.dylib" -o -perm -u+x \) -print0 |
  xargs -0 codesign --force --options runtime --timestamp --entitlements packaging/macos/entitlements.plist -s "$SIGN_ID"
codesign --force --options runtime --timestamp --entitlements packaging/macos/entitlements.plist -s "$SIGN_ID" "$app"
codesign --verify --deep --strict --verbose=2 "$app"

# 3. A disk image, notarised and stapled so Gatekeeper opens it offline.
dmg="$DIST/OfferDesk-$VERSION.dmg"
hdiutil create -volname OfferDesk -srcfolder "$app" -ov -format UDZO "$dmg"
codesign --force --timestamp -s "$SIGN_ID" "$dmg"
xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
xcrun stapler staple "$dmg"
spctl --assess --type open --context context:primary-signature --verbose "$dmg"
echo "built $dmg"
