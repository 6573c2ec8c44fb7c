"""The render stage: the Site into Markdown pages and HTML fragments, through one Renderer."""

from openwork.render.renderer import Renderer
from openwork.urls import PageUrls

__all__ = ["PageUrls", "Renderer"]
