"""Port of test-net-server-unref-persistent.js: unref() before listen() still applies."""
import common
import uvnet


def test_unref_before_listen():
    server = uvnet.createServer()
    server.unref()
    server.listen()
    uvnet.setTimeout(common.mustNotCall(), 1000).unref()
    uvnet.run()
