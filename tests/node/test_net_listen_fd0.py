"""Port of test-net-listen-fd0.js: listen({fd: 0}) on a non-socket stdin emits EINVAL or
ENOTSOCK asynchronously (never throws)."""
import os

import common
import uvnet


def test_listen_fd0():
    # Node's test runner gives the test a non-socket stdin; make sure fd 0 is /dev/null.
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)

    def on_error(e):
        assert isinstance(e, Exception)
        assert e.code in ('EINVAL', 'ENOTSOCK')

    uvnet.createServer(common.mustNotCall()).listen({'fd': 0}).on(
        'error', common.mustCall(on_error))
    uvnet.run()
