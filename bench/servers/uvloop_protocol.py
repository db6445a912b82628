"""uvloop Protocol echo server: asyncio_protocol.py's server, run on uvloop's loop.
Usage: uvloop_protocol.py PORT; prints `ready PORT`. Needs `uvloop` importable."""

from __future__ import annotations

import asyncio

import uvloop
from _common import raise_nofile
from asyncio_protocol import main

raise_nofile()
loop = uvloop.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
