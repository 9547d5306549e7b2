"""Tesseract through pytesseract: the one place Himpun starts a program.

pytesseract writes the page to a temporary file, runs `tesseract` with an
argument list (never a shell; the file names are its own temporary names,
never a document's) and removes its files afterwards. One gap is closed
here: when the wait for Tesseract is interrupted (Ctrl-C, a worker told to
stop), pytesseract left Tesseract running, to write its result after its
temporary files had been removed. The Popen that pytesseract uses is
replaced by one that kills and reaps Tesseract whenever the wait for it
ends with an exception (interruption or timeout), before pytesseract's
clean-up runs. Failures become FileErrors that name the page.
"""
from __future__ import annotations

import subprocess
import types

import pytesseract
import pytesseract.pytesseract as _pt
from PIL import Image

from himpun.errors import FileError


class _Reaped(subprocess.Popen):
    """Tesseract as pytesseract starts it, never left running when the wait for it is cut short."""

    def communicate(self, *args, **kwargs):
        try:
            return super().communicate(*args, **kwargs)
        except BaseException:
            if self.poll() is None:
                self.kill()
                self.wait()
            raise


def _install() -> None:
    if getattr(_pt.subprocess, "Popen", None) is _Reaped:
        return
    shim = types.ModuleType("subprocess_for_pytesseract")
    shim.__dict__.update(vars(subprocess))
    shim.Popen = _Reaped
    _pt.subprocess = shim


_install()


def data(page: Image.Image, lang: str, config: str, timeout: float, source: str) -> dict[str, list]:
    """Tesseract's word table (TSV) for a page, as pytesseract's DICT output."""
    page.format = "PPM"  # handed to Tesseract uncompressed: PNG encoding cost a tenth of a second a page
    try:
        return pytesseract.image_to_data(page, lang=lang, config=config, timeout=timeout,
                                         output_type=pytesseract.Output.DICT)
    except RuntimeError:  # pytesseract's timeout
        raise FileError(source, f"OCR gave up after {timeout:g} s (the limit, --ocr-timeout)") from None
    except pytesseract.TesseractNotFoundError:
        raise FileError(source, "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-ind)") from None
    except pytesseract.TesseractError as exc:
        raise FileError(source, f"Tesseract failed: {exc.message.strip() or exc.status}") from None


def orientation(page: Image.Image, timeout: float) -> dict:
    """Tesseract's orientation report (OSD): `rotate`, `orientation_conf`; empty when it cannot tell."""
    page.format = "PPM"
    try:
        return pytesseract.image_to_osd(page, config="--psm 0", timeout=timeout, output_type=pytesseract.Output.DICT)
    except (pytesseract.TesseractError, RuntimeError):
        return {}
