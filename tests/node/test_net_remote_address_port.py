"""Port of test-net-remote-address-port.js: remoteAddress / remoteFamily / remotePort on
both ends, None before connect, kept after close."""
import common
import uvnet

REMOTE_ADDR_CANDIDATES = [common.localhostIPv4, '::1', '::ffff:127.0.0.1']
REMOTE_FAMILY_CANDIDATES = ['IPv4', 'IPv6']


def check_remote(sock):
    assert sock.remoteAddress in REMOTE_ADDR_CANDIDATES, sock.remoteAddress
    assert sock.remoteFamily in REMOTE_FAMILY_CANDIDATES, sock.remoteFamily


def test_remote_address_port():
    conns_closed = 0

    def on_connection(socket):
        check_remote(socket)
        assert socket.remotePort
        assert socket.remotePort != server.address()['port']

        def on_end():
            nonlocal conns_closed
            conns_closed += 1
            if conns_closed == 2:
                server.close()

        socket.on('end', on_end)
        socket.on('close', lambda *a: check_remote(socket))
        socket.resume()

    server = uvnet.createServer(common.mustCall(on_connection, 2))

    def on_listening():
        port = server.address()['port']
        client = uvnet.createConnection(port, '127.0.0.1')
        client2 = uvnet.createConnection(port)
        for c in (client, client2):
            assert c.remoteAddress is None
            assert c.remoteFamily is None
            assert c.remotePort is None

        def watch(c):
            def on_connect():
                check_remote(c)
                assert c.remotePort == server.address()['port']
                c.end()

            c.on('connect', on_connect)
            c.on('close', lambda *a: check_remote(c))

        watch(client)
        watch(client2)

    server.listen(0, on_listening)
    uvnet.run()
