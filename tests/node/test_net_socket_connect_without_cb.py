"""Port of test-net-socket-connect-without-cb.js: Socket().connect(address dict) with no
callback still emits 'connect'.

The server listens on '::'; connecting with its address dict looks up 'localhost' with family
IPv6. Node's test falls back to connect(port) when the machine has no IPv6; it also fails
(getaddrinfo ENOTFOUND localhost) where 'localhost' has no IPv6 address, so the port falls
back there too."""
import socket

import common
import uvnet


def _localhost_has_ipv6() -> bool:
    try:
        return bool(socket.getaddrinfo('localhost', None, socket.AF_INET6))
    except OSError:
        return False


def test_connect_without_cb():
    def on_connection(conn):
        conn.end()
        server.close()

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        client = uvnet.Socket()
        client.on('connect', common.mustCall(lambda: client.end()))
        address = server.address()
        if (not common.hasIPv6 or not _localhost_has_ipv6()) and address['family'] == 'IPv6':
            client.connect(address['port'])
        else:
            client.connect(address)

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
