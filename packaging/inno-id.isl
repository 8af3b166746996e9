; Indonesian messages for the operator-app installer (Inno Setup 6), written for this project.
;
; Inno Setup ships no Indonesian among its official translations, so operator-app.iss loads
; compiler:Default.isl first and this file over it: every message below is Indonesian, and any
; message not listed here (pages this installer never shows: components, password, licence, ...)
; falls back to English, so a newer Inno Setup with new messages still compiles.
; Keep this file ASCII (tests/test_packaging.py checks it).

[LangOptions]
LanguageName=Bahasa Indonesia
LanguageID=$0421
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Pemasangan
SetupWindowTitle=Pemasangan - %1
UninstallAppTitle=Penghapusan
UninstallAppFullTitle=Penghapusan %1

; *** Misc. common
InformationTitle=Informasi
ConfirmTitle=Konfirmasi
ErrorTitle=Galat

; *** SetupLdr messages
SetupLdrStartupMessage=Program ini akan memasang %1. Lanjutkan?
LdrCannotCreateTemp=Tidak dapat membuat berkas sementara. Pemasangan dibatalkan
LdrCannotExecTemp=Tidak dapat menjalankan berkas di folder sementara. Pemasangan dibatalkan

; *** Startup error messages
LastErrorMessage=%1.%n%nGalat %2: %3
SetupFileMissing=Berkas %1 tidak ada di folder pemasangan. Perbaiki masalah ini atau minta salinan baru program pemasangan.
SetupFileCorrupt=Berkas pemasangan rusak. Minta salinan baru program pemasangan.
SetupFileCorruptOrWrongVer=Berkas pemasangan rusak atau tidak cocok dengan versi program pemasangan ini. Minta salinan baru program pemasangan.
InvalidParameter=Ada parameter yang tidak sah di baris perintah:%n%n%1
SetupAlreadyRunning=Program pemasangan sudah berjalan.
WindowsVersionNotSupported=operator-app membutuhkan Windows 10 atau Windows 11 64-bit. Versi Windows di komputer ini tidak didukung, jadi pemasangan dibatalkan dan tidak ada yang diubah.%n%nPasang operator-app di komputer lain yang memakai Windows 10 atau 11 64-bit.
NotOnThisPlatform=Program ini tidak dapat berjalan di %1.
OnlyOnThisPlatform=Program ini harus dijalankan di %1.
OnlyOnTheseArchitectures=operator-app hanya dapat dipasang di Windows 64-bit (Windows 10 atau 11, x64). Komputer ini memakai Windows 32-bit, jadi pemasangan dibatalkan dan tidak ada yang diubah.%n%nArsitektur yang didukung:%n%n%1
WinVersionTooLowError=operator-app membutuhkan Windows 10 atau Windows 11 64-bit (%1 versi %2 atau yang lebih baru). Windows di komputer ini lebih lama, jadi pemasangan dibatalkan dan tidak ada yang diubah.%n%nPasang operator-app di komputer lain yang memakai Windows 10 atau 11 64-bit.
WinVersionTooHighError=Program ini tidak dapat dipasang di %1 versi %2 atau yang lebih baru.
AdminPrivilegesRequired=Anda harus masuk sebagai administrator untuk memasang program ini.
PowerUserPrivilegesRequired=Anda harus masuk sebagai administrator atau anggota grup Power Users untuk memasang program ini.
SetupAppRunningError=%1 sedang berjalan.%n%nTutup dulu semua jendela %1, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.
UninstallAppRunningError=%1 sedang berjalan.%n%nTutup dulu semua jendela %1, lalu klik OK untuk melanjutkan, atau Batal untuk keluar.

; *** Misc. errors
ErrorCreatingDir=Program pemasangan tidak dapat membuat folder "%1"
ErrorTooManyFilesInDir=Tidak dapat membuat berkas di folder "%1" karena isinya terlalu banyak

