"""What a parse does only the first time in a process, done ahead: imported by
the fork server of Himpun's worker processes (himpun/processes.py), so that
each process forked from it starts with the regular expressions compiled,
the tables loaded, dateparser's locale, trafilatura and the rest of Himpun
imported, instead of doing that work itself.

Nothing here may stop the server: multiprocessing's fork server survives
only an ImportError in what it preloads, so every error (and a Ctrl-C while
it runs) is swallowed, and costs nothing but the head start: a worker then
does the same work lazily, and reports any real error on the file that
causes it."""
from __future__ import annotations

import os
from pathlib import Path

_CIRCULAR = """BUPATI CONTOH
SURAT EDARAN NOMOR 800/123/BKPSDM/2024
TENTANG NETRALITAS APARATUR SIPIL NEGARA
Berdasarkan Undang-Undang Nomor 20 Tahun 2023 dan Peraturan Pemerintah Nomor 94 Tahun 2021,
ASN dilarang:
a. memberikan dukungan kepada calon melalui media sosial;
b. menghadiri kampanye.
ASN yang melanggar dijatuhi hukuman disiplin berat.
Ditetapkan di Kota Contoh pada tanggal 5 Agustus 2024
"""
_PAGE = ("<!DOCTYPE html><html><head><title>Berita</title><meta property='og:title' content='ASN netral'>"
         "</head><body><nav>Beranda</nav><article><h1>ASN netral</h1>"
         + "".join(f"<p>{line}</p>" for line in _CIRCULAR.splitlines()) + "</article></body></html>")


_WARMED_IN: int | None = None  # the process that ran warm()


def warm() -> None:
    global _WARMED_IN
    try:
        import himpun.cli  # noqa: F401  (what a worker imports again when it loads the `himpun` script)
        from himpun.ingest.pages import OcrContext
        from himpun.ingest.pipeline import extract_path

        from himpun.ingest.dictionary import stemmer

        stemmer()  # Sastrawi's dictionary (a quarter of a second), which the clean-up and the lexicon ask
        ocr = OcrContext(mode="never")
        for name, data in (("warmup.txt", _CIRCULAR), ("warmup.html", _PAGE)):
            try:
                extract_path(Path(name), data.encode(), "0" * 64, ocr)
            except Exception:  # noqa: BLE001 - see the module's docstring
                pass
    except BaseException:  # noqa: BLE001 - see the module's docstring
        return
    _WARMED_IN = os.getpid()


def inherited() -> bool:
    """Whether this process started warm: forked from the process that warmed up."""
    return _WARMED_IN is not None and _WARMED_IN != os.getpid()


warm()
