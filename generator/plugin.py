"""The MkDocs plugin: the only module that knows MkDocs.

Content is loaded and pages composed in ``on_pre_build``, which MkDocs runs
before it empties ``site/``, so a broken record stops the build with the
last good site untouched. ``on_files`` only adds the composed pages.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import pages, records
from .errors import WartaError


class WartaConfig(base.Config):
    content_dir = c.Type(str, default="content")
    templates_dir = c.Type(str, default="templates")


class WartaPlugin(BasePlugin[WartaConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Per-build state starts here, never in __init__: `mkdocs serve`
        # keeps one plugin object across rebuilds.
        root = Path(config.config_file_path).resolve().parent
        self.content_dir = root / self.config.content_dir
        self.templates_dir = root / self.config.templates_dir
        self.pages: tuple[pages.Page, ...] = ()
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        try:
            content = records.load_content(self.content_dir)
        except WartaError as exc:
            raise PluginError("\n" + exc.report()) from None
        self.pages = pages.build(content, self.templates_dir)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages:
            files.append(File.generated(config, page.path, content=page.text))
        return files
