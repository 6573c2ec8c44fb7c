"""The package imports without MkDocs in the read, index and render stages."""

import subprocess
import sys


def test_read_index_render_do_not_import_mkdocs() -> None:
    code = (
        "import sys, openwork.content, openwork.index, openwork.render.pages, openwork.tags;"
        "assert not [m for m in sys.modules if m.startswith('mkdocs')], 'mkdocs imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
