"""Port of test-net-connect-reset.js: resetAndDestroy() on a fresh Socket emits
ERR_SOCKET_CLOSED."""
import common
import uvnet


def test_reset_fresh_socket():
    socket = uvnet.Socket()
    socket.resetAndDestroy()
    socket.on('error', common.expectsError(code='ERR_SOCKET_CLOSED', name='Error'))
    uvnet.run()
