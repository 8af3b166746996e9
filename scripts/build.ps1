<#
.SYNOPSIS
Build operator-app on Windows: the one-folder app, its smoke test, and the installer.

.DESCRIPTION
1. build\venv gets the app's dependencies and PyInstaller from PyPI (at build time only; the app
   itself never downloads anything). 2. PyInstaller builds dist\operator-app\ from
   packaging\operator-app.spec. 3. The build is smoke-tested as an operator's PC runs it: a bare
   environment (PATH = Windows folders only, no PYTHONHOME/PYTHONPATH), offscreen Qt, a demo
   database made by the built exe itself, --version and a screenshot of the filled window.
   4. Size and start-up time are measured against the budget (200 MB, 2 s; median of 5).
   5. Inno Setup (iscc) compiles packaging\operator-app.iss into
   dist\installer\operator-app-<version>-setup.exe, which is then installed silently into a
   scratch folder, run once and uninstalled again.
Same steps and checks as scripts/build.sh; docs/packaging.md explains both.

.EXAMPLE
powershell -ExecutionPolicy Bypass -File scripts\build.ps1
powershell -ExecutionPolicy Bypass -File scripts\build.ps1 -SkipInstaller
#>
param(
    [switch]$SkipInstaller,      # only the one-folder app (no Inno Setup needed)
    [switch]$SkipInstallerTest,  # build the installer but do not install/uninstall it once
    [int]$StartRuns = 5,
    [int]$SizeBudgetMB = 200,
    [double]$StartBudgetS = 2.0,
    [string]$Python = ""         # a Python 3.11+ (64-bit); default: py -3.11, then python
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path $PSScriptRoot -Parent
Set-Location $Root
[Environment]::CurrentDirectory = $Root  # for .NET calls and Start-Process, not only PowerShell

$Venv = Join-Path $Root "build\venv"
$VenvPy = Join-Path $Venv "Scripts\python.exe"
$App = Join-Path $Root "dist\operator-app"
$Exe = Join-Path $App "operator-app.exe"        # windowed: what the shortcuts start
$CliExe = Join-Path $App "operator-app-cli.exe" # console: --version, tracebacks on stderr
$Smoke = Join-Path $Root "build\smoke"

function Say($text) { Write-Host ""; Write-Host "==> $text" }
function Fail($text) { Write-Host "BUILD FAILED: $text" -ForegroundColor Red; exit 1 }
function Invoke-Checked {
    param([string]$What, [scriptblock]$Block)
    & $Block
    if ($LASTEXITCODE -ne 0) { Fail "$What (exit code $LASTEXITCODE)" }
}

# A bare environment like `env -i`: Windows folders on PATH and nothing of Python; the user's
# folders point into build\smoke so the smoke test never touches the real operator data.
function New-BareStartInfo([string]$File, [string[]]$ArgList) {
    $psi = New-Object System.Diagnostics.ProcessStartInfo
    $psi.FileName = $File
    $psi.Arguments = ($ArgList | ForEach-Object { '"' + $_ + '"' }) -join " "
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.WorkingDirectory = $Smoke
    $keep = @{}
    foreach ($name in "SystemRoot", "SystemDrive", "windir", "ComSpec", "PATHEXT", "NUMBER_OF_PROCESSORS",
                      "PROCESSOR_ARCHITECTURE", "OS", "USERNAME", "USERPROFILE", "HOMEDRIVE", "HOMEPATH") {
        $value = [Environment]::GetEnvironmentVariable($name)
        if ($value) { $keep[$name] = $value }
    }
    $psi.EnvironmentVariables.Clear()
    foreach ($name in $keep.Keys) { $psi.EnvironmentVariables[$name] = $keep[$name] }
    $psi.EnvironmentVariables["PATH"] = "$env:SystemRoot\System32;$env:SystemRoot;$env:SystemRoot\System32\Wbem"
    $psi.EnvironmentVariables["TEMP"] = "$Smoke\temp"
    $psi.EnvironmentVariables["TMP"] = "$Smoke\temp"
    $psi.EnvironmentVariables["LOCALAPPDATA"] = "$Smoke\home\AppData\Local"
    $psi.EnvironmentVariables["APPDATA"] = "$Smoke\home\AppData\Roaming"
    $psi.EnvironmentVariables["WIN_PD_OVERRIDE_LOCAL_APPDATA"] = "$Smoke\home\AppData\Local"  # platformdirs >= 4.4
    $psi.EnvironmentVariables["QT_QPA_PLATFORM"] = "offscreen"
    return $psi
}

function Invoke-Bare([string]$File, [string[]]$ArgList, [int]$TimeoutS = 120) {
    $p = [System.Diagnostics.Process]::Start((New-BareStartInfo $File $ArgList))
    $stdout = $p.StandardOutput.ReadToEndAsync()
    $stderr = $p.StandardError.ReadToEndAsync()
    if (-not $p.WaitForExit($TimeoutS * 1000)) { $p.Kill(); Fail "$File $ArgList did not finish in $TimeoutS s" }
    $p.WaitForExit()
    $text = ($stdout.Result + $stderr.Result).Trim()
    if ($p.ExitCode -ne 0) { Fail "$(Split-Path $File -Leaf) $ArgList exited $($p.ExitCode): $text" }
    if ($text -match "Traceback") { Fail "$(Split-Path $File -Leaf) $ArgList printed a traceback: $text" }
    return $text
}

# --- 1. build environment ----------------------------------------------------------------------
Say "build environment (build\venv)"
if (-not (Test-Path $VenvPy)) {
    New-Item -ItemType Directory -Force (Join-Path $Root "build") | Out-Null
    if ($Python) { Invoke-Checked "creating build\venv" { & $Python -m venv $Venv } }
    elseif (Get-Command py -ErrorAction SilentlyContinue) { Invoke-Checked "creating build\venv" { & py -3.11 -m venv $Venv } }
    else { Invoke-Checked "creating build\venv" { & python -m venv $Venv } }
    Invoke-Checked "upgrading pip" { & $VenvPy -m pip install --quiet --upgrade pip }
}
Invoke-Checked "reading pyproject.toml" { & $VenvPy packaging\bundle.py requirements | Set-Content -Encoding ascii build\requirements.txt }
Invoke-Checked "pip install" { & $VenvPy -m pip install --quiet -r build\requirements.txt }
$Version = (& $VenvPy packaging\bundle.py version).Trim()
$VersionNumeric = (& $VenvPy packaging\bundle.py version-numeric).Trim()
$bits = (& $VenvPy -c "import struct; print(struct.calcsize('P') * 8)").Trim()
if ($bits -ne "64") { Fail "build\venv runs a $bits-bit Python; the installer is for 64-bit Windows" }
& $VenvPy -c "import PyInstaller, PySide6, sys; print('Python', sys.version.split()[0], '/ PyInstaller', PyInstaller.__version__, '/ PySide6', PySide6.__version__)"

# --- 2. build ----------------------------------------------------------------------------------
Say "PyInstaller one-folder build of operator-app $Version"
if (Test-Path $App) { Remove-Item -Recurse -Force $App }
$watch = [System.Diagnostics.Stopwatch]::StartNew()
# Start-Process, not `& ... 2>&1`: Windows PowerShell turns a redirected native stderr line (all
# of PyInstaller's log) into a terminating error under $ErrorActionPreference = "Stop".
$p = Start-Process -FilePath (Join-Path $Venv "Scripts\pyinstaller.exe") -NoNewWindow -Wait -PassThru `
    -WorkingDirectory $Root -RedirectStandardOutput (Join-Path $Root "build\pyinstaller.out.log") `
    -RedirectStandardError (Join-Path $Root "build\pyinstaller.log") `
    -ArgumentList "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", "dist",
                  "--workpath", "build\pyinstaller", "packaging\operator-app.spec"
if ($p.ExitCode -ne 0) { Get-Content build\pyinstaller.log -Tail 40; Fail "PyInstaller (full log: build\pyinstaller.log)" }
$BuildS = [math]::Round($watch.Elapsed.TotalSeconds, 1)
foreach ($f in $Exe, $CliExe) { if (-not (Test-Path $f)) { Fail "missing $f" } }

# --- 3. what is in the folder ------------------------------------------------------------------
Say "contents"
$unwanted = Get-ChildItem -Recurse $App | Where-Object {
    $_.Name -match "WebEngine|Qt6Qml|Qt6Quick|^QtQml|^QtQuick|pytest|hypothesis|tkinter|^tcl|^tk\d|opengl32sw" -or
    $_.FullName -match "\\qml\\"
}
if ($unwanted) { Fail ("unwanted files in the build:`n" + ($unwanted.FullName -join "`n")) }
foreach ($needed in "_internal\operator_app\resources\translations\operator_app_en.qm",
                    "_internal\operator_app\store\migrations\env.py",
                    "_internal\operator_app\resources\icons\operator-app.ico") {
    if (-not (Test-Path (Join-Path $App $needed))) { Fail "missing $needed" }
}
if (-not (Get-ChildItem -Recurse $App -Filter qwindows.dll)) { Fail "missing the qwindows.dll platform plugin" }
$files = Get-ChildItem -Recurse -File $App
$SizeMB = [math]::Round((($files | Measure-Object -Property Length -Sum).Sum) / 1MB)
Write-Host "dist\operator-app: $SizeMB MB in $($files.Count) files"

# --- 4. smoke test without Python --------------------------------------------------------------
Say "smoke test (bare environment, offscreen, scratch user folders)"
if (Test-Path $Smoke) { Remove-Item -Recurse -Force $Smoke }
New-Item -ItemType Directory -Force "$Smoke\temp", "$Smoke\home\AppData\Local", "$Smoke\home\AppData\Roaming" | Out-Null
$barePath = (New-BareStartInfo $CliExe @()).EnvironmentVariables["PATH"]
foreach ($dir in $barePath.Split(";")) {
    foreach ($py in "python.exe", "python3.exe", "py.exe") {
        if (Test-Path (Join-Path $dir $py)) { Fail "a Python is on the bare PATH: $(Join-Path $dir $py)" }
    }
}
Write-Host "bare PATH ($barePath) holds no Python"
$out = Invoke-Bare $CliExe @("--version")
if ($out -ne "operator-app $Version") { Fail "--version printed '$out', expected 'operator-app $Version'" }
Write-Host "--version: $out"
$Sample = Join-Path $Smoke "sample-DATA-CONTOH.sqlite3"
Invoke-Bare $CliExe @("demo", "--db", $Sample, "--no-gui") | Out-Null
if (-not (Test-Path $Sample)) { Fail "demo wrote no database" }
Write-Host "demo database (built by the frozen app, so the frozen migrations ran): $Sample"
foreach ($lang in "id", "en") {
    $png = Join-Path $Smoke "window-$lang.png"
    Invoke-Bare $CliExe @("gui", "--db", $Sample, "--screenshot", $png, "--lang", $lang) | Out-Null
    if (-not (Test-Path $png)) { Fail "no screenshot at $png" }
}
Write-Host "screenshots: build\smoke\window-id.png, build\smoke\window-en.png (look at them)"

# --- 5. start-up time: the windowed exe, launch until the filled window's screenshot exists ------
Say "start-up time ($StartRuns runs)"
$times = @()
for ($i = 1; $i -le $StartRuns; $i++) {
    $png = Join-Path $Smoke "start-$i.png"
    $psi = New-BareStartInfo $Exe @("gui", "--db", $Sample, "--screenshot", $png)
    $psi.RedirectStandardOutput = $false
    $psi.RedirectStandardError = $false
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $p = [System.Diagnostics.Process]::Start($psi)
    while (-not (Test-Path $png) -and -not $p.HasExited) { Start-Sleep -Milliseconds 10 }
    $t = [math]::Round($watch.Elapsed.TotalSeconds, 2)
    $p.WaitForExit()
    if ($p.ExitCode -ne 0 -or -not (Test-Path $png)) { Fail "start-up run $i failed (exit $($p.ExitCode))" }
    $times += $t
    Write-Host "run ${i}: $t s"
}
$sorted = @($times | Sort-Object)
$n = $sorted.Count
if ($n % 2) { $StartMedian = $sorted[($n - 1) / 2] } else { $StartMedian = [math]::Round(($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2, 2) }

# --- 6. installer ------------------------------------------------------------------------------
$Installer = ""
if (-not $SkipInstaller) {
    Say "installer (Inno Setup)"
    $iscc = $env:ISCC
    if (-not $iscc) {
        $cmd = Get-Command iscc -ErrorAction SilentlyContinue
        if ($cmd) { $iscc = $cmd.Source }
    }
    if (-not $iscc) {
        foreach ($candidate in "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                               "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe") {
            if (Test-Path $candidate) { $iscc = $candidate; break }
        }
    }
    if (-not $iscc) { Fail "Inno Setup 6.3+ (ISCC.exe) not found: install it, set `$env:ISCC, or pass -SkipInstaller" }
    Invoke-Checked "iscc" { & $iscc /Qp "/DAppVersion=$Version" "/DAppVersionNumeric=$VersionNumeric" packaging\operator-app.iss }
    $Installer = Join-Path $Root "dist\installer\operator-app-$Version-setup.exe"
    if (-not (Test-Path $Installer)) { Fail "no installer at $Installer" }
    $InstallerMB = [math]::Round((Get-Item $Installer).Length / 1MB, 1)
    Write-Host "installer: $Installer ($InstallerMB MB)"

    if (-not $SkipInstallerTest) {
        Say "installer test (silent per-user install into build\installer-test, run, uninstall)"
        $target = Join-Path $Root "build\installer-test"
        if (Test-Path $target) { Remove-Item -Recurse -Force $target }
        $p = Start-Process -FilePath $Installer -Wait -PassThru -ArgumentList `
            "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/TASKS=`"`"", "/DIR=`"$target`"", "/LOG=`"$Smoke\install.log`""
        if ($p.ExitCode -ne 0) { Fail "silent install exited $($p.ExitCode) (log: build\smoke\install.log)" }
        $out = Invoke-Bare (Join-Path $target "operator-app-cli.exe") @("--version")
        if ($out -ne "operator-app $Version") { Fail "installed app printed '$out'" }
        $p = Start-Process -FilePath (Join-Path $target "unins000.exe") -Wait -PassThru -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"
        if ($p.ExitCode -ne 0) { Fail "silent uninstall exited $($p.ExitCode)" }
        Write-Host "installed, ran ($out) and uninstalled"
    }
}

# --- 7. report ---------------------------------------------------------------------------------
Say "report"
$cpu = (Get-CimInstance Win32_Processor | Select-Object -First 1)
$os = (Get-CimInstance Win32_OperatingSystem)
$report = @(
    "operator-app $Version one-folder build, $((Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mmZ'))",
    "machine: $($os.Caption) $($os.OSArchitecture), $($cpu.NumberOfLogicalProcessors) logical cores, $([math]::Round($os.TotalVisibleMemorySize / 1MB)) GiB",
    "build_seconds=$BuildS",
    "folder_mb=$SizeMB (budget $SizeBudgetMB)",
    "folder_files=$($files.Count)",
    "start_seconds_median=$StartMedian (budget $StartBudgetS; runs: $($times -join ' '))"
)
if ($Installer) { $report += "installer=$Installer ($InstallerMB MB)" }
$report | Tee-Object -FilePath build\build-report.txt
$over = @()
if ($SizeMB -gt $SizeBudgetMB) { $over += "size $SizeMB MB > $SizeBudgetMB MB" }
if ($StartMedian -gt $StartBudgetS) { $over += "start-up $StartMedian s > $StartBudgetS s" }
if ($over) { Fail ("over budget: " + ($over -join "; ")) }
Write-Host "OK"
