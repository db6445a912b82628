"""Port of test-net-connect-destroy.js: destroy() on a fresh Socket emits 'close'."""
import common
import uvnet


def test_destroy_fresh_socket():
    socket = uvnet.Socket()
    socket.on('close', common.mustCall())
    socket.destroy()
    uvnet.run()
