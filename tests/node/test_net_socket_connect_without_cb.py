"""Port of test-net-socket-connect-without-cb.js: Socket().connect(address dict) with no
callback still emits 'connect'."""
import common
import uvnet


def test_connect_without_cb():
    def on_connection(conn):
        conn.end()
        server.close()

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        client = uvnet.Socket()
        client.on('connect', common.mustCall(lambda: client.end()))
        address = server.address()
        if not common.hasIPv6 and address['family'] == 'IPv6':
            client.connect(address['port'])
        else:
            client.connect(address)

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
