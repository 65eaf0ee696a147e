; Inno Setup script for the Windows installer: OfferDesk-Setup-<version>.exe
;
; NOT RUN HERE: it needs a Windows machine (or VM); OfferDesk's CI runs on Debian and builds only the
; Linux bundle. What it needs, on Windows:
;   1. Python 3.11 (64-bit) and, in a virtualenv, `pip install -e ".[test]"` (brings PyInstaller).
;   2. The bundle: `pyinstaller --noconfirm --distpath packaging\dist packaging\offerdesk.spec`
;      -> packaging\dist\offerdesk\offerdesk.exe (the spec is the same on every platform; for a
;      window without a console, build a second EXE with console=False, see packaging/README.md).
;   3. resources\offerdesk.ico (made from resources\offerdesk.png, e.g. with ImageMagick:
;      `magick resources\offerdesk.png -define icon:auto-resize=256,64,48,32,16 resources\offerdesk.ico`).
;   4. Inno Setup 6: `iscc packaging\windows\offerdesk.iss` -> packaging\dist\OfferDesk-Setup-0.1.0.exe
;   5. Signing (so SmartScreen does not warn): `signtool sign /fd SHA256 /tr <timestamp URL> /td SHA256
;      /f <certificate.pfx> packaging\dist\OfferDesk-Setup-0.1.0.exe` with the firm's code-signing
;      certificate (an EV certificate clears SmartScreen at once), and the same for offerdesk.exe
;      before step 4.
; LibreOffice is optional (PDF export and `batch --pdf`); set OFFERDESK_SOFFICE to its soffice.exe
; if it is not on PATH.

#define AppName "OfferDesk"
#define AppVersion "0.1.0"

[Setup]
AppId={{6F0C7E0B-3C55-4D8E-9E1B-0FFE2D35A7C1}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=OfferDesk
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\dist
OutputBaseFilename=OfferDesk-Setup-{#AppVersion}
SetupIconFile=..\..\resources\offerdesk.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes

[Files]
Source: "..\dist\offerdesk\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\offerdesk.exe"; Parameters: "gui"; IconFilename: "{app}\offerdesk.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\offerdesk.exe"; Parameters: "gui"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop icon"; Flags: unchecked

[Registry]
; Double-clicking a *.offer.json letter opens it in OfferDesk.
Root: HKA; Subkey: "Software\Classes\.offer.json"; ValueType: string; ValueData: "OfferDesk.Letter"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\OfferDesk.Letter"; ValueType: string; ValueData: "OfferDesk offer letter"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\OfferDesk.Letter\DefaultIcon"; ValueType: string; ValueData: "{app}\offerdesk.exe,0"
Root: HKA; Subkey: "Software\Classes\OfferDesk.Letter\shell\open\command"; ValueType: string; ValueData: """{app}\offerdesk.exe"" gui ""%1"""

[Run]
Filename: "{app}\offerdesk.exe"; Parameters: "gui --sample"; Description: "Open OfferDesk on the sample letter"; Flags: postinstall nowait skipifsilent
