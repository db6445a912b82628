"""uvnet echo server: `s.pipe(s)`. Usage: uvnet_pipe.py PORT (0: any); prints `ready PORT`."""

from __future__ import annotations

from _common import port_arg, raise_nofile, ready, use_work_tree

use_work_tree()
raise_nofile()

import uvnet  # noqa: E402


def on_connection(s):
    s.on("error", lambda err: None)  # a peer's reset must not end the benchmark
    s.pipe(s)


server = uvnet.createServer(on_connection)
server.listen(port_arg(), "127.0.0.1", lambda: ready(server.address()["port"]))
uvnet.run()
