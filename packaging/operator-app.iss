; Windows installer for operator-app (Inno Setup 6.3 or newer).
;
; Input: the PyInstaller one-folder build in dist\operator-app\ (scripts\build.ps1 makes it).
; Output: dist\installer\operator-app-<version>-setup.exe, the one file the Dinas hands to every
; school. It installs for the current user only (no administrator rights), works offline, puts a
; shortcut on the desktop and in the Start menu, and refuses 32-bit Windows and anything older
; than Windows 10 with a plain Indonesian message. Uninstalling keeps the user's data unless the
; user says otherwise. Build: scripts\build.ps1 (or by hand: iscc packaging\operator-app.iss).
; Keep this file ASCII (tests/test_packaging.py checks it and the directives below).

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible architecture identifier)
#endif

; scripts\build.ps1 passes /DAppVersion=<operator_app.__version__>; the default below must equal
; it too (tests/test_packaging.py), so a build by hand is labelled right.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#ifndef BuildDir
  #define BuildDir "..\dist\operator-app"
#endif
#define AppName "Operator App"
#define AppExe "operator-app.exe"

[Setup]
; AppId never changes: an update finds the earlier installation (and its folder) through it.
AppId={{7394BA9F-30B6-44C9-BEF6-97C014B64C65}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=operator-app
AppComments=Padanan data guru ASN Dapodik - SIASN (offline)
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoDescription=Pemasangan {#AppName}
; Per-user install: no administrator rights, the app goes to %LOCALAPPDATA%\Programs\operator-app.
PrivilegesRequired=lowest
DefaultDirName={autopf}\operator-app
DisableProgramGroupPage=yes
; Windows 10/11 64-bit only (x64compatible also admits Windows 11 on ARM through emulation).
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Indonesian first and preselected; the language dialog offers English.
ShowLanguageDialog=yes
LanguageDetectionMethod=none
; An update closes a running operator-app (its files are in use) and reopens nothing.
CloseApplications=yes
RestartApplications=no
OutputDir=..\dist\installer
OutputBaseFilename=operator-app-{#AppVersion}-setup
SetupIconFile=..\resources\icons\operator-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
SetupLogging=yes

[Languages]
Name: "id"; MessagesFile: "compiler:Default.isl,inno-id.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Messages]
; The refusal an operator sees on a 32-bit or pre-Windows-10 PC (Indonesian text in inno-id.isl).
en.WinVersionTooLowError=operator-app needs 64-bit Windows 10 or Windows 11 (%1 version %2 or later). This computer runs an older Windows, so nothing was installed.%n%nInstall operator-app on another computer with 64-bit Windows 10 or 11.
en.WindowsVersionNotSupported=operator-app needs 64-bit Windows 10 or Windows 11. This version of Windows is not supported, so nothing was installed.
en.OnlyOnTheseArchitectures=operator-app can only be installed on 64-bit Windows (Windows 10 or 11, x64). This computer runs 32-bit Windows, so nothing was installed.%n%nSupported architectures:%n%n%1
en.ConfirmUninstall=Remove %1 from this computer?%n%nYour database and backups are kept unless you ask for their removal in the next step.

[CustomMessages]
id.AskDeleteData=Hapus juga data operator-app di folder ini?%n%n%1%n%nIsinya: database (operator-app.sqlite3), folder backups (cadangan), contoh dan Logs.%n%nPilih Tidak untuk menyimpannya, misalnya untuk dipasang lagi atau dipindah ke komputer lain. Data yang sudah dihapus tidak dapat dikembalikan.
en.AskDeleteData=Also delete the operator-app data in this folder?%n%n%1%n%nIt holds the database (operator-app.sqlite3), the backups folder, the demo database and the logs.%n%nChoose No to keep it, for example to reinstall or move it to another computer. Deleted data cannot be recovered.
id.DeleteDataFailed=Sebagian data di folder ini tidak dapat dihapus (mungkin masih dibuka program lain):%n%n%1%n%nHapus folder itu sendiri lewat File Explorer bila perlu.
en.DeleteDataFailed=Some of the data in this folder could not be deleted (another program may still have it open):%n%n%1%n%nDelete the folder yourself in File Explorer if needed.
id.AppComment=Padanan data guru ASN Dapodik - SIASN (offline)
en.AppComment=Match Dapodik teacher data against SIASN (offline)

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole program folder: files a newer build no longer has must not linger.
; The user's data is elsewhere (%LOCALAPPDATA%\operator-app) and is never touched here.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  { platformdirs.user_data_dir("operator-app", appauthor=False, roaming=False) on Windows: the
    database, backups\ (last 5 dated copies), contoh\ (demo database) and Logs\ (user_log_dir). }
  DataDirName = 'operator-app';
  { QSettings("operator-app", "operator-app"): language, window layout. }
  SettingsKey = 'Software\operator-app';

function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\') + DataDirName;
end;

{ After the program files are gone, ask whether the data goes too. The default answer (Enter,
  or a silent uninstall by a script) keeps it: an operator's database is never lost by accident. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Dir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Dir := DataDir();
  if UninstallSilent() or not DirExists(Dir) then
    Exit;
  if MsgBox(FmtMessage(CustomMessage('AskDeleteData'), [Dir]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) <> IDYES then
    Exit;
  if DelTree(Dir, True, True, True) then
  begin
    if not RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, SettingsKey) then
      Log('No settings key to delete: ' + SettingsKey);
  end
  else
    MsgBox(FmtMessage(CustomMessage('DeleteDataFailed'), [Dir]), mbError, MB_OK);
end;
