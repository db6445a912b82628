"""uvnet echo server: `async for chunk in s: s.write(chunk)`. Usage: uvnet_async.py PORT;
prints `ready PORT`. Node's twin is node_forawait.js."""

from __future__ import annotations

from _common import port_arg, raise_nofile, ready, use_work_tree

use_work_tree()
raise_nofile()

import uvnet  # noqa: E402


async def on_connection(s):
    try:
        async for chunk in s:
            s.write(chunk)
    except Exception:  # a peer's reset must not end the benchmark
        pass


server = uvnet.createServer(lambda s: uvnet.Promise.resolve(on_connection(s)))
server.listen(port_arg(), "127.0.0.1", lambda: ready(server.address()["port"]))
uvnet.run()
