<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="57"/>
        <source>Belum ada temuan.</source>
        <translation>No findings yet.</translation>
    </message>
</context>
<context>
    <name>ChecklistPreview</name>
    <message>
        <location filename="../../operator_app/ui/printing.py" line="59"/>
        <source>Pratinjau cetak: daftar periksa</source>
        <translation>Print preview: checklist</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="39"/>
        <source>Belum ada database yang terbuka; coba lagi sebentar lagi.</source>
        <translation>No database is open yet; try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="36"/>
        <source>Menyimpan keputusan</source>
        <translation>Saving decision</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="71"/>
        <source>Tandai {0}: {1}</source>
        <translation>Mark {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="92"/>
        <source>Konfirmasi padanan</source>
        <translation>Confirm match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="94"/>
        <source>Tolak padanan</source>
        <translation>Reject match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="112"/>
        <source>Pilih kondisi unor {0}</source>
        <translation>Choose unor condition {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/commands.py" line="132"/>
        <source>Tambah alias nama sekolah: {0}</source>
        <translation>Add school name alias: {0}</translation>
    </message>
</context>
<context>
    <name>CountModel</name>
    <message>
        <location filename="../../operator_app/ui/models.py" line="330"/>
        <source>Jumlah</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="56"/>
        <source>Terjadi kesalahan program</source>
        <translation>A program error occurred</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="60"/>
        <source>Maaf, aplikasi mengalami kesalahan yang tidak terduga. Data Anda tetap aman di database. Salin laporan di bawah ini dan kirimkan ke pengembang.</source>
        <translation>Sorry, the application ran into an unexpected error. Your data is safe in the database. Copy the report below and send it to the developers.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="64"/>
        <source>Laporan juga disimpan di: {0}</source>
        <translation>The report was also saved to: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="70"/>
        <source>Laporan kesalahan</source>
        <translation>Error report</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="73"/>
        <source>Salin laporan</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>Decider</name>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="31"/>
        <source>Alasan temuan ini diabaikan (wajib):</source>
        <translation>Why is this finding ignored (required):</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="33"/>
        <source>Catatan (boleh kosong), mis. tanggal pengajuan atau nomor tiket:</source>
        <translation>Note (optional), e.g. submission date or ticket number:</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="36"/>
        <source>Tandai {0}</source>
        <translation>Mark {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="43"/>
        <source>Catatan wajib</source>
        <translation>Note required</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="58"/>
        <source>Catat bahwa unor SIASN &quot;{0}&quot; adalah sekolah ini? Semua guru dengan unor ini akan dianggap berada di sekolah yang sama.</source>
        <translation>Record that the SIASN unor &quot;{0}&quot; is this school? Every teacher with this unor will be treated as being at this school.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/actions.py" line="61"/>
        <source>Tambah alias nama sekolah</source>
        <translation>Add school name alias</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="52"/>
        <source>Perbandingan Dapodik dan SIASN</source>
        <translation>Dapodik and SIASN compared</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="59"/>
        <source>Daftar temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="65"/>
        <source>Penjelasan temuan</source>
        <translation>Finding explanation</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="90"/>
        <source>Tandai &amp;diajukan</source>
        <translation>Mark &amp;submitted</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="91"/>
        <source>Tandai &amp;selesai</source>
        <translation>Mark &amp;done</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="92"/>
        <source>Abaikan…</source>
        <translation>Ignore…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="93"/>
        <source>Kembalikan ke baru</source>
        <translation>Back to new</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="98"/>
        <source>Perbaikan sudah diajukan (mis. di Verval PTK)</source>
        <translation>The correction has been submitted (e.g. in Verval PTK)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="100"/>
        <source>Sudah diperbaiki</source>
        <translation>Already fixed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="104"/>
        <source>Tidak perlu diperbaiki; wajib diberi catatan</source>
        <translation>Needs no fix; a note is required</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="106"/>
        <source>Batalkan tindak lanjut</source>
        <translation>Undo the follow-up state</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="116"/>
        <source>Padanan ragu-ragu: apakah ini orang yang sama?</source>
        <translation>Doubtful match: is this the same person?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="122"/>
        <source>&amp;Konfirmasi padanan</source>
        <translation>&amp;Confirm match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="123"/>
        <source>&amp;Tolak padanan</source>
        <translation>&amp;Reject match</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="134"/>
        <source>Unor berbeda: data mana yang sudah tidak berlaku?</source>
        <translation>Different unor: which data is out of date?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="136"/>
        <source>Kondisi &amp;B: SIASN lama</source>
        <translation>Condition &amp;B: SIASN out of date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="137"/>
        <source>Unor di SIASN sudah tidak berlaku; BKD memperbaikinya</source>
        <translation>The unor in SIASN is out of date; the BKD corrects it</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="138"/>
        <source>Kondisi &amp;C: Dapodik lama</source>
        <translation>Condition &amp;C: Dapodik out of date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="140"/>
        <source>Data Dapodik sudah tidak berlaku; sekolah memproses mutasi</source>
        <translation>Dapodik is out of date; the school processes the transfer</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="147"/>
        <source>Tambah &amp;alias nama sekolah</source>
        <translation>Add school name &amp;alias</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="149"/>
        <source>Pakai bila unor di SIASN sebenarnya sekolah yang sama, hanya ditulis berbeda</source>
        <translation>Use when the SIASN unor is really the same school, only written differently</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="187"/>
        <source>Pilih seorang guru di tabel untuk melihat rinciannya.</source>
        <translation>Select a teacher in the table to see the details.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="194"/>
        <source>hanya di SIASN</source>
        <translation>only in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="197"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="198"/>
        <source>NIP lama</source>
        <translation>old NIP</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="199"/>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="200"/>
        <source>nama dan tanggal lahir</source>
        <translation>name and birth date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="201"/>
        <source>keputusan operator</source>
        <translation>operator decision</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="203"/>
        <source>dipadankan lewat {0}</source>
        <translation>matched by {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="205"/>
        <source>tidak ada padanan di SIASN</source>
        <translation>no match in SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="218"/>
        <source>{0} · NIP {1} · lahir {2} · {3}</source>
        <translation>{0} · NIP {1} · born {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="223"/>
        <source>sudah dikonfirmasi</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="223"/>
        <source>sudah ditolak</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="224"/>
        <source>Calon di SIASN:</source>
        <translation>Candidates in SIASN:</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="224"/>
        <source>Tidak ada calon tersimpan.</source>
        <translation>No stored candidates.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="258"/>
        <source>Tidak ada temuan untuk guru ini.</source>
        <translation>No findings for this teacher.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="304"/>
        <source>Yang harus bertindak</source>
        <translation>Who must act</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="305"/>
        <source>Di mana</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="306"/>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="308"/>
        <source>Pesan di e-Kinerja</source>
        <translation>e-Kinerja message</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="312"/>
        <source>Status</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/detail.py" line="321"/>
        <source>Langkah perbaikan</source>
        <translation>How to fix it</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../operator_app/ui/errors.py" line="101"/>
        <source>Tidak bisa dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="79"/>
        <source>Mengekspor</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="85"/>
        <source>kertas F4 (folio 215 x 330 mm)</source>
        <translation>F4 paper (folio 215 x 330 mm)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="87"/>
        <source>kertas A4</source>
        <translation>A4 paper</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="90"/>
        <source>NIK disamarkan</source>
        <translation>NIK masked</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="92"/>
        <source>NIK lengkap</source>
        <translation>full NIK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="94"/>
        <source>Simpan hasil ekspor ke folder - workbook, daftar periksa dan surat: {paper}, {nik} (ubah di Pengaturan)</source>
        <translation>Save the export to folder - workbook, checklist and letter: {paper}, {nik} (change in Settings)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="105"/>
        <source>Buka folder hasil ekspor sekarang?</source>
        <translation>Open the export folder now?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/export_flow.py" line="108"/>
        <source>Ekspor selesai</source>
        <translation>Export finished</translation>
    </message>
</context>
<context>
    <name>FieldPairModel</name>
    <message>
        <location filename="../../operator_app/ui/models.py" line="276"/>
        <source>Data</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="277"/>
        <source>Dapodik</source>
        <translation>Dapodik</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="278"/>
        <source>SIASN</source>
        <translation>SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="298"/>
        <source>Berbeda: {0} → {1}</source>
        <translation>Differs: {0} → {1}</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="35"/>
        <source>Pilih sekolah</source>
        <translation>Choose school</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/filter_bar.py" line="36"/>
        <location filename="../../operator_app/ui/filter_bar.py" line="103"/>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
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
        <location filename="../../operator_app/ui/models.py" line="213"/>
        <source>Temuan</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="214"/>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="215"/>
        <source>Siapa</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="216"/>
        <source>Di mana</source>
        <translation>Where</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="217"/>
        <source>Status</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="77"/>
        <source>Memeriksa {0}</source>
        <translation>Checking {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="89"/>
        <source>Membaca file</source>
        <translation>Reading files</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="101"/>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="102"/>
        <source>Tidak ada file yang bisa diimpor. Pilih ekspor PTK Dapodik atau ekspor SIASN.</source>
        <translation>No file can be imported. Choose a Dapodik PTK export or a SIASN export.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="131"/>
        <source>Mengimpor dan memeriksa</source>
        <translation>Importing and checking</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="139"/>
        <source>Impor selesai</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="148"/>
        <source>Impor dibatalkan</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="149"/>
        <source>Impor dibatalkan. Tidak ada data yang diubah.</source>
        <translation>Import cancelled. No data was changed.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="168"/>
        <source>{0}: sudah pernah diimpor, dilewati</source>
        <translation>{0}: already imported, skipped</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="173"/>
        <source>{0}: {1} baris</source>
        <translation>{0}: {1} rows</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="177"/>
        <source>lebih lama dari data yang ada, tidak dipakai</source>
        <translation>older than the data already there, not used</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="184"/>
        <source>Hasil pemeriksaan: {0} temuan.</source>
        <translation>Check result: {0} findings.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="190"/>
        <source>Pemeriksaan {0} dilewati: {1}</source>
        <translation>Check {0} skipped: {1}</translation>
    </message>
</context>
<context>
    <name>Interaction</name>
    <message>
        <location filename="../../operator_app/ui/interaction.py" line="20"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/interaction.py" line="21"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/interaction.py" line="22"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/interaction.py" line="23"/>
        <location filename="../../operator_app/ui/interaction.py" line="52"/>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/interaction.py" line="24"/>
        <location filename="../../operator_app/ui/interaction.py" line="55"/>
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
        <location filename="../../operator_app/ui/main_window.py" line="112"/>
        <location filename="../../operator_app/ui/main_window.py" line="141"/>
        <source>Daftar guru</source>
        <translation>Teachers</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="142"/>
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
        <location filename="../../operator_app/ui/menus.py" line="35"/>
        <source>Impor &amp;terakhir</source>
        <translation>Import &amp;recent</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="40"/>
        <source>&amp;Cetak daftar periksa…</source>
        <translation>&amp;Print checklist…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="47"/>
        <source>&amp;Ekspor workbook, PDF dan surat BKD…</source>
        <translation>&amp;Export workbook, PDF and BKD letter…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="53"/>
        <source>Ekspor paket per &amp;sekolah…</source>
        <translation>Export a package per &amp;school…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="54"/>
        <source>&amp;Baca status dari workbook…</source>
        <translation>&amp;Read status back from workbook…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="60"/>
        <source>P&amp;ulihkan dari cadangan…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="67"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="72"/>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="74"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="75"/>
        <source>&amp;Urungkan</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="77"/>
        <source>U&amp;langi</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="86"/>
        <source>&amp;Cari guru</source>
        <translation>&amp;Find teacher</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="91"/>
        <source>&amp;Lihat</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="92"/>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="96"/>
        <source>&amp;Daftar guru</source>
        <translation>&amp;Teachers</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="103"/>
        <source>&amp;Ringkasan</source>
        <translation>&amp;Overview</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="108"/>
        <source>B&amp;antuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="112"/>
        <source>Coba dengan data &amp;contoh</source>
        <translation>Try with &amp;sample data</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/menus.py" line="115"/>
        <source>&amp;Tentang</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="197"/>
        <source>DATA CONTOH — bukan data sekolah Anda. Coba semua fitur dengan aman.</source>
        <translation>SAMPLE DATA — not your school&apos;s data. Try every feature safely.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="199"/>
        <source>Operator App — Padanan Dapodik dan SIASN</source>
        <translation>Operator App — Dapodik and SIASN matching</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="200"/>
        <source>DATA CONTOH</source>
        <translation>SAMPLE DATA</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="222"/>
        <source>{0} orang</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="294"/>
        <source>Pilih file ekspor Dapodik dan SIASN</source>
        <translation>Choose Dapodik and SIASN export files</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="296"/>
        <source>Ekspor Dapodik / SIASN (*.xlsx *.xls *.csv *.xml);;Semua file (*)</source>
        <translation>Dapodik / SIASN exports (*.xlsx *.xls *.csv *.xml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="353"/>
        <source>Membuat data contoh</source>
        <translation>Building sample data</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="360"/>
        <source>Tentang</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="362"/>
        <source>Operator App {0}
Memadankan data PTK Dapodik dengan data ASN dari SIASN, sepenuhnya offline. Data tidak pernah dikirim ke mana pun.
Database: {1}</source>
        <translation>Operator App {0}
Matches Dapodik PTK data with ASN data from SIASN, fully offline. Data is never sent anywhere.
Database: {1}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="396"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="396"/>
        <source>Masih ada pekerjaan berjalan. Batalkan dan keluar?</source>
        <translation>Work is still running. Cancel it and quit?</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/main_window.py" line="289"/>
        <source>Menghentikan pekerjaan yang berjalan…</source>
        <translation>Stopping the work in progress…</translation>
    </message>
    <message>
        <source>Arti pesan &amp;e-Kinerja…</source>
        <translation>&amp;e-Kinerja message meaning…</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="93"/>
        <source>Temuan terbuka menurut tingkat</source>
        <translation>Open findings by severity</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="95"/>
        <source>Grafik jumlah temuan</source>
        <translation>Chart of finding counts</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="100"/>
        <source>Siapa yang harus bertindak</source>
        <translation>Who must act</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="108"/>
        <source>Data yang dipakai</source>
        <translation>Data in use</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="121"/>
        <source>Jenis temuan</source>
        <translation>Finding type</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="127"/>
        <source>Jumlah temuan per jenis</source>
        <translation>Findings per type</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="128"/>
        <source>Temuan terbuka menurut jenis</source>
        <translation>Open findings by type</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="132"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="140"/>
        <source>Jumlah temuan per sekolah</source>
        <translation>Findings per school</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="141"/>
        <source>Temuan terbuka per sekolah (invalid / peringatan / info)</source>
        <translation>Open findings per school (invalid / warning / info)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="166"/>
        <source>Semua sekolah</source>
        <translation>All schools</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="172"/>
        <source>{0} PTK · {1} temuan terbuka · {2} baru sejak impor sebelumnya · {3} selesai sejak impor sebelumnya</source>
        <translation>{0} PTK · {1} open findings · {2} new since the previous import · {3} resolved since the previous import</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="198"/>
        <source>data tanggal {0} · {1} baris</source>
        <translation>data of {0} · {1} rows</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/overview.py" line="205"/>
        <source>Belum ada data. Impor file Dapodik dan SIASN.</source>
        <translation>No data yet. Import the Dapodik and SIASN files.</translation>
    </message>
</context>
<context>
    <name>PerSchoolFlow</name>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="48"/>
        <source>Pilih folder untuk paket per sekolah (dibuat subfolder baru bertanggal berisi satu folder per kecamatan dan sekolah, ditambah Rekap Dinas)</source>
        <translation>Choose a folder for the per-school package (a new dated subfolder is made in it, with one folder per kecamatan and school, plus the Rekap Dinas)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="44"/>
        <source>Ekspor paket per sekolah</source>
        <translation>Per-school export</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="46"/>
        <source>Ekspor paket per sekolah masih berjalan; tunggu sampai selesai.</source>
        <translation>The per-school export is still running; wait until it has finished.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="75"/>
        <source>Mengekspor paket per sekolah</source>
        <translation>Exporting the per-school package</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="81"/>
        <source>Ekspor paket per sekolah dibatalkan</source>
        <translation>Per-school export cancelled</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="83"/>
        <source>Ekspor paket per sekolah selesai</source>
        <translation>Per-school export finished</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="85"/>
        <source>Ekspor paket per sekolah: ada yang gagal</source>
        <translation>Per-school export: some schools failed</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/per_school_flow.py" line="87"/>
        <source>Buka folder paket sekarang?</source>
        <translation>Open the package folder now?</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <location filename="../../operator_app/ui/models.py" line="49"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="50"/>
        <source>NIP Dapodik</source>
        <translation>NIP Dapodik</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="51"/>
        <source>NIP SIASN</source>
        <translation>NIP SIASN</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="52"/>
        <source>Status Kepegawaian</source>
        <translation>Employment status</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="53"/>
        <source>Unor (SIASN)</source>
        <translation>Unor (SIASN)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="54"/>
        <source>Tingkat</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="55"/>
        <source>Jumlah temuan</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="56"/>
        <source>Status tindak lanjut</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="57"/>
        <source>Sekolah</source>
        <translation>School</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/models.py" line="152"/>
        <source>hanya di SIASN</source>
        <translation>only in SIASN</translation>
    </message>
    <message>
        <source>Gagal sinkron</source>
        <translation>Sync failed</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="231"/>
        <source>Pratinjau impor</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="236"/>
        <source>Periksa dulu file di bawah ini. File yang bermasalah tidak akan diimpor; belum ada data yang disimpan.</source>
        <translation>Check the files below first. Files with problems will not be imported; nothing has been saved yet.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="252"/>
        <source>Impor file yang bisa dibaca</source>
        <translation>Import the readable files</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="262"/>
        <source>Jenis file: {0}</source>
        <translation>File kind: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="263"/>
        <source>Sekolah: {0}</source>
        <translation>School: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="264"/>
        <source>Baris judul kolom: {0} · {1} baris data</source>
        <translation>Header row: {0} · {1} data rows</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="265"/>
        <source>Kolom dikenali: {0}</source>
        <translation>Recognised columns: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="266"/>
        <source>Kolom tidak dipakai: {0}</source>
        <translation>Unused columns: {0}</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/import_flow.py" line="286"/>
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
        <location filename="../../operator_app/ui/recovery.py" line="77"/>
        <source>Belum ada cadangan</source>
        <translation>No backups yet</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="79"/>
        <source>Belum ada cadangan untuk {0}. Cadangan dibuat otomatis sebelum setiap impor dan pembaruan skema, di folder {1}.</source>
        <translation>There are no backups of {0} yet. A backup is made automatically before every import and schema update, in the folder {1}.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="86"/>
        <location filename="../../operator_app/ui/recovery.py" line="95"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="87"/>
        <source>Cadangan mana yang dipulihkan? (terbaru di atas)</source>
        <translation>Which backup should be restored? (newest first)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="97"/>
        <source>Ganti database sekarang dengan cadangan {0}?

Database sekarang disimpan dulu sebagai cadangan, jadi langkah ini bisa dibatalkan dengan memulihkan cadangan itu.</source>
        <translation>Replace the current database with the backup of {0}?

The current database is saved as a backup first, so this can be undone by restoring that backup.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="118"/>
        <source>Database dipulihkan dari cadangan {0}.</source>
        <translation>Database restored from backup {0}.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="120"/>
        <source>Database sebelumnya disimpan di {0}.</source>
        <translation>The previous database was kept at {0}.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/recovery.py" line="121"/>
        <source>Database dipulihkan</source>
        <translation>Database restored</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="45"/>
        <source>Folder impor bawaan</source>
        <translation>Default import folder</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="52"/>
        <source>Folder ekspor</source>
        <translation>Export folder</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="59"/>
        <source>Ukuran kertas</source>
        <translation>Paper size</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="61"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="62"/>
        <source>F4 (folio)</source>
        <translation>F4 (folio)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="69"/>
        <source>Samarkan NIK pada cetakan</source>
        <translation>Mask NIK on printouts</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="75"/>
        <source>Bahasa (berlaku setelah aplikasi dibuka ulang)</source>
        <translation>Language (applies after restarting the app)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="84"/>
        <source>Nama operator (untuk cetakan)</source>
        <translation>Operator name (for printouts)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="146"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="186"/>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/settings.py" line="193"/>
        <source>Pilih folder</source>
        <translation>Choose folder</translation>
    </message>
</context>
<context>
    <name>StatusFlow</name>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="42"/>
        <source>Pilih workbook perbaikan yang kolom Status-nya sudah diisi</source>
        <translation>Choose the correction workbook whose Status column you filled in</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="44"/>
        <source>Workbook perbaikan (*.xlsx);;Semua file (*)</source>
        <translation>Correction workbook (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="73"/>
        <source>{0} dari {1} baris di {2} tidak cocok lagi dengan temuan saat ini (data sudah diimpor ulang atau guru itu sudah tidak ada).

Baca hanya {3} baris yang masih cocok? Baris lainnya dilewati dan tidak mengubah apa pun.</source>
        <translation>{0} of {1} rows in {2} no longer match a current finding (the data was re-imported or that teacher has left).

Read only the {3} rows that still match? The other rows are skipped and change nothing.</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="77"/>
        <source>Sebagian baris sudah usang</source>
        <translation>Some rows are out of date</translation>
    </message>
    <message>
        <location filename="../../operator_app/ui/status_flow.py" line="84"/>
        <source>Status dibaca</source>
        <translation>Status read</translation>
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
<context>
    <name>ExplainDialog</name>
    <message>
        <source>kecocokan {0}%</source>
        <translation>match {0}%</translation>
    </message>
    <message>
        <source>PERHATIAN</source>
        <translation>WARNING</translation>
    </message>
    <message>
        <source>Temuan aplikasi ini yang menyebabkannya</source>
        <translation>Findings of this app that cause it</translation>
    </message>
    <message>
        <source>Bukan masalah data Dapodik/SIASN</source>
        <translation>Not a Dapodik/SIASN data problem</translation>
    </message>
    <message>
        <source>jangan ubah data sekolah untuk pesan ini.</source>
        <translation>do not change the school's data for this message.</translation>
    </message>
    <message>
        <source>Plt. Kepala Sekolah di Dapodik</source>
        <translation>acting head (Plt.) in Dapodik</translation>
    </message>
    <message>
        <source>Pesan “{0}” tidak dikenali sebagai pesan Sinkron PMM e-Kinerja.</source>
        <translation>“{0}” is not recognised as an e-Kinerja Sinkron PMM message.</translation>
    </message>
    <message>
        <source>Arti pesan e-Kinerja</source>
        <translation>e-Kinerja message meaning</translation>
    </message>
    <message>
        <source>&amp;Tempel atau ketik pesan gagal Sinkron PMM (boleh sebagian):</source>
        <translation>&amp;Paste or type the failed Sinkron PMM message (part of it is enough):</translation>
    </message>
    <message>
        <source>mis. Data PNS ID belum padan antara SIASN …</source>
        <translation>e.g. Data PNS ID belum padan antara SIASN …</translation>
    </message>
    <message>
        <source>Pesan e-Kinerja</source>
        <translation>e-Kinerja message</translation>
    </message>
    <message>
        <source>Pesan yang cocok</source>
        <translation>Matching messages</translation>
    </message>
    <message>
        <source>Arti pesan</source>
        <translation>Meaning of the message</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Bunyi lain</source>
        <translation>Other wordings</translation>
    </message>
    <message>
        <source>Penyebab</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>Langkah, berurutan</source>
        <translation>Steps, in order</translation>
    </message>
    <message>
        <source>Waktu tunggu</source>
        <translation>Waiting time</translation>
    </message>
    <message>
        <source>Petunjuk dari data</source>
        <translation>Hint from the data</translation>
    </message>
    <message>
        <source>Langkah berikut</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Kelompok pesan yang dikenal:</source>
        <translation>Known message groups:</translation>
    </message>
</context>
<context>
    <name>SyncOverviewBox</name>
    <message>
        <source>(pesan tidak dikenal)</source>
        <translation>(unknown message)</translation>
    </message>
    <message>
        <source>Gagal sinkron e-Kinerja (Log Sinkronisasi PMM)</source>
        <translation>Failed e-Kinerja syncs (Log Sinkronisasi PMM)</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Yang harus bertindak</source>
        <translation>Who must act</translation>
    </message>
    <message>
        <source>Gagal sinkron menurut pesan</source>
        <translation>Failed syncs by message</translation>
    </message>
    <message>
        <source>Gagal sinkron menurut yang bertindak</source>
        <translation>Failed syncs by who must act</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Gagal sinkron e-Kinerja</source>
        <translation>e-Kinerja sync failed</translation>
    </message>
    <message>
        <source>Pesan tidak dikenal.</source>
        <translation>Unknown message.</translation>
    </message>
    <message>
        <source>disebabkan temuan</source>
        <translation>caused by finding</translation>
    </message>
    <message>
        <source>bukan dari data sekolah; yang bertindak:</source>
        <translation>not from the school's data; who acts:</translation>
    </message>
    <message>
        <source>Langkah berikut</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Arti pesan e-&amp;Kinerja…</source>
        <translation>e-&amp;Kinerja message meaning…</translation>
    </message>
    <message>
        <source>Cari arti pesan gagal Sinkron PMM: penyebab, siapa bertindak, langkahnya</source>
        <translation>Look up a failed Sinkron PMM message: cause, who acts, the steps</translation>
    </message>
    <message>
        <source>Arti pesan e-Kinerja</source>
        <translation>e-Kinerja message meaning</translation>
    </message>
</context>
</TS>
