#!/usr/bin/env bash
# Install the unpacked OfferDesk bundle for the current user (no root needed):
#   the bundle to ~/.local/lib/offerdesk, the `offerdesk` command to ~/.local/bin, the menu entry,
#   the icon, and the *.offer.json file type (double-click a letter to open it in OfferDesk).
#   bash install.sh            # install or update
#   bash install.sh --uninstall
# PREFIX=/usr/local (as root) installs for every user instead.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
lib="$prefix/lib/offerdesk" bin="$prefix/bin" data="$prefix/share"

refresh() {
  command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$lib"
  rm -f "$bin/offerdesk" "$data/applications/offerdesk.desktop" "$data/mime/packages/offerdesk.xml" \
        "$data/icons/hicolor/scalable/apps/offerdesk.svg" "$data/icons/hicolor/256x256/apps/offerdesk.png"
  refresh
  echo "OfferDesk removed from $prefix"
  exit 0
fi

mkdir -p "$lib" "$bin" "$data/applications" "$data/mime/packages" \
         "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/256x256/apps"
# Copy into a fresh folder, then swap it in, so an interrupted update leaves the old install working.
rm -rf "$lib.new"
cp -a "$here/." "$lib.new"
rm -rf "$lib.old"
[ -d "$lib" ] && mv "$lib" "$lib.old"
mv "$lib.new" "$lib"
rm -rf "$lib.old"
ln -sf "$lib/offerdesk" "$bin/offerdesk"
sed "s|^Exec=offerdesk|Exec=$lib/offerdesk|" "$here/share/offerdesk.desktop" > "$data/applications/offerdesk.desktop"
cp "$here/share/offerdesk-mime.xml" "$data/mime/packages/offerdesk.xml"
cp "$here/share/offerdesk.svg" "$data/icons/hicolor/scalable/apps/offerdesk.svg"
cp "$here/share/offerdesk.png" "$data/icons/hicolor/256x256/apps/offerdesk.png"
refresh
command -v xdg-mime >/dev/null && xdg-mime default offerdesk.desktop application/x-offerdesk-letter || true
echo "OfferDesk installed in $lib; run 'offerdesk gui' or pick OfferDesk from the applications menu"
case ":$PATH:" in *":$bin:"*) ;; *) echo "note: $bin is not on your PATH";; esac