; *** Setup common messages
ExitSetupTitle=Keluar dari Pemasangan
ExitSetupMessage=Pemasangan belum selesai. Jika keluar sekarang, program tidak akan terpasang.%n%nAnda dapat menjalankan program pemasangan lagi lain waktu.%n%nKeluar dari pemasangan?
AboutSetupMenuItem=&Tentang Pemasangan...
AboutSetupTitle=Tentang Pemasangan
AboutSetupMessage=%1 versi %2%n%3%n%nSitus %1:%n%4

; *** Buttons
ButtonBack=< &Kembali
ButtonNext=&Lanjut >
ButtonInstall=&Pasang
ButtonOK=OK
ButtonCancel=Batal
ButtonYes=&Ya
ButtonYesToAll=Ya untuk &Semua
ButtonNo=&Tidak
ButtonNoToAll=T&idak untuk Semua
ButtonFinish=&Selesai
ButtonBrowse=&Telusuri...
ButtonWizardBrowse=T&elusuri...
ButtonNewFolder=&Buat Folder Baru

; *** "Select Language" dialog messages
SelectLanguageTitle=Pilih Bahasa Pemasangan
SelectLanguageLabel=Pilih bahasa yang dipakai selama pemasangan:

; *** Common wizard text
ClickNext=Klik Lanjut untuk meneruskan, atau Batal untuk keluar.
BrowseDialogTitle=Pilih Folder
BrowseDialogLabel=Pilih folder dari daftar di bawah, lalu klik OK.
NewFolderName=Folder Baru

; *** "Welcome" wizard page
WelcomeLabel1=Selamat datang di Pemasangan [name]
WelcomeLabel2=Program ini akan memasang [name/ver] di komputer Anda.%n%nSebaiknya tutup aplikasi lain sebelum melanjutkan.

; *** "Select Destination Location" wizard page
WizardSelectDir=Pilih Lokasi Tujuan
SelectDirDesc=Di mana [name] akan dipasang?
SelectDirLabel3=[name] akan dipasang di folder berikut.
SelectDirBrowseLabel=Klik Lanjut untuk meneruskan. Untuk memilih folder lain, klik Telusuri.
DiskSpaceMBLabel=Dibutuhkan ruang kosong paling sedikit [mb] MB.
CannotInstallToNetworkDrive=Tidak dapat memasang ke drive jaringan.
CannotInstallToUNCPath=Tidak dapat memasang ke jalur UNC.
InvalidPath=Masukkan jalur lengkap dengan huruf drive, misalnya:%n%nC:\APP%n%natau jalur UNC dengan bentuk:%n%n\\server\share
InvalidDrive=Drive atau folder bersama yang dipilih tidak ada atau tidak dapat dibuka. Pilih yang lain.
DiskSpaceWarningTitle=Ruang Disk Tidak Cukup
DiskSpaceWarning=Pemasangan membutuhkan paling sedikit %1 KB ruang kosong, tetapi drive yang dipilih hanya punya %2 KB.%n%nTetap lanjutkan?
DirNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidDirName=Nama folder tidak sah.
BadDirName32=Nama folder tidak boleh memuat karakter berikut:%n%n%1
DirExistsTitle=Folder Sudah Ada
DirExists=Folder:%n%n%1%n%nsudah ada. Tetap pasang di folder itu?
DirDoesntExistTitle=Folder Tidak Ada
DirDoesntExist=Folder:%n%n%1%n%nbelum ada. Buat folder itu?

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Pilih Tugas Tambahan
SelectTasksDesc=Tugas tambahan apa yang akan dikerjakan?
SelectTasksLabel2=Pilih tugas tambahan yang dikerjakan saat memasang [name], lalu klik Lanjut.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Pilih Folder Menu Start
SelectStartMenuFolderDesc=Di mana pintasan program akan diletakkan?
SelectStartMenuFolderLabel3=Pintasan program akan dibuat di folder Menu Start berikut.
SelectStartMenuFolderBrowseLabel=Klik Lanjut untuk meneruskan. Untuk memilih folder lain, klik Telusuri.
MustEnterGroupName=Masukkan nama folder.
GroupNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidGroupName=Nama folder tidak sah.
BadGroupName=Nama folder tidak boleh memuat karakter berikut:%n%n%1
NoProgramGroupCheck2=&Jangan buat folder Menu Start

