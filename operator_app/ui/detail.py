"""One teacher in detail: Dapodik vs SIASN field by field, the findings, and the decisions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from operator_app.core.model import Finding
from operator_app.core.views import PersonDetail
from operator_app.ui.history import HistoryModel, history_view
from operator_app.ui.labels import actor_label, code_label, severity_label, workflow_label
from operator_app.ui.models import FieldPairModel, FindingListModel


class DetailPanel(QWidget):
    """Shows a PersonDetail; buttons emit requests, the window turns them into undoable commands."""

    # each request carries the version of the decision as shown (issue 14; None: not loaded)
    status_requested = Signal(object, str, object)  # finding key, new workflow state, version
    match_requested = Signal(str, str, object, object)  # person, siasn_key, confirm|reject, v
    unor_condition_requested = Signal(str, object, object)  # person_key, "B" | "C", version
    alias_requested = Signal(str, int, object, str)  # SIASN unor name, school id, v, person_key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: PersonDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)

        split = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(split, 1)
        self.fields = FieldPairModel(self)
        self.fields_view = self._table(self.fields, self.tr("Perbandingan Dapodik dan SIASN"))
        split.addWidget(self.fields_view)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.findings = FindingListModel(self)
        self.findings_view = self._table(self.findings, self.tr("Daftar temuan"))
        self.findings_view.selectionModel().selectionChanged.connect(self._finding_selected)
        self.findings_view.setMaximumHeight(116)
        lower_layout.addWidget(self.findings_view, 1)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(self.tr("Penjelasan temuan"))
        self.history = HistoryModel(self)
        self.history_view = history_view(self.history)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        self.pages.addTab(self.text, self.tr("Penjelasan"))
        self.pages.addTab(self.history_view, self.tr("Riwayat keputusan"))
        lower_layout.addWidget(self.pages, 2)
        from operator_app.ui.sync_detail import SyncPanel  # h15: e-Kinerja log, Arti pesan

        self.sync = SyncPanel()
        lower_layout.addWidget(self.sync)
        lower_layout.addLayout(self._status_buttons())
        lower_layout.addWidget(self._match_box())
        lower_layout.addWidget(self._unor_box())
        split.addWidget(lower)
        split.setSizes([560, 720])
        self.show_detail(None)

    def _table(self, model: object, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(22)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        view.setAccessibleName(name)
        return view

    def _status_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.btn_diajukan = QPushButton(self.tr("Tandai &diajukan"))
        self.btn_selesai = QPushButton(self.tr("Tandai &selesai"))
        self.btn_diabaikan = QPushButton(self.tr("Abaikan…"))
        self.btn_baru = QPushButton(self.tr("Kembalikan ke baru"))
        for button, state, tip in (
            (
                self.btn_diajukan,
                "diajukan",
                self.tr("Perbaikan sudah diajukan (mis. di Verval PTK)"),
            ),
            (self.btn_selesai, "selesai", self.tr("Sudah diperbaiki")),
            (
                self.btn_diabaikan,
                "diabaikan",
                self.tr("Tidak perlu diperbaiki; wajib diberi catatan"),
            ),
            (self.btn_baru, "baru", self.tr("Batalkan tindak lanjut")),
        ):
            button.setToolTip(tip)
            button.setAccessibleName(button.text().replace("&", ""))
            button.clicked.connect(lambda _=False, s=state: self._request_status(s))
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _match_box(self) -> QGroupBox:
        self.match_box = QGroupBox(self.tr("Padanan ragu-ragu: apakah ini orang yang sama?"))
        layout = QVBoxLayout(self.match_box)
        self.match_text = QLabel()
        self.match_text.setWordWrap(True)
        layout.addWidget(self.match_text)
        row = QHBoxLayout()
        self.btn_confirm = QPushButton(self.tr("&Konfirmasi padanan"))
        self.btn_reject = QPushButton(self.tr("&Tolak padanan"))
        self.btn_confirm.clicked.connect(lambda: self._request_match("confirm"))
        self.btn_reject.clicked.connect(lambda: self._request_match("reject"))
        for b in (self.btn_confirm, self.btn_reject):
            b.setAccessibleName(b.text().replace("&", ""))
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        return self.match_box

    def _unor_box(self) -> QGroupBox:
        self.unor_box = QGroupBox(self.tr("Unor berbeda: data mana yang sudah tidak berlaku?"))
        layout = QHBoxLayout(self.unor_box)
        self.radio_b = QRadioButton(self.tr("Kondisi &B: SIASN lama"))
        self.radio_b.setToolTip(self.tr("Unor di SIASN sudah tidak berlaku; BKD memperbaikinya"))
        self.radio_c = QRadioButton(self.tr("Kondisi &C: Dapodik lama"))
        self.radio_c.setToolTip(
            self.tr("Data Dapodik sudah tidak berlaku; sekolah memproses mutasi")
        )
        self.unor_group = QButtonGroup(self)
        self.unor_group.addButton(self.radio_b)
        self.unor_group.addButton(self.radio_c)
        self.radio_b.clicked.connect(lambda: self._request_unor("B"))
        self.radio_c.clicked.connect(lambda: self._request_unor("C"))
        self.btn_alias = QPushButton(self.tr("Tambah &alias nama sekolah"))
        self.btn_alias.setToolTip(
            self.tr("Pakai bila unor di SIASN sebenarnya sekolah yang sama, hanya ditulis berbeda")
        )
        self.btn_alias.clicked.connect(self._request_alias)
        for w in (self.radio_b, self.radio_c, self.btn_alias):
            w.setAccessibleName(w.text().replace("&", ""))
            layout.addWidget(w)
        layout.addStretch(1)
        return self.unor_box

    # -- showing ----------------------------------------------------------------------------------
    def show_detail(self, detail: PersonDetail | None) -> None:
        keep = self.current_finding()
        same_person = (
            detail is not None
            and self.detail is not None
            and detail.row.person_key == self.detail.row.person_key
        )
        self.detail = detail
        self.fields.set_pairs(detail.fields if detail else ())
        # a school's own row (KEPSEK_TIDAK_ADA) has nothing to compare: give its findings the room
        self.fields_view.setVisible(detail is None or bool(detail.fields))
        self.findings.set_findings(detail.findings if detail else ())
        self.sync.show_failures(detail.sync_failures if detail else ())  # h15
        self._show_history(detail)
        self.title.setText(self._title_html(detail))
        self._show_match(detail)
        self._show_unor(detail)
        row = 0
        if same_person and keep is not None:
            keys = [self.findings.finding_at(i).key for i in range(self.findings.rowCount())]
            row = keys.index(keep.key) if keep.key in keys else 0
        if self.findings.rowCount():
            self.findings_view.selectRow(row)
        else:
            self._show_finding(None)

    def _title_html(self, d: PersonDetail | None) -> str:
        if d is None:
            return (
                "<i>"
                + escape(self.tr("Pilih seorang guru di tabel untuk melihat rinciannya."))
                + "</i>"
            )
        r = d.row
        parts = [f"<span style='font-size:13pt; font-weight:bold'>{escape(r.nama)}</span>"]
        sub = escape(r.school_name)
        if r.only_in_siasn:
            sub += " &nbsp;<b style='color:#8a5a00'>" + escape(self.tr("hanya di SIASN")) + "</b>"
        if d.match is not None and d.match.by:
            how = {
                "nip": self.tr("NIP"),
                "nip_lama": self.tr("NIP lama"),
                "nik": self.tr("NIK"),
                "nama_tgl_lahir": self.tr("nama dan tanggal lahir"),
                "manual": self.tr("keputusan operator"),
            }.get(d.match.by, d.match.by)
            sub += " · " + escape(self.tr("dipadankan lewat {0}").format(how))
        elif d.match is not None and not r.only_in_siasn:
            sub += " · " + escape(self.tr("tidak ada padanan di SIASN"))
        parts.append(sub)
        return "<br>".join(parts)

    def _show_history(self, d: PersonDetail | None) -> None:
        self.history.set_events(d.history if d else ())
        n, refused = self.history.rowCount(), self.history.refused_count()
        label = self.tr("Riwayat keputusan")
        if n:
            label += f" ({n})"
        if refused:
            label += " · " + self.tr("{0} ditolak").format(refused)
        self.pages.setTabText(1, label)

    def _show_match(self, d: PersonDetail | None) -> None:
        m = d.match if d else None
        doubtful = bool(
            d and m and (m.doubtful or any(f.code == "PADANAN_RAGU" for f in d.findings))
        )
        self.match_box.setVisible(doubtful)
        if not doubtful or m is None:
            return
        lines = [
            self.tr("{0} · NIP {1} · lahir {2} · {3}").format(
                c.nama, c.nip, c.tanggal_lahir, c.unor
            )
            for c in m.candidates
        ]
        decided = {"confirm": self.tr("sudah dikonfirmasi"), "reject": self.tr("sudah ditolak")}
        head = self.tr("Calon di SIASN:") if lines else self.tr("Tidak ada calon tersimpan.")
        if m.decision:
            head = decided.get(m.decision, m.decision) + " · " + head
        self.match_text.setText(head + "\n" + "\n".join(lines))
        self.btn_confirm.setEnabled(bool(m.candidates))
        self.btn_reject.setEnabled(bool(m.candidates))

    def _show_unor(self, d: PersonDetail | None) -> None:
        beda = bool(d and any(f.code in ("UNOR_BEDA", "UNOR_NOMENKLATUR") for f in d.findings))
        self.unor_box.setVisible(beda)
        if not beda or d is None:
            return
        self.radio_b.setVisible(any(f.code == "UNOR_BEDA" for f in d.findings))
        self.radio_c.setVisible(self.radio_b.isVisible())
        self.unor_group.setExclusive(False)
        self.radio_b.setChecked(d.unor_condition == "B")
        self.radio_c.setChecked(d.unor_condition == "C")
        self.unor_group.setExclusive(True)
        self.btn_alias.setEnabled(bool(d.row.unor and d.row.school_id is not None))

    def current_finding(self) -> Finding | None:
        rows = self.findings_view.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return None
        return self.findings.finding_at(rows[0].row())

    def _finding_selected(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self._show_finding(self.current_finding())

    def _show_finding(self, f: Finding | None) -> None:
        for b in (self.btn_diajukan, self.btn_selesai, self.btn_diabaikan, self.btn_baru):
            b.setEnabled(f is not None)
        if f is None:
            has = self.detail is not None
            self.text.setHtml(escape(self.tr("Tidak ada temuan untuk guru ini.")) if has else "")
            return
        self.btn_baru.setEnabled(f.status != "baru")
        self.btn_diajukan.setEnabled(f.status != "diajukan")
        self.btn_selesai.setEnabled(f.status != "selesai")
        self.btn_diabaikan.setEnabled(f.status != "diabaikan")
        self.text.setHtml(finding_html(f))

    # -- requests ---------------------------------------------------------------------------------
    # The version passed is the one read with this detail: an edit made after someone else
    # changed the decision is refused by the store instead of overwriting it.
    def _request_status(self, state: str) -> None:
        f, d = self.current_finding(), self.detail
        if f is not None and d is not None:
            # a finding newer than the versions read: its first version (1)
            seen = None if d.versions is None else d.versions.findings.get(f.key, 1)
            self.status_requested.emit(f.key, state, seen)

    def _request_match(self, decision: str) -> None:
        d = self.detail
        if d is not None and d.match is not None and d.match.candidates:
            seen = None if d.versions is None else d.versions.match
            siasn_key = d.match.candidates[0].siasn_key
            self.match_requested.emit(d.row.person_key, siasn_key, decision, seen)

    def _request_unor(self, condition: str) -> None:
        d = self.detail
        if d is not None:
            seen = None if d.versions is None else d.versions.unor_condition
            self.unor_condition_requested.emit(d.row.person_key, condition, seen)

    def _request_alias(self) -> None:
        d = self.detail
        if d is not None and d.row.unor and d.row.school_id is not None:
            self.alias_requested.emit(
                d.row.unor, d.row.school_id, d.alias_version, d.row.person_key
            )


def finding_html(f: Finding) -> str:
    """The explanation of one finding: what, old → new, what to do, where, documents, e-Kinerja."""
    colour = {"invalid": "#b3121f", "warning": "#8a5a00", "info": "#1f5f99"}[f.severity]
    out = [
        f"<p><b style='color:{colour}'>{escape(severity_label(f.severity))}</b> · "
        f"<b>{escape(code_label(f.code))}</b> <span style='color:#777'>({escape(f.code)})</span></p>"
    ]
    if f.detail:
        out.append(f"<p>{escape(f.detail)}</p>")
    if f.field and (f.dapodik_value or f.siasn_value):
        old = escape(f.dapodik_value or "-")
        new = escape(f.suggested_value or f.siasn_value or "-")
        out.append(
            f"<p><b>{escape(f.field)}</b>: <span style='background:#f8c8cc'>{old}</span>"
            f" → <span style='background:#c9efc9'>{new}</span></p>"
        )
    rows = [
        (QCoreApplication.translate("DetailPanel", "Yang harus bertindak"), actor_label(f.actor)),
        (QCoreApplication.translate("DetailPanel", "Di mana"), f.where),
        (QCoreApplication.translate("DetailPanel", "Dokumen"), ", ".join(f.documents) or "-"),
        (
            QCoreApplication.translate("DetailPanel", "Pesan di e-Kinerja"),
            f.ekinerja_message or "-",
        ),
        (
            QCoreApplication.translate("DetailPanel", "Status"),
            workflow_label(f.status) + (f" — {f.note}" if f.note else ""),
        ),
    ]
    out.append("<table cellspacing='0' cellpadding='2'>")
    for label, value in rows:
        out.append(f"<tr><td style='color:#555'>{escape(label)}</td><td>{escape(value)}</td></tr>")
    out.append("</table>")
    if f.action:
        heading = QCoreApplication.translate("DetailPanel", "Langkah perbaikan")
        out.append(f"<p><b>{escape(heading)}</b><br>{escape(f.action)}</p>")
    return "".join(out)
