"""The consolidated rulebook: everything in the catalog on civil-servant
neutrality as one document an officer can print, every statement traced to
the clause records it came from. `build` gathers the content (model.py);
markdown.py, html.py and pdf.py write it."""
from himpun.rulebook.model import Rulebook, build  # noqa: F401
from himpun.rulebook.write import FORMATS, write  # noqa: F401