; *** "Ready to Install" wizard page
WizardReady=Siap Memasang
ReadyLabel1=[name] siap dipasang di komputer Anda.
ReadyLabel2a=Klik Pasang untuk mulai memasang, atau Kembali untuk memeriksa atau mengubah pilihan.
ReadyLabel2b=Klik Pasang untuk mulai memasang.
ReadyMemoUserInfo=Informasi pengguna:
ReadyMemoDir=Lokasi tujuan:
ReadyMemoType=Jenis pemasangan:
ReadyMemoComponents=Komponen yang dipilih:
ReadyMemoGroup=Folder Menu Start:
ReadyMemoTasks=Tugas tambahan:

; *** "Preparing to Install" wizard page
WizardPreparing=Bersiap Memasang
PreparingDesc=Pemasangan [name] sedang disiapkan.
PreviousInstallNotCompleted=Pemasangan atau penghapusan program sebelumnya belum selesai. Nyalakan ulang komputer untuk menyelesaikannya.%n%nSetelah itu, jalankan lagi program pemasangan [name].
CannotContinue=Pemasangan tidak dapat dilanjutkan. Klik Batal untuk keluar.
ApplicationsFound=Aplikasi berikut sedang memakai berkas yang perlu diperbarui. Sebaiknya izinkan program pemasangan menutup aplikasi ini.
ApplicationsFound2=Aplikasi berikut sedang memakai berkas yang perlu diperbarui. Sebaiknya izinkan program pemasangan menutup aplikasi ini. Setelah pemasangan selesai, aplikasi akan dicoba dibuka lagi.
CloseApplications=&Tutup aplikasi secara otomatis
DontCloseApplications=&Jangan tutup aplikasi
ErrorCloseApplications=Tidak semua aplikasi dapat ditutup otomatis. Sebaiknya tutup sendiri aplikasi yang memakai berkas yang perlu diperbarui sebelum melanjutkan.

; *** "Installing" wizard page
WizardInstalling=Memasang
InstallingLabel=Tunggu sebentar, [name] sedang dipasang di komputer Anda.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Pemasangan [name] Selesai
FinishedLabelNoIcons=[name] sudah terpasang di komputer Anda.
FinishedLabel=[name] sudah terpasang di komputer Anda. Buka aplikasi lewat pintasan di desktop atau Menu Start.
ClickFinish=Klik Selesai untuk keluar.
FinishedRestartLabel=Untuk menyelesaikan pemasangan [name], komputer harus dinyalakan ulang. Nyalakan ulang sekarang?
FinishedRestartMessage=Untuk menyelesaikan pemasangan [name], komputer harus dinyalakan ulang.%n%nNyalakan ulang sekarang?
ShowReadmeCheck=Ya, saya ingin membaca berkas README
YesRadio=&Ya, nyalakan ulang komputer sekarang
NoRadio=&Tidak, saya akan menyalakan ulang nanti
RunEntryExec=Jalankan %1
RunEntryShellExec=Lihat %1

; *** Installation phase messages
SetupAborted=Pemasangan tidak selesai.%n%nPerbaiki masalahnya lalu jalankan lagi program pemasangan.
EntryAbortRetryIgnore=Klik Coba Lagi untuk mencoba lagi, Abaikan untuk tetap melanjutkan, atau Batalkan untuk membatalkan pemasangan.
AbortRetryIgnoreChooseAction=Pilih tindakan
AbortRetryIgnoreRetry=Coba lagi
AbortRetryIgnoreProceedAnyway=Tetap lanjutkan
AbortRetryIgnoreCancel=Batalkan pemasangan

; *** Installation status messages
StatusClosingApplications=Menutup aplikasi...
StatusCreateDirs=Membuat folder...
StatusExtractFiles=Menyalin berkas...
StatusCreateIcons=Membuat pintasan...
StatusCreateIniEntries=Menulis entri INI...
StatusCreateRegistryEntries=Menulis entri registri...
StatusRegisterFiles=Mendaftarkan berkas...
StatusSavingUninstall=Menyimpan informasi penghapusan...
StatusRunProgram=Menyelesaikan pemasangan...
StatusRestartingApplications=Membuka lagi aplikasi...
StatusRollback=Membatalkan perubahan...

