"""Third-party code that uvnet builds into itself (pip's ``_vendor`` convention).

``uvnet._vendor.pyuv`` is pyuv 1.4.0, compiled by uvnet's build (``setup.py``). Every uvnet
module, test and benchmark takes pyuv from there, ``from uvnet._vendor import pyuv``, never
with ``import pyuv``, which would find whatever pyuv is installed apart from uvnet.
"""
