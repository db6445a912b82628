"""Port of test-net-server-unref.js: an unref'd listening server lets run() return."""
import common
import uvnet


def test_server_unref():
    s = uvnet.createServer()
    s.listen(0)
    s.unref()
    uvnet.setTimeout(common.mustNotCall(), 1000).unref()
    uvnet.run()
