"""Port of test-net-end-without-connect.js: end() on a never-connected Socket does not raise."""
import uvnet


def test_end_without_connect():
    sock = uvnet.Socket()
    sock.end()  # must not raise
    uvnet.run()
