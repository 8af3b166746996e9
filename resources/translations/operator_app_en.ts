<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="58"/>
        <source>Belum ada temuan.</source>
        <translation>No findings yet.</translation>
    </message>
</context>
<context>
    <name>ChecklistPreview</name>
    <message>
        <location filename="../../operator_app/ui/printing.py" line="52"/>
        <source>Pratinjau cetak: daftar periksa</source>
        <translation>Print preview: checklist</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="66"/>
        <source>Belum ada database yang terbuka; coba lagi sebentar lagi.</source>
        <translation>No database is open yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="90"/>
        <source>Menyimpan keputusan</source>
        <translation>Saving decision</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="162"/>
        <source>Tandai {0}: {1}</source>
        <translation>Mark {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="194"/>
        <source>Konfirmasi padanan</source>
        <translation>Confirm match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="195"/>
        <source>Tolak padanan</source>
        <translation>Reject match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="196"/>
        <source>Lupakan keputusan padanan</source>
        <translation>Forget the match decision</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="224"/>
        <source>Pilih kondisi unor {0}</source>
        <translation>Choose unor condition {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="257"/>
        <source>Tambah alias nama sekolah: {0}</source>
        <translation>Add school name alias: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="259"/>
        <source>Hapus alias nama sekolah: {0}</source>
        <translation>Remove school name alias: {0}</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="49"/>
        <source>TLS bila server mendukung (bawaan)</source>
        <translation>TLS if the server supports it (default)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="50"/>
        <source>Wajib TLS (sambungan terenkripsi)</source>
        <translation>Require TLS (encrypted connection)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="51"/>
        <source>Wajib TLS dan periksa sertifikat server (disarankan)</source>
        <translation>Require TLS and verify the server certificate (recommended)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="54"/>
        <source>Tanpa TLS (hanya jaringan tertutup)</source>
        <translation>No TLS (closed networks only)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="78"/>
        <source>Hubungkan ke database Dinas</source>
        <translation>Connect to the district database</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="83"/>
        <source>Isi alamat server PostgreSQL Dinas dan login sekolah Anda (dari admin Dinas). Kata sandi tidak disimpan; koneksi terakhir diingat tanpa kata sandi.</source>
        <translation>Enter the address of the district&apos;s PostgreSQL server and your school login (from the district admin). The password is not saved; recent connections are remembered without it.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="90"/>
        <location filename="../../operator_app/ui/connect_dialog.py" line="96"/>
        <source>Koneksi terakhir</source>
        <translation>Recent connections</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="97"/>
        <source>Server (alamat)</source>
        <translation>Server (address)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="98"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="100"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="101"/>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="102"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="107"/>
        <location filename="../../operator_app/ui/connect_dialog.py" line="108"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="113"/>
        <source>Masalah koneksi</source>
        <translation>Connection problem</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="124"/>
        <source>Menghubungkan</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="129"/>
        <source>&amp;Hubungkan</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="135"/>
        <source>Kembali ke database &amp;lokal (file SQLite)</source>
        <translation>Back to the &amp;local database (SQLite file)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="168"/>
        <source>(belum ada)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="241"/>
        <source>Kesalahan program saat menghubungkan; lihat laporannya.</source>
        <translation>A program error occurred while connecting; see the report.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_dialog.py" line="270"/>
        <source>Menghubungkan ke {0}…</source>
        <translation>Connecting to {0}…</translation>
    </message>
</context>
<context>
    <name>ConnectFlow</name>
    <message>
        <location filename="../../operator_app/ui/connect_flow.py" line="120"/>
        <source>Cadangan database server</source>
        <translation>Server database backups</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/connect_flow.py" line="122"/>
        <source>Database ini ada di server Dinas. Cadangannya dibuat dan dipulihkan oleh admin Dinas di server (pg_dump / pg_restore, lihat docs/district.md), bukan oleh operator-app di komputer ini.

Cadangan otomatis dan pemulihan di menu ini hanya untuk database lokal (file SQLite): Berkas → Kembali ke database lokal.</source>
        <translation>This database is on the district server. Its backups are made and restored by the district admin on the server (pg_dump / pg_restore, see docs/district.md), not by operator-app on this computer.

Automatic backups and restoring from this menu are for the local database (SQLite file) only: File → Back to the local database.</translation>
    </message>
</context>
<context>
    <name>CountModel</name>
    <message>
        <location filename="../../operator_app/ui/models.py" line="343"/>
        <source>Jumlah</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="57"/>
        <source>Terjadi kesalahan program</source>
        <translation>A program error occurred</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="61"/>
        <source>Maaf, aplikasi mengalami kesalahan yang tidak terduga. Data Anda tetap aman di database. Salin laporan di bawah ini dan kirimkan ke pengembang.</source>
        <translation>Sorry, the application ran into an unexpected error. Your data is safe in the database. Copy the report below and send it to the developers.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="65"/>
        <source>Laporan juga disimpan di: {0}</source>
        <translation>The report was also saved to: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="71"/>
        <source>Laporan kesalahan</source>
        <translation>Error report</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="74"/>
        <source>Salin laporan</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>Decider</name>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="54"/>
        <source>Alasan temuan ini diabaikan (wajib):</source>
        <translation>Why is this finding ignored (required):</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="56"/>
        <source>Catatan (boleh kosong), mis. tanggal pengajuan atau nomor tiket:</source>
        <translation>Note (optional), e.g. submission date or ticket number:</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="59"/>
        <source>Tandai {0}</source>
        <translation>Mark {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="67"/>
        <source>Catatan wajib</source>
        <translation>Note required</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="90"/>
        <source>Catat bahwa unor SIASN &quot;{0}&quot; adalah sekolah ini? Semua guru dengan unor ini akan dianggap berada di sekolah yang sama.</source>
        <translation>Record that the SIASN unor &quot;{0}&quot; is this school? Every teacher with this unor will be treated as being at this school.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="93"/>
        <source>Tambah alias nama sekolah</source>
        <translation>Add school name alias</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="18"/>
        <source>waktu yang tidak tercatat</source>
        <translation>a time that was not recorded</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="30"/>
        <source>padanan dikonfirmasi</source>
        <translation>match confirmed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="31"/>
        <source>padanan ditolak</source>
        <translation>match rejected</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="32"/>
        <source>belum diputuskan</source>
        <translation>not decided</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="35"/>
        <source>Kondisi B (SIASN lama)</source>
        <translation>Condition B (SIASN outdated)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="36"/>
        <source>Kondisi C (Dapodik lama)</source>
        <translation>Condition C (Dapodik outdated)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="37"/>
        <source>tanpa kondisi</source>
        <translation>no condition</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="39"/>
        <source>bukan alias (dihapus)</source>
        <translation>no alias (removed)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="42"/>
        <source>menunjuk {0}</source>
        <translation>points to {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/decision_text.py" line="43"/>
        <source>sekolah nomor {0}</source>
        <translation>school number {0}</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="55"/>
        <source>Perbandingan Dapodik dan SIASN</source>
        <translation>Dapodik and SIASN compared</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="62"/>
        <source>Daftar temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="68"/>
        <source>Penjelasan temuan</source>
        <translation>Finding explanation</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="73"/>
        <source>Penjelasan</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="74"/>
        <location filename="../../operator_app/ui/detail.py" line="227"/>
        <source>Riwayat keputusan</source>
        <translation>Decision history</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="103"/>
        <source>Tandai &amp;diajukan</source>
        <translation>Mark &amp;submitted</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="104"/>
        <source>Tandai &amp;selesai</source>
        <translation>Mark &amp;done</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="105"/>
        <source>Abaikan…</source>
        <translation>Ignore…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="106"/>
        <source>Kembalikan ke baru</source>
        <translation>Back to new</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="111"/>
        <source>Perbaikan sudah diajukan (mis. di Verval PTK)</source>
        <translation>The correction has been submitted (e.g. in Verval PTK)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="113"/>
        <source>Sudah diperbaiki</source>
        <translation>Already fixed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="117"/>
        <source>Tidak perlu diperbaiki; wajib diberi catatan</source>
        <translation>Needs no fix; a note is required</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="119"/>
        <source>Batalkan tindak lanjut</source>
        <translation>Undo the follow-up state</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="129"/>
        <source>Padanan ragu-ragu: apakah ini orang yang sama?</source>
        <translation>Doubtful match: is this the same person?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="135"/>
        <source>&amp;Konfirmasi padanan</source>
        <translation>&amp;Confirm match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="136"/>
        <source>&amp;Tolak padanan</source>
        <translation>&amp;Reject match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="147"/>
        <source>Unor berbeda: data mana yang sudah tidak berlaku?</source>
        <translation>Different unor: which data is out of date?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="149"/>
        <source>Kondisi &amp;B: SIASN lama</source>
        <translation>Condition &amp;B: SIASN out of date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="150"/>
        <source>Unor di SIASN sudah tidak berlaku; BKD memperbaikinya</source>
        <translation>The unor in SIASN is out of date; the BKD corrects it</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="151"/>
        <source>Kondisi &amp;C: Dapodik lama</source>
        <translation>Condition &amp;C: Dapodik out of date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="153"/>
        <source>Data Dapodik sudah tidak berlaku; sekolah memproses mutasi</source>
        <translation>Dapodik is out of date; the school processes the transfer</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="160"/>
        <source>Tambah &amp;alias nama sekolah</source>
        <translation>Add school name &amp;alias</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="162"/>
        <source>Pakai bila unor di SIASN sebenarnya sekolah yang sama, hanya ditulis berbeda</source>
        <translation>Use when the SIASN unor is really the same school, only written differently</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="202"/>
        <source>Pilih seorang guru di tabel untuk melihat rinciannya.</source>
        <translation>Select a teacher in the table to see the details.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="209"/>
        <source>hanya di SIASN</source>
        <translation>only in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="212"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="213"/>
        <source>NIP lama</source>
        <translation>old NIP</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="214"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="215"/>
        <source>nama dan tanggal lahir</source>
        <translation>name and birth date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="216"/>
        <source>keputusan operator</source>
        <translation>operator decision</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="218"/>
        <source>dipadankan lewat {0}</source>
        <translation>matched by {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="220"/>
        <source>tidak ada padanan di SIASN</source>
        <translation>no match in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="231"/>
        <source>{0} ditolak</source>
        <translation>{0} refused</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="243"/>
        <source>{0} · NIP {1} · lahir {2} · {3}</source>
        <translation>{0} · NIP {1} · born {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="248"/>
        <source>sudah dikonfirmasi</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="248"/>
        <source>sudah ditolak</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="249"/>
        <source>Calon di SIASN:</source>
        <translation>Candidates in SIASN:</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="249"/>
        <source>Tidak ada calon tersimpan.</source>
        <translation>No stored candidates.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="283"/>
        <source>Tidak ada temuan untuk guru ini.</source>
        <translation>No findings for this teacher.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="339"/>
        <source>Yang harus bertindak</source>
        <translation>Who must act</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="340"/>
        <source>Di mana</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="341"/>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="343"/>
        <source>Pesan di e-Kinerja</source>
        <translation>e-Kinerja message</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="347"/>
        <source>Status</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="356"/>
        <source>Langkah perbaikan</source>
        <translation>How to fix it</translation>
    </message>
</context>
<context>
    <name>DistrictModel</name>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="67"/>
        <source>Kecamatan</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="68"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="69"/>
        <source>PTK</source>
        <translation>PTK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="70"/>
        <source>Padan</source>
        <translation>Matched</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="71"/>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="72"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="73"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="75"/>
        <source>Impor
terakhir</source>
        <translation>Last
import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="76"/>
        <source>Tanggal
unduh</source>
        <translation>Download
date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="77"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="78"/>
        <source>Selesai</source>
        <translation>Fixed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="83"/>
        <source>Temuan terbuka yang harus ditindaklanjuti oleh: {0}</source>
        <translation>Open findings to be acted on by: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="87"/>
        <source>Kecamatan sekolah (baris judul file Dapodik)</source>
        <translation>The school&apos;s subdistrict (title row of the Dapodik file)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="88"/>
        <source>Nama sekolah seperti di Dapodik</source>
        <translation>School name as in Dapodik</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="89"/>
        <source>Jumlah PTK di data Dapodik terakhir</source>
        <translation>Number of PTK (teachers and staff) in the latest Dapodik data</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="90"/>
        <source>PTK yang sudah padan dengan satu data ASN di SIASN</source>
        <translation>PTK matched to one civil servant record in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="93"/>
        <source>Temuan terbuka tingkat Invalid</source>
        <translation>Open findings of level Invalid</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="94"/>
        <source>Temuan terbuka tingkat Peringatan</source>
        <translation>Open findings of level Warning</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="95"/>
        <source>Temuan terbuka tingkat Info</source>
        <translation>Open findings of level Info</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="97"/>
        <source>Kapan file Dapodik terbaru sekolah ini diimpor</source>
        <translation>When this school&apos;s newest Dapodik file was imported</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="100"/>
        <source>Tanggal Unduh yang tertulis di file Dapodik itu</source>
        <translation>The download date (Tanggal Unduh) written in that Dapodik file</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="103"/>
        <source>Temuan yang muncul sejak impor sebelumnya</source>
        <translation>Findings that appeared since the previous import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="104"/>
        <source>Temuan yang selesai sejak impor sebelumnya</source>
        <translation>Findings fixed since the previous import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="293"/>
        <source>Impor terbaru: {0}</source>
        <translation>Newest import: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="295"/>
        <source>Data tertua: {0}</source>
        <translation>Oldest data: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_model.py" line="299"/>
        <source>{0}
Kecamatan {1}
Klik dua kali untuk membuka daftar gurunya</source>
        <translation>{0}
Subdistrict {1}
Double-click to open its teacher list</translation>
    </message>
</context>
<context>
    <name>DistrictPanel</name>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="63"/>
        <source>Saring sekolah: nama atau kecamatan…</source>
        <translation>Filter schools: name or subdistrict…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="65"/>
        <source>Saring sekolah</source>
        <translation>Filter schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="68"/>
        <source>Saring menurut kecamatan</source>
        <translation>Filter by subdistrict</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="72"/>
        <source>Ekspor Rekap Dinas…</source>
        <translation>Export district summary…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="74"/>
        <source>Workbook Excel: satu baris per sekolah, satu sheet per kecamatan, jumlah</source>
        <translation>Excel workbook: one row per school, one sheet per subdistrict, totals</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="85"/>
        <source>Ringkasan per sekolah</source>
        <translation>Summary per school</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="96"/>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="108"/>
        <source>Angka temuan = temuan terbuka (baru/diajukan). Klik dua kali atau tekan Enter pada sekolah untuk membuka daftar gurunya. Baru/Selesai: perubahan sejak impor sebelumnya sekolah itu.</source>
        <translation>Finding counts = open findings (new/submitted). Double-click or press Enter on a school to open its teacher list. New/Fixed: changes since that school&apos;s previous import.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="158"/>
        <source>Semua kecamatan ({0})</source>
        <translation>All subdistricts ({0})</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="161"/>
        <source>Tanpa kecamatan</source>
        <translation>No subdistrict</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="162"/>
        <source>{0} ({1} sekolah)</source>
        <translation>{0} ({1} schools)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="175"/>
        <source>Tampilan Dinas: {0} sekolah di {1} kecamatan, {2} PTK</source>
        <translation>District view: {0} schools in {1} subdistricts, {2} PTK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="190"/>
        <source>Jumlah Kec. {0} ({1} sekolah)</source>
        <translation>Total {0} ({1} schools)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="192"/>
        <source>Jumlah semua ({0} sekolah)</source>
        <translation>Total, all ({0} schools)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/district_overview.py" line="194"/>
        <source>Jumlah yang tampil ({0} sekolah)</source>
        <translation>Total shown ({0} schools)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="102"/>
        <source>Tidak bisa dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
</context>
<context>
    <name>ExplainDialog</name>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="53"/>
        <source>kecocokan {0}%</source>
        <translation>match {0}%</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="63"/>
        <source>PERHATIAN</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="78"/>
        <source>Temuan aplikasi ini yang menyebabkannya</source>
        <translation>Findings of this app that cause it</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="88"/>
        <source>Bukan masalah data Dapodik/SIASN</source>
        <translation>Not a Dapodik/SIASN data problem</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="92"/>
        <source>jangan ubah data sekolah untuk pesan ini.</source>
        <translation>do not change the school&apos;s data for this message.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="101"/>
        <source>Plt. Kepala Sekolah di Dapodik</source>
        <translation>acting head (Plt.) in Dapodik</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="110"/>
        <source>Pesan “{0}” tidak dikenali sebagai pesan Sinkron PMM e-Kinerja.</source>
        <translation>“{0}” is not recognised as an e-Kinerja Sinkron PMM message.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="127"/>
        <source>Arti pesan e-Kinerja</source>
        <translation>e-Kinerja message meaning</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="130"/>
        <source>&amp;Tempel atau ketik pesan gagal Sinkron PMM (boleh sebagian):</source>
        <translation>&amp;Paste or type the failed Sinkron PMM message (part of it is enough):</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="133"/>
        <source>mis. Data PNS ID belum padan antara SIASN …</source>
        <translation>e.g. Data PNS ID belum padan antara SIASN …</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="134"/>
        <source>Pesan e-Kinerja</source>
        <translation>e-Kinerja message</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="140"/>
        <source>Pesan yang cocok</source>
        <translation>Matching messages</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="144"/>
        <source>Arti pesan</source>
        <translation>Meaning of the message</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="151"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="35"/>
        <source>Bunyi lain</source>
        <translation>Other wordings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="36"/>
        <source>Penyebab</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="37"/>
        <source>Langkah, berurutan</source>
        <translation>Steps, in order</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="38"/>
        <source>Waktu tunggu</source>
        <translation>Waiting time</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="39"/>
        <source>Petunjuk dari data</source>
        <translation>Hint from the data</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="40"/>
        <source>Langkah berikut</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/explain_dialog.py" line="41"/>
        <source>Kelompok pesan yang dikenal:</source>
        <translation>Known message groups:</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="63"/>
        <source>Mengekspor</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="69"/>
        <source>kertas F4 (folio 215 x 330 mm)</source>
        <translation>F4 paper (folio 215 x 330 mm)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="71"/>
        <source>kertas A4</source>
        <translation>A4 paper</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="74"/>
        <source>NIK disamarkan</source>
        <translation>NIK masked</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="76"/>
        <source>NIK lengkap</source>
        <translation>full NIK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="78"/>
        <source>Simpan hasil ekspor ke folder - workbook, daftar periksa dan surat: {paper}, {nik} (ubah di Pengaturan)</source>
        <translation>Save the export to folder - workbook, checklist and letter: {paper}, {nik} (change in Settings)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="89"/>
        <source>Buka folder hasil ekspor sekarang?</source>
        <translation>Open the export folder now?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="92"/>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
</context>
<context>
    <name>FieldPairModel</name>
    <message>
        <location filename="../../operator_app/ui/models.py" line="289"/>
        <source>Data</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="290"/>
        <source>Dapodik</source>
        <translation>Dapodik</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="291"/>
        <source>SIASN</source>
        <translation>SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="311"/>
        <source>Berbeda: {0} → {1}</source>
        <translation>Differs: {0} → {1}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="36"/>
        <source>Pilih sekolah</source>
        <translation>Choose school</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="38"/>
        <source>&amp;Sekolah:</source>
        <translation>&amp;School:</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="44"/>
        <source>Cari nama, NIP atau NIK…</source>
        <translation>Search name, NIP or NIK…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="46"/>
        <source>Cari guru</source>
        <translation>Search teachers</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="51"/>
        <source>Semua tingkat</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="52"/>
        <source>Tanpa temuan</source>
        <translation>No findings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="53"/>
        <source>Saring menurut tingkat</source>
        <translation>Filter by severity</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="59"/>
        <source>Semua jenis temuan</source>
        <translation>All finding types</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="61"/>
        <source>Saring menurut jenis temuan</source>
        <translation>Filter by finding type</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="65"/>
        <source>Semua pihak</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="67"/>
        <source>Saring menurut siapa yang bertindak</source>
        <translation>Filter by who must act</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="71"/>
        <source>Semua status</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="73"/>
        <source>Saring menurut status tindak lanjut</source>
        <translation>Filter by follow-up state</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="80"/>
        <source>Hanya yang ada temuan</source>
        <translation>Only with findings</translation>
    </message>
</context>
<context>
    <name>FindingListModel</name>
    <message>
        <location filename="../../operator_app/ui/models.py" line="226"/>
        <source>Temuan</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="227"/>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="228"/>
        <source>Siapa</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="229"/>
        <source>Di mana</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="230"/>
        <source>Status</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../operator_app/ui/history.py" line="34"/>
        <source>pemeriksaan otomatis</source>
        <translation>automatic check</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="35"/>
        <source>(tidak tercatat)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="37"/>
        <source>{0} (dari file Excel)</source>
        <translation>{0} (from an Excel file)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="39"/>
        <source>{0} (otomatis)</source>
        <translation>{0} (automatic)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="45"/>
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="48"/>
        <source>Padanan SIASN {0}</source>
        <translation>SIASN match {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="50"/>
        <source>Kondisi unor</source>
        <translation>Unor condition</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="51"/>
        <source>Alias unor {0}</source>
        <translation>Unor alias {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="60"/>
        <source>DITOLAK</source>
        <translation>REFUSED</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="61"/>
        <source>disimpan</source>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="66"/>
        <source>Ditolak: dibuat di atas data yang sudah diubah orang lain; tidak ada yang diubah.</source>
        <translation>Refused: made on data someone else had changed; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="70"/>
        <source>Disimpan.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="96"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="97"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="98"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="99"/>
        <source>Perubahan</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="100"/>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="101"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="144"/>
        <source>Catatan sebelumnya: {0}</source>
        <translation>Previous note: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/history.py" line="172"/>
        <source>Riwayat keputusan</source>
        <translation>Decision history</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="69"/>
        <source>Pilih folder berisi ekspor Dapodik/SIASN</source>
        <translation>Choose a folder with Dapodik/SIASN exports</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="91"/>
        <source>Membaca file</source>
        <translation>Reading files</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="104"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="105"/>
        <source>Tidak ada file yang bisa diimpor. Pilih ekspor PTK Dapodik atau ekspor SIASN.</source>
        <translation>No file can be imported. Choose a Dapodik PTK export or a SIASN export.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="139"/>
        <source>Mengimpor dan memeriksa</source>
        <translation>Importing and checking</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="147"/>
        <source>Impor selesai</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="156"/>
        <source>Impor dibatalkan</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="157"/>
        <source>Impor dibatalkan. Tidak ada data yang diubah.</source>
        <translation>Import cancelled. No data was changed.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="173"/>
        <source>{0}: sudah pernah diimpor, dilewati</source>
        <translation>{0}: already imported, skipped</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="180"/>
        <source>{0}: rusak, dilewati ({1})</source>
        <translation>{0}: damaged, skipped ({1})</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="185"/>
        <source>{0}: {1} baris</source>
        <translation>{0}: {1} rows</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="189"/>
        <source>lebih lama dari data yang ada, tidak dipakai</source>
        <translation>older than the data already there, not used</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="197"/>
        <source>{0} file bukan ekspor diabaikan (foto, dokumen, dll.).</source>
        <translation>Files that are not exports, ignored: {0} (photos, documents, etc.).</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="204"/>
        <source>Data di atas sudah diimpor. Pemeriksaan dihentikan; pemeriksaan dijalankan lagi saat daftar guru dimuat.</source>
        <translation>The data above has been imported. The check was stopped; it runs again when the teacher list is loaded.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="212"/>
        <source>Hasil pemeriksaan: {0} temuan.</source>
        <translation>Check result: {0} findings.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="218"/>
        <source>Pemeriksaan {0} dilewati: {1}</source>
        <translation>Check {0} skipped: {1}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_scan.py" line="89"/>
        <source>Memeriksa {0} ({1} dari {2})</source>
        <translation>Checking {0} ({1} of {2})</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_scan.py" line="125"/>
        <source>Mengimpor {0} ({1} dari {2})</source>
        <translation>Importing {0} ({1} of {2})</translation>
    </message>
</context>
<context>
    <name>Interaction</name>
    <message>
        <location filename="../../operator_app/ui/buttons.py" line="14"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/buttons.py" line="15"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/buttons.py" line="16"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/buttons.py" line="17"/>
        <location filename="../../operator_app/ui/interaction.py" line="37"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/buttons.py" line="18"/>
        <location filename="../../operator_app/ui/interaction.py" line="40"/>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="57"/>
        <source>Invalid</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="58"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="59"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="62"/>
        <source>Bersih</source>
        <translation>Clean</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="68"/>
        <source>Operator sekolah</source>
        <translation>School operator</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="69"/>
        <source>Admin Dinas</source>
        <translation>Dinas admin</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="70"/>
        <source>Admin Instansi (BKD)</source>
        <translation>Agency admin (BKD)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="71"/>
        <source>Pegawai (guru ybs.)</source>
        <translation>Employee (the teacher)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="72"/>
        <source>Kepala sekolah</source>
        <translation>Head teacher</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="79"/>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="80"/>
        <source>Diajukan</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="81"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="82"/>
        <source>Diabaikan</source>
        <translation>Ignored</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="83"/>
        <source>-</source>
        <translation>-</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="90"/>
        <source>NIP kosong di Dapodik</source>
        <translation>NIP empty in Dapodik</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="91"/>
        <source>NIP berbeda</source>
        <translation>NIP differs</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="92"/>
        <source>Masih NIP lama</source>
        <translation>Still the old NIP</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="93"/>
        <source>NIP rusak</source>
        <translation>NIP damaged</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="94"/>
        <source>NIP tidak sesuai tanggal lahir</source>
        <translation>NIP does not match birth date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="97"/>
        <source>NIP tidak sesuai jenis kelamin</source>
        <translation>NIP does not match sex</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="100"/>
        <source>NIK tidak valid</source>
        <translation>NIK invalid</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="101"/>
        <source>NIK berbeda</source>
        <translation>NIK differs</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="102"/>
        <source>Nama berbeda</source>
        <translation>Name differs</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="103"/>
        <source>Tanggal lahir berbeda</source>
        <translation>Birth date differs</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="104"/>
        <source>Jenis kelamin berbeda</source>
        <translation>Sex differs</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="105"/>
        <source>Status kepegawaian bukan ASN</source>
        <translation>Employment status not ASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="106"/>
        <source>Masih CPNS, SIASN sudah PNS</source>
        <translation>Still CPNS, SIASN says PNS</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="109"/>
        <source>PNS/PPPK berbeda</source>
        <translation>PNS/PPPK differs</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="110"/>
        <source>ASN tidak ditemukan di SIASN</source>
        <translation>ASN not found in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="111"/>
        <source>Kedudukan hukum tidak aktif</source>
        <translation>Legal status not active</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="114"/>
        <source>Penulisan unor berbeda</source>
        <translation>Unor written differently</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="115"/>
        <source>Unor berbeda</source>
        <translation>Unor differs</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="116"/>
        <source>Hanya di SIASN</source>
        <translation>Only in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="117"/>
        <source>Data ganda</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="118"/>
        <source>Tidak ada kepala sekolah</source>
        <translation>No head teacher</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="119"/>
        <source>Kepala sekolah bukan ASN</source>
        <translation>Head teacher not ASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/labels.py" line="120"/>
        <source>Padanan ragu-ragu</source>
        <translation>Doubtful match</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../operator_app/ui/person_table.py" line="26"/>
        <location filename="../../operator_app/ui/window_parts.py" line="45"/>
        <source>Daftar guru</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="46"/>
        <source>Ringkasan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="27"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="31"/>
        <source>&amp;Impor file…</source>
        <translation>&amp;Import files…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="38"/>
        <source>Impor &amp;folder…</source>
        <translation>Import &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="41"/>
        <source>Impor &amp;terakhir</source>
        <translation>Import &amp;recent</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="46"/>
        <source>&amp;Cetak daftar periksa…</source>
        <translation>&amp;Print checklist…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="53"/>
        <source>&amp;Ekspor workbook, PDF dan surat BKD…</source>
        <translation>&amp;Export workbook, PDF and BKD letter…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="60"/>
        <source>Ekspor &amp;Rekap Dinas…</source>
        <translation>Export &amp;district summary…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="66"/>
        <source>Ekspor paket per &amp;sekolah…</source>
        <translation>Export a package per &amp;school…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="72"/>
        <source>&amp;Baca status dari workbook…</source>
        <translation>&amp;Read status back from workbook…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="78"/>
        <source>P&amp;ulihkan dari cadangan…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="87"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="92"/>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="94"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="95"/>
        <source>&amp;Urungkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="97"/>
        <source>U&amp;langi</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="106"/>
        <source>&amp;Cari guru</source>
        <translation>&amp;Find teacher</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="111"/>
        <source>&amp;Lihat</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="112"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="116"/>
        <source>&amp;Daftar guru</source>
        <translation>&amp;Teachers</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="123"/>
        <source>&amp;Ringkasan</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="128"/>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="132"/>
        <source>Coba dengan data &amp;contoh</source>
        <translation>Try with &amp;sample data</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="143"/>
        <source>&amp;Tentang</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="155"/>
        <source>Hubungkan ke database &amp;Dinas…</source>
        <translation>Connect to the &amp;district database…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="161"/>
        <source>Kembali ke database &amp;lokal (file SQLite)</source>
        <translation>Back to the &amp;local database (SQLite file)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="80"/>
        <source>DATA CONTOH — bukan data sekolah Anda. Coba semua fitur dengan aman.</source>
        <translation>SAMPLE DATA — not your school&apos;s data. Try every feature safely.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="92"/>
        <source>Operator App — Padanan Dapodik dan SIASN</source>
        <translation>Operator App — Dapodik and SIASN matching</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="96"/>
        <source>DATA CONTOH</source>
        <translation>SAMPLE DATA</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="180"/>
        <source>{0} orang</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="53"/>
        <source>Pilih file ekspor Dapodik dan SIASN</source>
        <translation>Choose Dapodik and SIASN export files</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="55"/>
        <source>Ekspor Dapodik / SIASN (*.xlsx *.xls *.csv *.xml *.zip);;Semua file (*)</source>
        <translation>Dapodik / SIASN exports (*.xlsx *.xls *.csv *.xml *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="49"/>
        <source>Dinas</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="86"/>
        <source>Server Dinas: {0}</source>
        <translation>District server: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="88"/>
        <source>Database lokal: {0}</source>
        <translation>Local database: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="262"/>
        <source>Membuat data contoh</source>
        <translation>Building sample data</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="68"/>
        <source>Tentang</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="68"/>
        <source>Operator App {0}
Memadankan data PTK Dapodik dengan data ASN dari SIASN, sepenuhnya offline. Data tidak pernah dikirim ke mana pun.
Database: {1}</source>
        <translation>Operator App {0}
Matches Dapodik PTK data with ASN data from SIASN, fully offline. Data is never sent anywhere.
Database: {1}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="282"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="282"/>
        <source>Masih ada pekerjaan berjalan. Batalkan dan keluar?</source>
        <translation>Work is still running. Cancel it and quit?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/window_parts.py" line="127"/>
        <source>Menghentikan pekerjaan yang berjalan…</source>
        <translation>Stopping the work in progress…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="140"/>
        <source>Arti pesan &amp;e-Kinerja…</source>
        <translation>&amp;e-Kinerja message meaning…</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="94"/>
        <source>Temuan terbuka menurut tingkat</source>
        <translation>Open findings by severity</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="96"/>
        <source>Grafik jumlah temuan</source>
        <translation>Chart of finding counts</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="101"/>
        <source>Siapa yang harus bertindak</source>
        <translation>Who must act</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="109"/>
        <source>Data yang dipakai</source>
        <translation>Data in use</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="122"/>
        <source>Jenis temuan</source>
        <translation>Finding type</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="128"/>
        <source>Jumlah temuan per jenis</source>
        <translation>Findings per type</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="129"/>
        <source>Temuan terbuka menurut jenis</source>
        <translation>Open findings by type</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="133"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="141"/>
        <source>Jumlah temuan per sekolah</source>
        <translation>Findings per school</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="142"/>
        <source>Temuan terbuka per sekolah (invalid / peringatan / info)</source>
        <translation>Open findings per school (invalid / warning / info)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="171"/>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="177"/>
        <source>{0} PTK · {1} temuan terbuka · {2} baru sejak impor sebelumnya · {3} selesai sejak impor sebelumnya</source>
        <translation>{0} PTK · {1} open findings · {2} new since the previous import · {3} resolved since the previous import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="203"/>
        <source>data tanggal {0} · {1} baris</source>
        <translation>data of {0} · {1} rows</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="210"/>
        <source>Belum ada data. Impor file Dapodik dan SIASN.</source>
        <translation>No data yet. Import the Dapodik and SIASN files.</translation>
    </message>
</context>
<context>
    <name>PerSchoolFlow</name>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="34"/>
        <source>Ekspor paket per sekolah</source>
        <translation>Per-school export</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="35"/>
        <source>Ekspor paket per sekolah masih berjalan; tunggu sampai selesai.</source>
        <translation>The per-school export is still running; wait until it has finished.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="43"/>
        <source>Pilih folder untuk paket per sekolah (dibuat subfolder baru bertanggal berisi satu folder per kecamatan dan sekolah, ditambah Rekap Dinas)</source>
        <translation>Choose a folder for the per-school package (a new dated subfolder is made in it, with one folder per kecamatan and school, plus the Rekap Dinas)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="72"/>
        <source>Mengekspor paket per sekolah</source>
        <translation>Exporting the per-school package</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="78"/>
        <source>Ekspor paket per sekolah dibatalkan</source>
        <translation>Per-school export cancelled</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="82"/>
        <source>Ekspor paket per sekolah selesai</source>
        <translation>Per-school export finished</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="84"/>
        <source>Ekspor paket per sekolah: ada yang gagal</source>
        <translation>Per-school export: some schools failed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="88"/>
        <source>Buka folder paket sekarang?</source>
        <translation>Open the package folder now?</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <location filename="../../operator_app/ui/models.py" line="51"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="52"/>
        <source>NIP Dapodik</source>
        <translation>NIP Dapodik</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="53"/>
        <source>NIP SIASN</source>
        <translation>NIP SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="54"/>
        <source>Status Kepegawaian</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="55"/>
        <source>Unor (SIASN)</source>
        <translation>Unor (SIASN)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="56"/>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="57"/>
        <source>Jumlah temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="58"/>
        <source>Status tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="59"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="156"/>
        <source>hanya di SIASN</source>
        <translation>only in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="60"/>
        <source>Gagal sinkron</source>
        <translation>Sync failed</translation>
    </message>
</context>
<context>
    <name>PickerListModel</name>
    <message>
        <location filename="../../operator_app/ui/picker_model.py" line="51"/>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/picker_model.py" line="51"/>
        <location filename="../../operator_app/ui/picker_model.py" line="55"/>
        <source>{0} sekolah</source>
        <translation>{0} schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/picker_model.py" line="54"/>
        <source>Kecamatan {0}</source>
        <translation>Subdistrict {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/picker_model.py" line="54"/>
        <source>Tanpa kecamatan</source>
        <translation>No subdistrict</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/picker_model.py" line="65"/>
        <source>{0} PTK, {1} temuan</source>
        <translation>{0} PTK, {1} findings</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="81"/>
        <source>Pratinjau impor</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="91"/>
        <location filename="../../operator_app/ui/preview_dialog.py" line="154"/>
        <source>Semua file</source>
        <translation>All files</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="103"/>
        <source>Lewati file rusak dan impor yang lain</source>
        <translation>Skip damaged files and import the rest</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="108"/>
        <source>Impor file yang bisa dibaca</source>
        <translation>Import the readable files</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="115"/>
        <source>Periksa dulu {0} file di bawah ini; belum ada data yang disimpan.</source>
        <translation>Check the files below first ({0}); nothing has been saved yet.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="120"/>
        <source>{0} file rusak atau tidak dikenal (✖). Tanpa pilihan Anda tidak ada yang diimpor: pilih Batal, atau lewati file rusak dan impor yang lain.</source>
        <translation>Damaged or unrecognised files (✖): {0}. Nothing is imported unless you choose: pick Cancel, or skip the damaged files and import the rest.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="124"/>
        <source>{0} file bukan ekspor dan diabaikan.</source>
        <translation>Files that are not exports, ignored: {0}.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="129"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="129"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="129"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="129"/>
        <source>Baris</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="130"/>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="137"/>
        <source>siap diimpor</source>
        <translation>ready to import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="141"/>
        <source>diabaikan: bukan file ekspor</source>
        <translation>ignored: not an export</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="161"/>
        <source>Jenis file: {0}</source>
        <translation>File kind: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="162"/>
        <source>Sekolah: {0}</source>
        <translation>School: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="163"/>
        <source>Baris judul kolom: {0} · {1} baris data</source>
        <translation>Header row: {0} · {1} data rows</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="164"/>
        <source>Kolom dikenali: {0}</source>
        <translation>Recognised columns: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="165"/>
        <source>Kolom tidak dipakai: {0}</source>
        <translation>Unused columns: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/preview_dialog.py" line="185"/>
        <source>Baris pertama file</source>
        <translation>First rows of the file</translation>
    </message>
</context>
<context>
    <name>ProgressHost</name>
    <message>
        <location filename="../../operator_app/ui/progress_host.py" line="20"/>
        <source>Sedang bekerja</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/progress_host.py" line="31"/>
        <location filename="../../operator_app/ui/progress_host.py" line="32"/>
        <source>Sedang bekerja…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/progress_host.py" line="38"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecoveryFlow</name>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="41"/>
        <source>Database {0} rusak (mungkin komputer mati saat menulis, atau disk bermasalah).

File yang rusak tidak dihapus; sudah dipindahkan ke:
{1}</source>
        <translation>Database {0} is damaged (perhaps the computer lost power while writing, or the disk has a problem).

The damaged file was not deleted; it was moved to:
{1}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="46"/>
        <location filename="../../operator_app/ui/recovery.py" line="65"/>
        <source>Database rusak</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="50"/>
        <source>Tidak ada cadangan yang baik. Aplikasi mulai dengan database kosong; impor ulang file Dapodik dan SIASN.</source>
        <translation>There is no sound backup. The app starts with an empty database; import the Dapodik and SIASN files again.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="61"/>
        <source>Cadangan baik terakhir: {0}.

Pulihkan cadangan itu? Perubahan setelah waktu cadangan perlu diulang. Pilih Tidak untuk mulai dengan database kosong.</source>
        <translation>Latest sound backup: {0}.

Restore that backup? Changes made after the backup was taken must be redone. Choose No to start with an empty database.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="75"/>
        <source>Belum ada cadangan</source>
        <translation>No backups yet</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="77"/>
        <source>Belum ada cadangan untuk {0}. Cadangan dibuat otomatis sebelum setiap impor dan pembaruan skema, di folder {1}.</source>
        <translation>There are no backups of {0} yet. A backup is made automatically before every import and schema update, in the folder {1}.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="84"/>
        <location filename="../../operator_app/ui/recovery.py" line="93"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="85"/>
        <source>Cadangan mana yang dipulihkan? (terbaru di atas)</source>
        <translation>Which backup should be restored? (newest first)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="95"/>
        <source>Ganti database sekarang dengan cadangan {0}?

Database sekarang disimpan dulu sebagai cadangan, jadi langkah ini bisa dibatalkan dengan memulihkan cadangan itu.</source>
        <translation>Replace the current database with the backup of {0}?

The current database is saved as a backup first, so this can be undone by restoring that backup.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="114"/>
        <source>Database dipulihkan dari cadangan {0}.</source>
        <translation>Database restored from backup {0}.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="116"/>
        <source>Database sebelumnya disimpan di {0}.</source>
        <translation>The previous database was kept at {0}.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="117"/>
        <source>Database dipulihkan</source>
        <translation>Database restored</translation>
    </message>
</context>
<context>
    <name>RekapFlow</name>
    <message>
        <location filename="../../operator_app/ui/rekap_flow.py" line="29"/>
        <location filename="../../operator_app/ui/rekap_flow.py" line="41"/>
        <source>Simpan Rekap Dinas</source>
        <translation>Save district summary</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/rekap_flow.py" line="31"/>
        <source>Workbook Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/rekap_flow.py" line="42"/>
        <source>{0} sudah ada. Timpa file itu?</source>
        <translation>{0} already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/rekap_flow.py" line="60"/>
        <source>Menulis Rekap Dinas</source>
        <translation>Writing district summary</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/rekap_flow.py" line="65"/>
        <source>Rekap Dinas tersimpan: {0}
{1} sekolah, {2} kecamatan.</source>
        <translation>District summary saved: {0}
{1} schools, {2} subdistricts.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/rekap_flow.py" line="71"/>
        <source>Buka folder hasil ekspor sekarang?</source>
        <translation>Open the export folder now?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/rekap_flow.py" line="74"/>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
</context>
<context>
    <name>SchoolPicker</name>
    <message>
        <location filename="../../operator_app/ui/school_picker.py" line="184"/>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/school_picker.py" line="190"/>
        <source>Pilih sekolah: ketik sebagian nama, NPSN atau kecamatan</source>
        <translation>Choose a school: type part of its name, NPSN or subdistrict</translation>
    </message>
</context>
<context>
    <name>SchoolPopup</name>
    <message>
        <location filename="../../operator_app/ui/school_picker.py" line="55"/>
        <source>Ketik sebagian nama sekolah, NPSN atau kecamatan…</source>
        <translation>Type part of a school name, NPSN or subdistrict…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/school_picker.py" line="57"/>
        <source>Cari sekolah</source>
        <translation>Search schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/school_picker.py" line="77"/>
        <source>Daftar sekolah</source>
        <translation>School list</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/school_picker.py" line="107"/>
        <source>{0} dari {1} sekolah</source>
        <translation>{0} of {1} schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/school_picker.py" line="109"/>
        <source>{0} sekolah · ketik untuk mencari</source>
        <translation>{0} schools · type to search</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="49"/>
        <source>Folder impor bawaan</source>
        <translation>Default import folder</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="56"/>
        <source>Folder ekspor</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="63"/>
        <source>Ukuran kertas</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="65"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="66"/>
        <source>F4 (folio)</source>
        <translation>F4 (folio)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="73"/>
        <source>Samarkan NIK pada cetakan</source>
        <translation>Mask NIK on printouts</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="79"/>
        <source>Bahasa (berlaku setelah aplikasi dibuka ulang)</source>
        <translation>Language (applies after restarting the app)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="88"/>
        <source>Database saat dibuka (kosong = file lokal)</source>
        <translation>Database at start (empty = local file)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="96"/>
        <source>Nama operator (cetakan dan riwayat keputusan)</source>
        <translation>Operator name (printouts and decision history)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="212"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="252"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="259"/>
        <source>Pilih folder</source>
        <translation>Choose folder</translation>
    </message>
</context>
<context>
    <name>StaleEdit</name>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="33"/>
        <source>Status temuan «{0}»</source>
        <translation>The status of finding «{0}»</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="37"/>
        <source>Alias unor «{0}»</source>
        <translation>The unor alias «{0}»</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="39"/>
        <source>Keputusan padanan guru ini</source>
        <translation>This teacher&apos;s match decision</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="40"/>
        <source>Kondisi unor guru ini</source>
        <translation>This teacher&apos;s unor condition</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="47"/>
        <source>pemeriksaan otomatis</source>
        <translation>the automatic check</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="49"/>
        <source>operator lain</source>
        <translation>another operator</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="54"/>
        <source>{0} sudah diubah oleh {1} pada {2}, setelah data ini Anda buka.</source>
        <translation>{0} was changed by {1} at {2}, after you opened this data.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="58"/>
        <source>Nilai terbaru: {0}</source>
        <translation>Newer value: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="60"/>
        <source>Perubahan Anda: {0} — tidak disimpan dan tidak menimpa nilai terbaru.</source>
        <translation>Your change: {0} — not saved, and the newer value was not overwritten.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="65"/>
        <source>Sudah diubah orang lain</source>
        <translation>Changed by someone else</translation>
    </message>
</context>
<context>
    <name>StaleEditDialog</name>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="83"/>
        <source>Teks Anda (tetap tersimpan, bisa disalin):</source>
        <translation>Your text (kept, can be copied):</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="87"/>
        <source>Teks Anda</source>
        <translation>Your text</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="90"/>
        <source>&amp;Salin teks</source>
        <translation>&amp;Copy text</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="96"/>
        <source>Terapkan lagi di atas nilai terbaru</source>
        <translation>Apply again on top of the newer value</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/stale.py" line="99"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusFlow</name>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="33"/>
        <source>Pilih workbook perbaikan yang kolom Status-nya sudah diisi</source>
        <translation>Choose the correction workbook whose Status column you filled in</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="35"/>
        <source>Workbook perbaikan (*.xlsx);;Semua file (*)</source>
        <translation>Correction workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="74"/>
        <source>Sebagian baris sudah diubah orang lain</source>
        <translation>Some rows were changed by someone else</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="77"/>
        <source>{0} baris di {1} sudah diubah (di aplikasi, oleh pemeriksaan otomatis atau dari workbook lain) setelah workbook ini diekspor, dan isiannya di workbook berbeda dari nilai terbaru. Tidak ada yang diubah, supaya keputusan yang lebih baru tidak tertimpa:
{2}

Ekspor workbook baru (berisi nilai terbaru) lalu isi lagi baris di atas bila masih perlu.</source>
        <translation>{0} rows in {1} were changed (in the app, by the automatic check or from another workbook) after this workbook was exported, and the workbook holds a different value than the newer one. Nothing was changed, so the newer decisions are not overwritten:
{2}

Export a new workbook (it holds the newer values) and fill in the rows above again if they still need it.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="85"/>
        <source>{0} baris di {1} sudah diubah (di aplikasi, oleh pemeriksaan otomatis atau dari workbook lain) setelah workbook ini diekspor, dan isiannya di workbook berbeda dari nilai terbaru. Tidak ada yang diubah, supaya keputusan yang lebih baru tidak tertimpa:
{2}

Baca {3} baris lainnya saja? Baris di atas dilewati dan nilai terbarunya dipertahankan. (Pilih Tidak, lalu ekspor workbook baru bila isian baris di atas masih perlu.)</source>
        <translation>{0} rows in {1} were changed (in the app, by the automatic check or from another workbook) after this workbook was exported, and the workbook holds a different value than the newer one. Nothing was changed, so the newer decisions are not overwritten:
{2}

Read only the other {3} rows? The rows above are skipped and keep their newer value. (Choose No, then export a new workbook if the rows above still need your entries.)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="96"/>
        <source>{0} dari {1} baris di {2} tidak cocok lagi dengan temuan saat ini (data sudah diimpor ulang atau guru itu sudah tidak ada).

Baca hanya {3} baris yang masih cocok? Baris lainnya dilewati dan tidak mengubah apa pun.</source>
        <translation>{0} of {1} rows in {2} no longer match a current finding (the data was re-imported or that teacher has left).

Read only the {3} rows that still match? The other rows are skipped and change nothing.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="101"/>
        <source>Sebagian baris sudah usang</source>
        <translation>Some rows are out of date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="109"/>
        <source>Status dibaca</source>
        <translation>Status read</translation>
    </message>
</context>
<context>
    <name>SyncOverviewBox</name>
    <message>
        <location filename="../../operator_app/ui/sync_overview.py" line="26"/>
        <source>(pesan tidak dikenal)</source>
        <translation>(unknown message)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_overview.py" line="34"/>
        <source>Gagal sinkron e-Kinerja (Log Sinkronisasi PMM)</source>
        <translation>Failed e-Kinerja syncs (Log Sinkronisasi PMM)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_overview.py" line="36"/>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_overview.py" line="37"/>
        <source>Yang harus bertindak</source>
        <translation>Who must act</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_overview.py" line="38"/>
        <source>Gagal sinkron menurut pesan</source>
        <translation>Failed syncs by message</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_overview.py" line="39"/>
        <source>Gagal sinkron menurut yang bertindak</source>
        <translation>Failed syncs by who must act</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="29"/>
        <location filename="../../operator_app/ui/sync_detail.py" line="79"/>
        <source>Gagal sinkron e-Kinerja</source>
        <translation>e-Kinerja sync failed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="34"/>
        <source>Pesan tidak dikenal.</source>
        <translation>Unknown message.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="38"/>
        <source>disebabkan temuan</source>
        <translation>caused by finding</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="47"/>
        <source>bukan dari data sekolah; yang bertindak:</source>
        <translation>not from the school&apos;s data; who acts:</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="55"/>
        <source>Langkah berikut</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="82"/>
        <source>Arti pesan e-&amp;Kinerja…</source>
        <translation>e-&amp;Kinerja message meaning…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="84"/>
        <source>Cari arti pesan gagal Sinkron PMM: penyebab, siapa bertindak, langkahnya</source>
        <translation>Look up a failed Sinkron PMM message: cause, who acts, the steps</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/sync_detail.py" line="86"/>
        <source>Arti pesan e-Kinerja</source>
        <translation>e-Kinerja message meaning</translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../../operator_app/core/workflow.py" line="18"/>
        <source>Temuan yang diabaikan perlu catatan alasannya.</source>
        <translation>A finding that is set aside needs a note saying why.</translation>
    </message>
</context>
</TS>