; *** Misc. errors
ErrorInternal2=Galat internal: %1
ErrorFunctionFailedNoCode=%1 gagal
ErrorFunctionFailed=%1 gagal; kode %2
ErrorFunctionFailedWithMessage=%1 gagal; kode %2.%n%3
ErrorExecutingProgram=Tidak dapat menjalankan berkas:%n%1

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=Lewati berkas ini (tidak disarankan)
FileAbortRetryIgnoreProceedAnywayNotRecommended=Tetap lanjutkan (tidak disarankan)
SourceIsCorrupted=Berkas sumber rusak
SourceDoesntExist=Berkas sumber "%1" tidak ada
ExistingFileReadOnly=Berkas yang sudah ada bersifat hanya-baca.
ExistingFileReadOnlyRetry=Hapus sifat hanya-baca lalu coba lagi
ExistingFileReadOnlySkip=Lewati berkas ini
ErrorReadingExistingDest=Terjadi galat saat membaca berkas yang sudah ada:
FileExists=Berkas sudah ada.%n%nTimpa berkas itu?
ExistingFileNewer=Berkas yang sudah ada lebih baru daripada yang akan dipasang. Sebaiknya simpan berkas yang sudah ada.%n%nSimpan berkas yang sudah ada?
ErrorChangingAttr=Terjadi galat saat mengubah atribut berkas yang sudah ada:
ErrorCreatingTemp=Terjadi galat saat membuat berkas di folder tujuan:
ErrorReadingSource=Terjadi galat saat membaca berkas sumber:
ErrorCopying=Terjadi galat saat menyalin berkas:
ErrorReplacingExistingFile=Terjadi galat saat mengganti berkas yang sudah ada:
ErrorRenamingTemp=Terjadi galat saat mengganti nama berkas di folder tujuan:

; *** Uninstall display name markings
UninstallDisplayNameMarkAllUsers=Semua pengguna
UninstallDisplayNameMarkCurrentUser=Pengguna ini

; *** Uninstaller messages
UninstallNotFound=Berkas "%1" tidak ada. Tidak dapat menghapus program.
UninstallOpenError=Berkas "%1" tidak dapat dibuka. Tidak dapat menghapus program
ConfirmUninstall=Yakin ingin menghapus %1 dari komputer ini?%n%nDatabase dan cadangan Anda tidak ikut terhapus kecuali Anda memintanya pada langkah berikutnya.
UninstallOnlyOnWin64=Program ini hanya dapat dihapus di Windows 64-bit.
OnlyAdminCanUninstall=Program ini hanya dapat dihapus oleh pengguna dengan hak administrator.
UninstallStatusLabel=Tunggu sebentar, %1 sedang dihapus dari komputer Anda.
UninstalledAll=%1 sudah dihapus dari komputer Anda.
UninstalledMost=Penghapusan %1 selesai.%n%nBeberapa bagian tidak dapat dihapus dan dapat dihapus sendiri.
UninstalledAndNeedsRestart=Untuk menyelesaikan penghapusan %1, komputer harus dinyalakan ulang.%n%nNyalakan ulang sekarang?
UninstallDataCorrupted=Berkas "%1" rusak. Tidak dapat menghapus program

; *** Uninstallation phase messages
SharedFileNameLabel=Nama berkas:
SharedFileLocationLabel=Lokasi:
WizardUninstalling=Status Penghapusan
StatusUninstalling=Menghapus %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Memasang %1.
ShutdownBlockReasonUninstallingApp=Menghapus %1.

[CustomMessages]
NameAndVersion=%1 versi %2
AdditionalIcons=Pintasan tambahan:
CreateDesktopIcon=Buat pintasan di &desktop
ProgramOnTheWeb=%1 di Web
UninstallProgram=Hapus %1
LaunchProgram=Buka %1
